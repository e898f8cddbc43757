package org.npad.compute;

import ai.djl.ndarray.NDArray;

/**
 * Inverts a batch of symmetric positive definite matrices: the one heavy linear-algebra step of
 * training (per-position precisions, neighbour distances). An interface so the engine can run it on
 * the library that is fastest where it runs, without the results depending on that choice.
 */
public interface BatchedInverse {

	/**
	 * @param spdBatch B x d x d, symmetric positive definite (covariances with a ridge)
	 * @return B x d x d inverses, with the input's data type, on the input's manager and device
	 */
	NDArray invert(NDArray spdBatch);

	/** The implementation chosen by the system property {@value ComputeBackend#PROPERTY}; DJL when unset. */
	static BatchedInverse selected() {
		return ComputeBackend.selected().inverse();
	}
}
