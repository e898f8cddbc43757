package org.npad.method;

import ai.djl.ndarray.NDArray;

/**
 * The conversion from the backbone's layout (images x channels x rows x columns) to the
 * position-major layout (positions x images x channels) in which all per-position statistics are
 * batched matrix products.
 */
public final class FeatureLayout {

	private FeatureLayout() {
	}

	/** N x d x H x W to P x N x d with P = H * W in row-major order. */
	public static NDArray positionMajor(NDArray features) {
		long n = features.getShape().get(0), d = features.getShape().get(1);
		return features.reshape(n, d, -1).transpose(2, 0, 1);
	}
}
