package org.npad.method;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;

import java.util.Locale;

/**
 * How a model kept for detection holds its precision matrices in memory, chosen by the system
 * property {@value #PROPERTY}: {@code float16} (the default, half the memory, distances within
 * float16's rounding) or {@code float32} (as estimated; for comparing the two, or should a backbone's
 * features ever need more than float16's 11 significant bits).
 */
public enum PrecisionFormat {
	FLOAT16, FLOAT32;

	public static final String PROPERTY = "npad.precision";

	/** Read at every use, as {@code npad.compute} is: a test or study can switch it between models. */
	public static PrecisionFormat selected() {
		String value = System.getProperty(PROPERTY, "float16");
		try {
			return valueOf(value.trim().toUpperCase(Locale.ROOT));
		} catch (IllegalArgumentException e) {
			throw new IllegalArgumentException("-D" + PROPERTY + "=" + value + " is not a precision format: use float16 or float32");
		}
	}

	/** Room for P matrices of d x d, to be filled with {@link Precisions#set}. */
	public Precisions allocate(NDManager manager, int positions, int channels) {
		return this == FLOAT16 ? Float16Precisions.allocate(manager, positions, channels)
				: Float32Precisions.allocate(manager, positions, channels);
	}

	boolean holds(Precisions p) {
		return this == FLOAT16 ? p instanceof Float16Precisions : p instanceof Float32Precisions;
	}

	/** A copy in this format, made a chunk at a time: at most one chunk of float32 beside the two. */
	public Precisions copyOf(Precisions source, NDManager manager) {
		Precisions copy = allocate(manager, source.positions(), source.channels());
		for (int from = 0; from < source.positions(); from += copy.chunk()) {
			try (NDScope scope = new NDScope()) {
				copy.set(from, source.matrices(from, Math.min(source.positions(), from + copy.chunk())));
			}
		}
		return copy;
	}
}
