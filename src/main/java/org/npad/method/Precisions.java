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

	int positions();

	int channels();

	/**
	 * Positions whose matrices one chunk of a {@link Pass} should take: bounds the temporaries a
	 * chunk makes.
	 */
	int chunk();

	/** Starts a pass over the positions, chunk by chunk; what it holds for the pass lives in the manager. */
	Pass pass(NDManager manager);

	/** One pass over the positions: reused working memory, freed by close. */
	interface Pass extends AutoCloseable {

		/**
		 * delta^T S^-1 delta for a range of at most {@link #chunk()} positions.
		 *
		 * @param delta (to - from) x M x d: M vectors per position, each less its position's mean
		 * @return (to - from) x M
		 */
		NDArray quadraticForms(NDArray delta, int from, int to);

		@Override
		void close();
	}

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
