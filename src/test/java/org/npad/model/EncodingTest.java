package org.npad.model;

import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class EncodingTest {

	private static final long[] TWO_3X3 = {2, 3, 3};
	/** Two symmetric 3 x 3 matrices, row-major. */
	private static final float[] MATRICES = {
			1, 2, 3, 2, 4, 5, 3, 5, 6,
			-1, 0.5f, 7, 0.5f, 8, 9, 7, 9, 10};

	@Test
	void upperTriangleIsRowMajorWithTheDiagonal() {
		ByteBuffer out = encode(Encoding.FLOAT32_UPPER, MATRICES, 2, TWO_3X3);
		float[] stored = new float[12];
		out.asFloatBuffer().get(stored);
		assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6, -1, 0.5f, 7, 8, 9, 10}, stored);
	}

	/** [[1, 2], [4, 3]] has the symmetric part [[1, 3], [3, 3]]; both give x^T P x = x1^2 + 6 x1 x2 + 3 x2^2. */
	@Test
	void packingKeepsTheSymmetricPart() {
		long[] shape = {1, 2, 2};
		ByteBuffer out = encode(Encoding.FLOAT32_UPPER, new float[] {1, 2, 4, 3}, 1, shape);
		float[] back = new float[4];
		Encoding.FLOAT32_UPPER.decode(out, 1, shape, back);
		assertArrayEquals(new float[] {1, 3, 3, 3}, back);
	}

	/** Larger than the 64 x 64 blocks the packing works in: every pair must still meet its partner. */
	@Test
	void largeMatricesPackAndUnpackAcrossBlocks() {
		int side = 150;
		long[] shape = {2, side, side};
		float[] values = new float[2 * side * side];
		java.util.Random random = new java.util.Random(1);
		for (int k = 0; k < values.length; k++) values[k] = random.nextInt(1000);
		float[] expected = new float[values.length];
		for (int m = 0; m < 2; m++) {
			for (int i = 0; i < side; i++) {
				for (int j = 0; j < side; j++) {
					int b = m * side * side;
					expected[b + i * side + j] = (values[b + i * side + j] + values[b + j * side + i]) / 2;
				}
			}
		}
		for (Encoding e : new Encoding[] {Encoding.FLOAT32_UPPER, Encoding.FLOAT16_UPPER}) {
			ByteBuffer out = encode(e, values.clone(), 2, shape);
			float[] back = new float[values.length];
			e.decode(out, 2, shape, back);
			assertArrayEquals(expected, back, e.name()); // halves of integers below 1000 are exact in float16
		}
	}

	@Test
	void packedValuesAreMirroredBack() {
		for (Encoding e : new Encoding[] {Encoding.FLOAT32_UPPER, Encoding.FLOAT16_UPPER, Encoding.FLOAT32}) {
			ByteBuffer out = encode(e, MATRICES.clone(), 2, TWO_3X3);
			float[] back = new float[18];
			e.decode(out, 2, TWO_3X3, back);
			assertArrayEquals(MATRICES, back, e.name()); // all values are exact in float16
		}
	}

	/** 1.0f is 0x3F800000 and 1.0 in float16 is 0x3C00, both little-endian. */
	@Test
	void bytesAreLittleEndian() {
		ByteBuffer f32 = encode(Encoding.FLOAT32, new float[] {1}, 1, new long[] {1, 1});
		assertArrayEquals(new byte[] {0, 0, (byte) 0x80, 0x3f}, bytes(f32));
		ByteBuffer f16 = encode(Encoding.FLOAT16, new float[] {1}, 1, new long[] {1, 1});
		assertArrayEquals(new byte[] {0, 0x3c}, bytes(f16));
	}

	@Test
	void storedSizes() {
		assertEquals(2 * 6 * 4, Encoding.FLOAT32_UPPER.storedBytes(TWO_3X3));
		assertEquals(2 * 6 * 2, Encoding.FLOAT16_UPPER.storedBytes(TWO_3X3));
		assertEquals(2 * 9 * 4, Encoding.FLOAT32.storedBytes(TWO_3X3));
		assertEquals(3136L * 550 * 551 / 2 * 4, Encoding.FLOAT32_UPPER.storedBytes(new long[] {3136, 550, 550}));
	}

	@Test
	void float16RefusesValuesBeyondItsRange() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
				() -> encode(Encoding.FLOAT16, new float[] {70000}, 1, new long[] {1, 1}));
		assertEquals("value 70000.0 is beyond the range of float16 (largest 65504.0)", e.getMessage());
	}

	@Test
	void packingNeedsSquareMatrices() {
		assertThrows(IllegalArgumentException.class, () -> Encoding.FLOAT32_UPPER.storedBytes(new long[] {2, 3}));
	}

	private static ByteBuffer encode(Encoding e, float[] values, int items, long[] shape) {
		ByteBuffer out = ByteBuffer.allocate((int) e.storedBytes(shape)).order(ByteOrder.LITTLE_ENDIAN);
		e.encode(values, items, shape, out);
		assertEquals(0, out.remaining());
		return out.flip();
	}

	private static byte[] bytes(ByteBuffer b) {
		byte[] a = new byte[b.remaining()];
		b.get(a);
		return a;
	}
}
