package org.npad.compute;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Loads ND4J's native backend once, on a thread of its own, and turns its failures (a missing native
 * jar, a wrong platform, a CUDA runtime that does not match) into one message saying what is missing
 * and how to fall back; ND4J itself fails with an ExceptionInInitializerError the first time and
 * "Could not initialize class" after that.
 *
 * <p>Why a thread of its own: loaded into a JVM that already runs PyTorch, ND4J binds to PyTorch's
 * OpenMP runtime, and its initialisation leaves the thread that ran it unable to use PyTorch's
 * multi-threaded MKL LU ("Intel oneMKL ERROR: Parameter 6 was incorrect on entry to SLASWP", then no
 * return). Other threads, including ones that later run ND4J operations, are unaffected. Measured
 * with DJL 0.35.1 / PyTorch 2.7.1 and ND4J 1.0.0-M2.1; see docs/compute.md.
 */
final class Nd4jRuntime {

	private static boolean loaded;
	private static String failure;

	private Nd4jRuntime() {
	}

	/** @throws IllegalStateException when ND4J has no usable native backend in this JVM */
	static synchronized void require() {
		if (loaded) return;
		if (failure == null) {
			Throwable error = loadOnOwnThread();
			if (error == null) {
				loaded = true;
				return;
			}
			if (!(error instanceof RuntimeException || error instanceof LinkageError)) throw new IllegalStateException(error);
			failure = rootMessage(error);
		}
		throw new IllegalStateException("ND4J's native backend could not load (" + failure + "). -D" + ComputeBackend.PROPERTY
				+ "=nd4j needs org.nd4j:nd4j-native with its linux-x86_64 natives (or nd4j-cuda-11.6 and a CUDA 11.6 runtime) on"
				+ " the class path; unset " + ComputeBackend.PROPERTY + " to use DJL instead. See docs/compute.md.");
	}

	/** @return what loading threw, or null */
	private static Throwable loadOnOwnThread() {
		Throwable[] error = new Throwable[1];
		Thread loader = new Thread(() -> {
			try {
				Nd4j.getBackend();
			} catch (Throwable e) {
				error[0] = e;
			}
		}, "npad-nd4j-loader");
		loader.start();
		try {
			loader.join();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while ND4J was loading", e);
		}
		return error[0];
	}

	private static String rootMessage(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) root = root.getCause();
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}
}
