package org.npad.fiji;

import ai.djl.Device;

import java.util.Locale;

/**
 * Tells a Linux user once that Fiji was started without {@value #VARIABLE}=1. libtorch reads that
 * variable once, when it first allocates, so the plugin cannot set it itself; without it every fresh
 * 4 kB page of N-pad's large arrays costs a page fault, which on the project's test machine made
 * training 3.3 times slower (docs/install.md, "Speed on Linux").
 */
final class HugePagesAdvice {

	static final String VARIABLE = "THP_MEM_ALLOC_ENABLE";

	private HugePagesAdvice() {
	}

	/**
	 * @param value the variable's value in this process, null when unset
	 * @return the advice, or null where it does not apply (another system, a GPU, the variable set)
	 */
	static String of(Device device, String osName, String value) {
		if (!Device.Type.CPU.equals(device.getDeviceType()) || !osName.toLowerCase(Locale.ROOT).startsWith("linux") || value != null)
			return null;
		return "Fiji was started without " + VARIABLE + "=1. On Linux, starting it with that environment variable (" + VARIABLE
				+ "=1 ./fiji-linux-x64) lets libtorch use 2 MB memory pages, which trained 3.3 times faster on the project's test machine"
				+ " with the same results (docs/install.md, \"Speed on Linux\").";
	}
}
