package org.npad.updatesite;

import java.util.Map;
import java.util.Optional;

/**
 * The Fiji platform a native jar is for, read from the Maven classifier at the end of its name
 * ({@code pytorch-native-cpu-2.7.1-linux-x86_64.jar}). The updater installs a file that names
 * platforms only on those platforms, so a Linux library never lands on a Mac.
 */
public final class FijiPlatform {

	/** Classifier (DJL's os-arch names) to the platform names of the updater's {@code Platforms}. */
	private static final Map<String, String> BY_CLASSIFIER = Map.of(
		"linux-x86_64", "linux64",
		"linux-aarch64", "linux-arm64",
		"osx-x86_64", "macos64",
		"osx-aarch64", "macos-arm64",
		"win-x86_64", "win64");

	private FijiPlatform() {}

	public static Optional<String> ofJarName(String jarName) {
		return BY_CLASSIFIER.entrySet().stream()
			.filter(e -> jarName.endsWith("-" + e.getKey() + ".jar"))
			.map(Map.Entry::getValue)
			.findFirst();
	}
}
