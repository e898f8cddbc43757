package org.npad.compute;

import ai.djl.ndarray.NDArray;

/**
 * Inverts a batch of symmetric positive definite matrices, or solves with them: the one heavy
 * linear-algebra step of training (per-position precisions, neighbour distances). An interface so the engine can run it on
 * the library that is fastest where it runs, without the results depending on that choice.
 */
public interface BatchedInverse {

	/**
	 * @param spdBatch B x d x d, symmetric positive definite (covariances with a ridge)
	 * @return B x d x d inverses, with the input's data type, on the input's manager and device
	 */
	NDArray invert(NDArray spdBatch);

	/**
	 * delta_b^T A_b^-1 delta_b for each b (the Bhattacharyya terms of neighbour weights); by
	 * default through the inverse, where a backend has a cheaper solve it overrides this.
	 *
	 * @param spdBatch B x d x d, symmetric positive definite
	 * @param delta    B x d
	 * @return B
	 */
	default NDArray quadraticForms(NDArray spdBatch, NDArray delta) {
		NDArray row = delta.expandDims(1);
		return row.batchMatMul(invert(spdBatch)).mul(row).sum(new int[] {1, 2});
	}

	/** The implementation chosen by the system property {@value ComputeBackend#PROPERTY}; DJL when unset. */
	static BatchedInverse selected() {
		return ComputeBackend.selected().inverse();
	}
}
