package org.npad.compute;

import org.nd4j.linalg.factory.Nd4j;

/**
 * Loads ND4J's native backend once and turns its failures (a missing native jar, a wrong platform, a
 * CUDA runtime that does not match) into one message saying what is missing and how to fall back;
 * ND4J itself fails with an ExceptionInInitializerError the first time and "Could not initialize
 * class" after that.
 */
final class Nd4jRuntime {

	private static String failure;
	private static boolean loaded;

	private Nd4jRuntime() {
	}

	/** Whether ND4J's native library is loaded in this JVM (by this class). */
	static synchronized boolean loaded() {
		return loaded;
	}

	/** @throws IllegalStateException when ND4J has no usable native backend in this JVM */
	static synchronized void require() {
		if (loaded) return;
		if (failure == null) {
			try {
				Nd4j.getBackend();
				loaded = true;
				return;
			} catch (RuntimeException | LinkageError e) {
				failure = rootMessage(e);
			}
		}
		throw new IllegalStateException("ND4J's native backend could not load (" + failure + "). -D" + ComputeBackend.PROPERTY
				+ "=nd4j needs org.nd4j:nd4j-native with its linux-x86_64 natives (or nd4j-cuda-11.6 and a CUDA 11.6 runtime) on"
				+ " the class path; unset " + ComputeBackend.PROPERTY + " to use DJL instead. See docs/compute.md.");
	}

	private static String rootMessage(Throwable e) {
		Throwable root = e;
		while (root.getCause() != null && root.getCause() != root) root = root.getCause();
		return root.getClass().getSimpleName() + ": " + root.getMessage();
	}
}
