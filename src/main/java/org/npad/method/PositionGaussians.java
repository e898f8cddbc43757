package org.npad.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

import org.npad.compute.BatchedInverse;

/**
 * One Gaussian per feature-map position, kept as mean and precision (inverse covariance) because
 * scoring only ever needs the precision.
 *
 * @param mean      P x d
 * @param precision P matrices of d x d
 */
public record PositionGaussians(NDArray mean, Precisions precision) implements AutoCloseable {

	/** Positions per batched inverse or product: bounds temporaries to about 128 MB at d = 550. */
	static int chunk(long channels) {
		return (int) Math.max(1, (1L << 25) / (channels * channels));
	}

	public int positions() {
		return (int) mean.getShape().get(0);
	}

	public int channels() {
		return (int) mean.getShape().get(1);
	}

	/**
	 * Plain per-position Gaussians, eq. 2-3: covariance = estimator(scatter / (N - 1)) + eps I. Used by
	 * module B and, with a 1 x 1 window, by module A (where it is PaDiM). The moments are consumed: each
	 * precision overwrites its scatter matrix, so no second array of the model's size is made.
	 */
	public static PositionGaussians of(PositionMoments moments, CovarianceEstimator estimator, double epsilon, NDManager owner) {
		NDArray scatter = moments.scatter();
		int positions = (int) scatter.getShape().get(0), d = (int) scatter.getShape().get(1);
		try (NDArray ridge = scatter.getManager().eye(d).mul(epsilon)) {
			for (int from = 0; from < positions; from += chunk(d)) {
				try (NDScope scope = new NDScope()) { // one chunk's temporaries at a time: they are 1/30 of the model each
					NDIndex range = new NDIndex(from + ":" + Math.min(positions, from + chunk(d)));
					NDArray covariance = scatter.get(range).divi(moments.count() - 1); // the slice is overwritten below anyway
					NDArray samples = covariance.getManager().full(new Shape(covariance.getShape().get(0)), (float) moments.count());
					scatter.set(range, invertCovariance(estimator.estimate(covariance, samples), ridge));
				}
			}
		}
		scatter.attach(owner);
		moments.mean().attach(owner);
		return new PositionGaussians(moments.mean(), new Float32Precisions(scatter));
	}

	/**
	 * (covariance + ridge)^-1 for a chunk of positions, symmetrised: a float32 inverse is not exactly
	 * symmetric, and packed model storage keeps one triangle. The covariance is overwritten: every
	 * fresh chunk-sized array costs page faults (on the project's virtual machine more than the
	 * arithmetic), so the ridge and the halving are added in place.
	 */
	static NDArray invertCovariance(NDArray covariance, NDArray ridge) {
		NDArray inverse = BatchedInverse.selected().invert(covariance.addi(ridge));
		return inverse.add(inverse.transpose(0, 2, 1)).divi(2);
	}

	/**
	 * Squared Mahalanobis distances of vectors to the Gaussians of their positions.
	 *
	 * @param x P x M x d: M vectors per position
	 * @return P x M
	 */
	public NDArray squaredDistances(NDArray x) {
		return precision.squaredDistances(x, mean);
	}

	/** These Gaussians with their precisions in the given format; where that is another, this one's precisions are freed. */
	public PositionGaussians in(PrecisionFormat format) {
		if (format.holds(precision)) return this;
		Precisions copy = format.copyOf(precision, mean.getManager());
		precision.close();
		return new PositionGaussians(mean, copy);
	}

	@Override
	public void close() {
		mean.close();
		precision.close();
	}
}
