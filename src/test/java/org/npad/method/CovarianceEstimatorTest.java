package org.npad.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

/** OAS (Chen et al. 2010, eq. 23) worked by hand: rho = ((1 - 2/p) tr(S^2) + tr(S)^2) / ((n + 1 - 2/p)(tr(S^2) - tr(S)^2 / p)). */
class CovarianceEstimatorTest {

	/**
	 * S = diag(4, 2, 1, 1), p = 4: tr 8, tr(S^2) 22; n = 50: rho = (0.5 * 22 + 64) / (50.5 * (22 - 16)) = 75 / 303;
	 * estimate (1 - rho) S + 2 rho I. S = [[2,1],[1,2]], p = 2: tr 4, tr(S^2) 10; n = 19: rho = 16 / (19 * 2) = 8 / 19.
	 * Both in one batch, each with its own n.
	 */
	@Test
	void shrinksEachCovarianceByItsOwnSampleSize() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray s4 = m.create(new float[] {4, 0, 0, 0, 0, 2, 0, 0, 0, 0, 1, 0, 0, 0, 0, 1}, new Shape(1, 4, 4));
			double rho = 75.0 / 303;
			float[] expected = new float[16];
			float[] diagonal = {4, 2, 1, 1};
			for (int i = 0; i < 4; i++) expected[i * 5] = (float) ((1 - rho) * diagonal[i] + 2 * rho);
			assertArrayEquals(expected, CovarianceEstimator.OAS.estimate(s4, m.create(new float[] {50})).toFloatArray(), 1e-5f);

			NDArray pair = m.create(new float[] {2, 1, 1, 2, 2, 1, 1, 2}, new Shape(2, 2, 2));
			double r19 = 8.0 / 19;
			float off = (float) (1 - r19);
			// n = 1 would give rho = 16 / 2 = 8: capped at 1, the scaled identity tr(S)/p I = 2 I
			assertArrayEquals(new float[] {2, off, off, 2, 2, 0, 0, 2},
					CovarianceEstimator.OAS.estimate(pair, m.create(new float[] {19, 1})).toFloatArray(), 1e-5f);
		}
	}

	/** An isotropic covariance is its own shrinkage target (the denominator is 0): it comes back unchanged. */
	@Test
	void isotropicCovarianceIsKept() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray s = m.eye(3).mul(3).expandDims(0);
			assertArrayEquals(s.toFloatArray(), CovarianceEstimator.OAS.estimate(s, m.create(new float[] {5})).toFloatArray(), 1e-6f);
		}
	}

	@Test
	void ridgeLeavesTheSampleCovariance() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray s = m.create(new float[] {2, 1, 1, 2}, new Shape(1, 2, 2));
			assertSame(s, CovarianceEstimator.RIDGE.estimate(s, m.create(new float[] {3})));
		}
	}
}
