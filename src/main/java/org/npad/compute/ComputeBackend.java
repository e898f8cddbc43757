package org.npad.compute;

import java.util.Arrays;
import java.util.Locale;

/** Which library runs the heavy linear algebra, chosen once per JVM by a system property. */
public enum ComputeBackend {

	/** DJL (PyTorch): CPU, or CUDA when the arrays are on a GPU. */
	DJL {
		@Override
		public BatchedInverse inverse() {
			return new DjlInverse();
		}
	},
	/** ND4J: CPU through nd4j-native (OpenBLAS), or CUDA 11.6 when built with the nd4j-cuda profile. */
	ND4J {
		@Override
		public BatchedInverse inverse() {
			return new Nd4jInverse();
		}
	};

	/** System property naming the backend: {@code djl} (default) or {@code nd4j}. */
	public static final String PROPERTY = "npad.compute";

	public abstract BatchedInverse inverse();

	/** The backend named by {@value #PROPERTY}, DJL when it is unset or blank. */
	public static ComputeBackend selected() {
		String name = System.getProperty(PROPERTY, "");
		return name.isBlank() ? DJL : parse(name);
	}

	/** @throws IllegalArgumentException naming the property and the accepted values */
	public static ComputeBackend parse(String name) {
		for (ComputeBackend b : values()) if (b.name().equalsIgnoreCase(name.strip())) return b;
		throw new IllegalArgumentException("-D" + PROPERTY + "=" + name + " is not a compute backend; use one of "
				+ Arrays.toString(values()).toLowerCase(Locale.ROOT));
	}
}
