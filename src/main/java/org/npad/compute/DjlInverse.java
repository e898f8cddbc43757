package org.npad.compute;

import ai.djl.ndarray.NDArray;

/**
 * The default: the engine's own batched inverse, which runs wherever the array lives (CPU, or CUDA
 * when the NDArray is on a GPU), so no copies leave the device.
 */
public final class DjlInverse implements BatchedInverse {

	@Override
	public NDArray invert(NDArray spdBatch) {
		return spdBatch.inverse();
	}

	/** A Cholesky solve: a sixth of the inverse's arithmetic, measured twice as fast at d = 550. */
	@Override
	public NDArray quadraticForms(NDArray spdBatch, NDArray delta) {
		return TorchLinalg.quadraticForms(spdBatch, delta);
	}
}
