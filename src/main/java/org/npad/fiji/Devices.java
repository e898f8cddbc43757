package org.npad.fiji;

import ai.djl.Device;
import ai.djl.engine.Engine;

import java.util.Locale;

/**
 * The device names the commands accept. Users choose between the processor and the graphics card;
 * DJL's device strings ("gpu(0)") are an implementation detail they should not have to type.
 */
public final class Devices {

	public static final String CPU = "cpu";
	public static final String GPU = "gpu";

	private Devices() {
	}

	/** "cpu", or "gpu" for the first CUDA device PyTorch sees; refuses a GPU that is not there. */
	public static Device parse(String name) {
		String n = name == null ? CPU : name.trim().toLowerCase(Locale.ROOT);
		return switch (n) {
			case CPU -> Device.cpu();
			case GPU -> {
				if (Engine.getEngine("PyTorch").getGpuCount() < 1)
					throw new IllegalArgumentException("device gpu: PyTorch sees no CUDA GPU on this machine (or the CPU-only PyTorch is installed); use device=cpu");
				yield Device.gpu();
			}
			default -> throw new IllegalArgumentException("device must be cpu or gpu, got '" + name + "'");
		};
	}
}
