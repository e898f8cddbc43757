package org.npad.method;

import ai.djl.ndarray.NDArray;

/**
 * Conversions between the backbone's layout (images x channels x rows x columns) and the
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

	/** P x N x d back to N x d x H x W. */
	public static NDArray imageMajor(NDArray positions, int h, int w) {
		long n = positions.getShape().get(1), d = positions.getShape().get(2);
		return positions.transpose(1, 2, 0).reshape(n, d, h, w);
	}
}
