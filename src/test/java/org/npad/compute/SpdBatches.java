package org.npad.compute;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.util.Random;

/** Covariance-like test matrices and the error measure, shared by the tests and InverseBenchmark. */
public final class SpdBatches {

	private SpdBatches() {
	}

	/**
	 * Sample covariances of 2d Gaussian vectors with channel scales from 0.1 to 3, plus the 0.01 ridge:
	 * eigenvalues from about 0.01 to 20, as the engine sees them. B x d x d float32.
	 */
	public static NDArray covariances(NDManager m, int batch, int d, Random random) {
		int n = 2 * d;
		float[] x = new float[batch * n * d];
		for (int b = 0; b < batch; b++) {
			float[] scale = new float[d];
			for (int c = 0; c < d; c++) scale[c] = 0.1f + 2.9f * random.nextFloat();
			for (int r = 0; r < n; r++)
				for (int c = 0; c < d; c++) x[(b * n + r) * d + c] = (float) random.nextGaussian() * scale[c];
		}
		NDArray samples = m.create(x, new Shape(batch, n, d));
		return samples.transpose(0, 2, 1).batchMatMul(samples).div(n - 1).add(m.eye(d).mul(0.01f));
	}

	/** Largest over the batch of |value - reference|_F / |reference|_F, in float64. */
	public static double relativeError(NDArray value, NDArray reference) {
		NDArray r = reference.toType(DataType.FLOAT64, false);
		NDArray difference = value.toType(DataType.FLOAT64, false).sub(r);
		return difference.norm(new int[] {1, 2}).div(r.norm(new int[] {1, 2})).max().getDouble();
	}
}
