package org.npad.compute;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * The default: the engine's own batched inverse, which runs wherever the array lives (CPU, or CUDA
 * when the NDArray is on a GPU), so no copies leave the device.
 *
 * <p>One clash is worked around here: once ND4J's native library has loaded into a JVM that already
 * runs PyTorch, it shares PyTorch's OpenMP runtime, and from then on PyTorch's multi-threaded MKL LU
 * (used by the CPU inverse) fails ("Intel oneMKL ERROR: Parameter 6 was incorrect on entry to SLASWP")
 * and never returns. Single-threaded it is still correct, so in such a JVM the CPU inverse runs on one
 * thread. Measured with DJL 0.35.1 / PyTorch 2.7.1 and ND4J 1.0.0-M2.1; see docs/compute.md.
 */
public final class DjlInverse implements BatchedInverse {

	private static final Object THREADS = new Object();

	@Override
	public NDArray invert(NDArray spdBatch) {
		if (!Nd4jRuntime.loaded() || !Device.Type.CPU.equals(spdBatch.getDevice().getDeviceType()) || !"PyTorch".equals(spdBatch.getManager().getEngine().getEngineName()))
			return spdBatch.inverse();
		synchronized (THREADS) {
			int threads = JniUtils.getNumThreads();
			JniUtils.setNumThreads(1);
			try {
				return spdBatch.inverse();
			} finally {
				JniUtils.setNumThreads(threads);
			}
		}
	}
}
