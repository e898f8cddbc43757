package org.npad.method;

import ai.djl.ndarray.NDArray;

/**
 * How each position's covariance is estimated from its (weighted) samples before the ridge
 * epsilon I is added and it is inverted.
 *
 * <p>Why shrinkage is offered: with the ridge alone, directions the samples barely span keep a
 * variance of about epsilon, so a nominal feature that moves slightly along them gets a large
 * distance. That happens where a position rests on few samples (few training images; border
 * positions, whose clipped windows hold fewer neighbours): on the sample data (18 training images)
 * every nominal test image had its highest anomaly at the map's border. Shrinkage towards a scaled
 * identity, by an amount derived from the sample size and the spread of the eigenvalues, needs no
 * tuning. Why it is not the default: the same large precisions are what outline a defect, and on
 * MTD shrinkage raised image AUROC but lowered pixel AUROC and PRO, the more so the fewer the
 * images (docs/settings.md has the figures).
 */
public enum CovarianceEstimator {
	/** The paper (and PaDiM): the sample covariance; only epsilon I regularises it. */
	RIDGE,
	/**
	 * Oracle approximating shrinkage (Chen, Wiesel, Eldar and Hero, IEEE Trans. Signal Process.
	 * 58(10), 2010, eq. 23): (1 - rho) S + rho tr(S)/p I with
	 * rho = min(1, ((1 - 2/p) tr(S^2) + tr(S)^2) / ((n + 1 - 2/p) (tr(S^2) - tr(S)^2 / p))),
	 * n the number of samples (the effective number for weighted samples).
	 */
	OAS;

	/**
	 * @param covariance B x p x p symmetric sample covariances
	 * @param samples    B (effective) sample sizes, one per covariance
	 * @return the estimates, B x p x p
	 */
	public NDArray estimate(NDArray covariance, NDArray samples) {
		if (this == RIDGE) return covariance;
		long p = covariance.getShape().get(1);
		NDArray identity = covariance.getManager().eye((int) p).expandDims(0);
		NDArray trace = covariance.mul(identity).sum(new int[] {1, 2});
		NDArray traceOfSquare = covariance.square().sum(new int[] {1, 2}); // tr(S^2) = |S|_F^2 for symmetric S
		NDArray squaredTrace = trace.square();
		float twoOverP = 2f / p;
		NDArray numerator = traceOfSquare.mul(1 - twoOverP).add(squaredTrace);
		NDArray denominator = samples.add(1 - twoOverP).mul(traceOfSquare.sub(squaredTrace.div(p)));
		// an isotropic S has denominator 0: it is its own target, any rho in [0, 1] gives S
		NDArray rho = numerator.div(denominator.maximum(Float.MIN_NORMAL)).minimum(1f).reshape(-1, 1, 1);
		NDArray target = identity.mul(trace.div(p).reshape(-1, 1, 1));
		return covariance.mul(rho.neg().add(1)).add(target.mul(rho));
	}
}
