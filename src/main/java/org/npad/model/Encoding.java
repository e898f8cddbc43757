package org.npad.model;

import java.nio.ByteBuffer;
import java.util.Locale;

/**
 * How one array's values lie in the file, little-endian. Items are the slices along the first
 * axis (positions of a precision array, rows of a mean or of the bank). The packed encodings keep
 * only the upper triangle (row-major, diagonal included) of each item's trailing square matrix:
 * precision matrices are symmetric, so this halves the file. A float32 inverse is symmetric only up
 * to its rounding (at d = 550 its two triangles differ enough to move distances by a few percent),
 * so the packed triangle holds the symmetric part (P + P^T) / 2: x^T P x depends on nothing else,
 * and distances come back as the full matrix gave them.
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
	 * @param values items in memory, row-major, {@code items * itemValues(shape)} of them; a packed
	 *               encoding overwrites their upper triangles with the symmetric part
	 * @throws IllegalArgumentException for a finite value beyond the range of float16
	 */
	void encode(float[] values, int items, long[] shape, ByteBuffer out) {
		int perItem = (int) itemValues(shape);
		if (!upperTriangle) {
			put(values, 0, items * perItem, out);
			return;
		}
		int side = side(shape);
		for (int item = 0; item < items; item++) {
			int base = item * perItem;
			pairUp(values, base, side, true);
			for (int i = 0; i < side; i++) put(values, base + i * side + i, side - i, out);
		}
	}

	/** Reads items from in into values, the inverse of {@link #encode}; packed matrices are mirrored. */
	void decode(ByteBuffer in, int items, long[] shape, float[] values) {
		int perItem = (int) itemValues(shape);
		if (!upperTriangle) {
			get(in, values, 0, items * perItem);
			return;
		}
		int side = side(shape);
		for (int item = 0; item < items; item++) {
			int base = item * perItem;
			for (int i = 0; i < side; i++) get(in, values, base + i * side + i, side - i);
			pairUp(values, base, side, false);
		}
	}

	/**
	 * For every pair i < j of one side x side matrix: either the upper entry becomes the mean of both,
	 * or the lower one becomes a copy of the upper. Visited in 64 x 64 blocks, because the lower
	 * entries run down a column, and a whole 550 x 550 matrix does not stay in cache.
	 */
	private static void pairUp(float[] v, int base, int side, boolean average) {
		final int block = 64;
		for (int i0 = 0; i0 < side; i0 += block) {
			for (int j0 = i0; j0 < side; j0 += block) {
				for (int i = i0; i < Math.min(i0 + block, side); i++) {
					for (int j = Math.max(j0, i + 1); j < Math.min(j0 + block, side); j++) {
						int upper = base + i * side + j, lower = base + j * side + i;
						if (average) v[upper] = (v[upper] + v[lower]) * 0.5f;
						else v[lower] = v[upper];
					}
				}
			}
		}
	}

	private void put(float[] values, int from, int count, ByteBuffer out) {
		if (bytesPerValue == Float.BYTES) {
			out.asFloatBuffer().put(values, from, count);
			out.position(out.position() + count * Float.BYTES);
			return;
		}
		for (int k = from; k < from + count; k++) {
			float value = values[k];
			if (Math.abs(value) > Half.MAX && Float.isFinite(value)) {
				throw new IllegalArgumentException("value " + value + " is beyond the range of float16 (largest " + Half.MAX + ")");
			}
			out.putShort(Half.fromFloat(value));
		}
	}

	private void get(ByteBuffer in, float[] values, int from, int count) {
		if (bytesPerValue == Float.BYTES) {
			in.asFloatBuffer().get(values, from, count);
			in.position(in.position() + count * Float.BYTES);
			return;
		}
		for (int k = from; k < from + count; k++) values[k] = Half.toFloat(in.getShort());
	}

	private static int side(long[] shape) {
		if (shape.length != 3 || shape[1] != shape[2]) {
			throw new IllegalArgumentException("upper-triangle encodings need items x n x n arrays");
		}
		return Math.toIntExact(shape[1]);
	}
}
