package org.npad.compute;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

import java.util.Random;

/**
 * Run in a fresh JVM by {@link Nd4jRuntimeTest}: PyTorch first, then ND4J loads, then PyTorch's
 * multi-threaded CPU inverse on the thread that asked for ND4J. Prints "inverse ok" when it returns.
 */
public final class PyTorchAfterNd4jProbe {

	public static void main(String[] args) {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray spd = SpdBatches.covariances(m, 2, 150, new Random(1));
			NDArray before = spd.inverse();
			Nd4jRuntime.require();
			NDArray after = spd.inverse();
			System.out.println("inverse ok, same as before ND4J: " + (SpdBatches.relativeError(after, before) == 0));
		}
	}
}
