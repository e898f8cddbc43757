package org.npad.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * The precision (inverse covariance) matrices of every position, P x d x d, as scoring reads them.
 * Two representations: estimation writes float32 ({@link Float32Precisions}); a model kept for
 * detection holds them as {@link PrecisionFormat#selected()} says, by default in float16
 * ({@link Float16Precisions}): half the memory of the largest part of a model.
 */
public interface Precisions extends AutoCloseable {

	/** The stored matrices, P x d x d, in the format's own type and scale. */
	NDArray values();

	default int positions() {
		return (int) values().getShape().get(0);
	}

	default int channels() {
		return (int) values().getShape().get(1);
	}

	/** Positions whose matrices are copied or scored at a time: bounds the temporaries a chunk makes. */
	int chunk();

	/**
	 * Squared Mahalanobis distances of vectors to the Gaussians of their positions.
	 *
	 * @param x    P x M x d: M vectors per position
	 * @param mean P x d
	 * @return P x M, in x's manager
	 */
	NDArray squaredDistances(NDArray x, NDArray mean);

	/** The matrices of positions from..to as float32 values, a new array: what a model file stores. */
	NDArray matrices(int from, int to);

	/**
	 * Stores float32 matrices for positions from on.
	 *
	 * @param matrices n x d x d, float32
	 */
	void set(int from, NDArray matrices);

	/** Bytes held in (native) memory. */
	long bytes();

	/** Moves the arrays to another manager, as a loaded model's are once the whole file checks out. */
	void attach(NDManager manager);

	@Override
	void close();
}
