package org.npad.model;

import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * How one array's values lie in the file, little-endian. Items are the slices along the first
 * axis (positions of a precision array, rows of a mean or of the bank). The packed encodings keep
 * only the upper triangle (row-major, diagonal included) of each item's trailing square matrix:
 * precision matrices are symmetric, so this halves the file without losing anything.
 */
public enum Encoding {
	FLOAT32(Float.BYTES, false),
	FLOAT16(2, false),
	FLOAT32_UPPER(Float.BYTES, true),
	FLOAT16_UPPER(2, true);

	private final int bytesPerValue;
	private final boolean upperTriangle;

	Encoding(int bytesPerValue, boolean upperTriangle) {
		this.bytesPerValue = bytesPerValue;
		this.upperTriangle = upperTriangle;
	}

	/** The name written in the file. */
	public String fileName() {
		return name().toLowerCase(Locale.ROOT);
	}

	static Encoding fromFileName(String name) {
		for (Encoding e : values()) {
			if (e.fileName().equals(name)) return e;
		}
		throw new IllegalArgumentException("unknown array encoding '" + name + "'");
	}

	/** Values one item has in memory: the product of all axes but the first. */
	static long itemValues(long[] shape) {
		long n = 1;
		for (int i = 1; i < shape.length; i++) n *= shape[i];
		return n;
	}

	/** Values one item has in the file. */
	long storedItemValues(long[] shape) {
		if (!upperTriangle) return itemValues(shape);
		long side = side(shape);
		return side * (side + 1) / 2;
	}

	long storedBytes(long[] shape) {
		return shape[0] * storedItemValues(shape) * bytesPerValue;
	}

	int storedItemBytes(long[] shape) {
		return Math.toIntExact(storedItemValues(shape) * bytesPerValue);
	}

	/**
	 * Appends items to out.
	 *
	 * @param values items in memory, row-major, {@code items * itemValues(shape)} of them
	 * @throws IllegalArgumentException for a finite value beyond the range of float16
	 */
	void encode(float[] values, int items, long[] shape, ByteBuffer out) {
		int side = upperTriangle ? side(shape) : 0;
		int perItem = (int) itemValues(shape);
		for (int item = 0; item < items; item++) {
			int base = item * perItem;
			if (!upperTriangle) {
				for (int k = 0; k < perItem; k++) put(values[base + k], out);
			} else {
				for (int i = 0; i < side; i++) {
					for (int j = i; j < side; j++) put(values[base + i * side + j], out);
				}
			}
		}
	}

	/** Reads items from in into values, the inverse of {@link #encode}; packed matrices are mirrored. */
	void decode(ByteBuffer in, int items, long[] shape, float[] values) {
		int side = upperTriangle ? side(shape) : 0;
		int perItem = (int) itemValues(shape);
		for (int item = 0; item < items; item++) {
			int base = item * perItem;
			if (!upperTriangle) {
				for (int k = 0; k < perItem; k++) values[base + k] = get(in);
			} else {
				for (int i = 0; i < side; i++) {
					for (int j = i; j < side; j++) {
						float v = get(in);
						values[base + i * side + j] = v;
						values[base + j * side + i] = v;
					}
				}
			}
		}
	}

	private void put(float value, ByteBuffer out) {
		if (bytesPerValue == Float.BYTES) {
			out.putFloat(value);
		} else {
			if (Math.abs(value) > Half.MAX && Float.isFinite(value)) {
				throw new IllegalArgumentException("value " + value + " is beyond the range of float16 (largest " + Half.MAX + ")");
			}
			out.putShort(Half.fromFloat(value));
		}
	}

	private float get(ByteBuffer in) {
		return bytesPerValue == Float.BYTES ? in.getFloat() : Half.toFloat(in.getShort());
	}

	private static int side(long[] shape) {
		if (shape.length != 3 || shape[1] != shape[2]) {
			throw new IllegalArgumentException("upper-triangle encodings need items x n x n arrays");
		}
		return Math.toIntExact(shape[1]);
	}
}
