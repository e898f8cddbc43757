package org.npad.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The process's peak resident memory. Most of N-pad's memory is native (libtorch tensors), which the
 * Java heap figures do not see, so the kernel's high-water mark is the honest number.
 */
final class PeakMemory {

	private PeakMemory() {
	}

	/** VmHWM in MiB, or the Java heap's current use where /proc is not available. */
	static long mebibytes() {
		try {
			for (String line : Files.readAllLines(Path.of("/proc/self/status")))
				if (line.startsWith("VmHWM:")) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
		} catch (IOException | NumberFormatException e) {
			// not Linux: fall through
		}
		Runtime r = Runtime.getRuntime();
		return (r.totalMemory() - r.freeMemory()) >> 20;
	}
}
