package org.npad.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.npad.TemporaryProperty;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PrecisionFormatTest {

	/** 2^-11: float16's relative rounding (11 significant bits). */
	private static final double HALF_ULP = Math.scalb(1.0, -11);

	@Test
	void scalesBringTheLargestEntryIntoTheTopBinade() {
		assertEquals(Math.scalb(1f, -14), Float16Precisions.scaleFor(1));    // 1 -> 16384
		assertEquals(Math.scalb(1f, -13), Float16Precisions.scaleFor(3));    // 3 -> 24576
		assertEquals(32, Float16Precisions.scaleFor(1e6f));                  // 2^19 <= 1e6 < 2^20: 1e6 -> 31250
		assertEquals(Math.scalb(1f, -36), Float16Precisions.scaleFor(3e-7f)); // 2^-22 <= 3e-7 < 2^-21
		assertEquals(1, Float16Precisions.scaleFor(0));
		assertEquals(1, Float16Precisions.scaleFor(Float.NaN));
		assertEquals(1, Float16Precisions.scaleFor(Float.POSITIVE_INFINITY));
	}

	/** [[2, -0.5], [-0.5, 1]] is exact in float16; x (4, 3), mean (3, 2), delta (1, 1): 2 - 0.5 - 0.5 + 1 = 2. */
	@Test
	void exactValuesGiveExactDistances() {
		try (NDManager m = NDManager.newBaseManager()) {
			Precisions p = PrecisionFormat.FLOAT16.allocate(m, 1, 2);
			p.set(0, m.create(new float[] {2, -0.5f, -0.5f, 1}, new Shape(1, 2, 2)));
			assertArrayEquals(new float[] {2, -0.5f, -0.5f, 1}, p.matrices(0, 1).toFloatArray());
			NDArray x = m.create(new float[] {4, 3}, new Shape(1, 1, 2)), mean = m.create(new float[] {3, 2}, new Shape(1, 2));
			assertArrayEquals(new float[] {2}, p.squaredDistances(x, mean).toFloatArray());
		}
	}

	/**
	 * Matrices beyond float16's range (65504) and below its normal numbers (6.1e-5) keep 11
	 * significant bits, because each is scaled on its own.
	 */
	@Test
	void matricesOfAnyMagnitudeKeepElevenBits() {
		try (NDManager m = NDManager.newBaseManager()) {
			float[] values = {1e6f, 3.3e5f, 3.3e5f, 2.1e5f, 3.1e-7f, -1.3e-7f, -1.3e-7f, 2.7e-7f};
			Precisions p = PrecisionFormat.FLOAT16.allocate(m, 2, 2);
			p.set(0, m.create(values, new Shape(2, 2, 2)));
			float[] stored = p.matrices(0, 2).toFloatArray();
			for (int i = 0; i < values.length; i++)
				assertEquals(values[i], stored[i], Math.abs(values[i]) * HALF_ULP, "entry " + i);
			// delta (1, -2) at each: 1e6 - 4 * 3.3e5 + 4 * 2.1e5 = 5.2e5; 3.1e-7 + 4 * 1.3e-7 + 4 * 2.7e-7 = 1.91e-6
			float[] forms = p.squaredDistances(m.create(new float[] {1, -2, 1, -2}, new Shape(2, 1, 2)), m.zeros(new Shape(2, 2))).toFloatArray();
			assertEquals(5.2e5, forms[0], 5.2e5 * 1e-2);
			assertEquals(1.91e-6, forms[1], 1.91e-6 * 1e-2);
		}
	}

	/**
	 * Realistic precisions (inverses of d = 300 sample covariances of 100 vectors, + 0.01 I, so
	 * condition numbers in the hundreds) over 50 positions, three float16 chunks: the float16 model's
	 * squared distances agree with the float32 model's to 1e-3.
	 */
	@Test
	void float16DistancesAgreeWithFloat32() {
		try (NDManager m = NDManager.newBaseManager()) {
			int positions = 50, d = 300;
			NDArray samples = m.randomNormal(new Shape(positions, 100, d));
			NDArray centred = samples.sub(samples.mean(new int[] {1}, true));
			NDArray covariance = centred.transpose(0, 2, 1).batchMatMul(centred).div(99).add(m.eye(d).mul(0.01));
			NDArray inverse = covariance.inverse();
			NDArray mean = m.randomNormal(new Shape(positions, d));
			PositionGaussians full = new PositionGaussians(mean, new Float32Precisions(inverse.add(inverse.transpose(0, 2, 1)).div(2)));
			NDArray x = mean.expandDims(1).add(m.randomNormal(new Shape(positions, 8, d)));
			float[] expected = full.squaredDistances(x).toFloatArray();

			PositionGaussians half = full.in(PrecisionFormat.FLOAT16);
			assertTrue(half.precision().chunk() < positions / 2, "several chunks: " + half.precision().chunk());
			float[] actual = half.squaredDistances(x).toFloatArray();
			for (int i = 0; i < expected.length; i++)
				assertEquals(expected[i], actual[i], 1e-3 * expected[i], "distance " + i);
			assertEquals((long) positions * d * d * 2 + positions * 4L, half.precision().bytes(), "half of float32, plus a scale per position");
		}
	}

	@Test
	void conversionReplacesThePrecisionsOnlyWhenTheFormatDiffers() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray values = m.create(new float[] {4, 1, 1, 3}, new Shape(1, 2, 2));
			PositionGaussians full = new PositionGaussians(m.zeros(new Shape(1, 2)), new Float32Precisions(values));
			assertSame(full, full.in(PrecisionFormat.FLOAT32));
			PositionGaussians half = full.in(PrecisionFormat.FLOAT16);
			assertInstanceOf(Float16Precisions.class, half.precision());
			assertTrue(values.isReleased(), "the float32 precisions are freed");
			assertSame(half, half.in(PrecisionFormat.FLOAT16));
			assertArrayEquals(new float[] {4, 1, 1, 3}, half.in(PrecisionFormat.FLOAT32).precision().matrices(0, 1).toFloatArray());
		}
	}

	@Test
	void theSystemPropertyChoosesAndBadValuesAreNamed() {
		try (TemporaryProperty unset = TemporaryProperty.set(PrecisionFormat.PROPERTY, null)) {
			assertEquals(PrecisionFormat.FLOAT16, PrecisionFormat.selected());
		}
		try (TemporaryProperty mixedCase = TemporaryProperty.set(PrecisionFormat.PROPERTY, " Float32 ")) {
			assertEquals(PrecisionFormat.FLOAT32, PrecisionFormat.selected());
		}
		try (TemporaryProperty unknown = TemporaryProperty.set(PrecisionFormat.PROPERTY, "double")) {
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class, PrecisionFormat::selected);
			assertEquals("-Dnpad.precision=double is not a precision format: use float16 or float32", e.getMessage());
		}
	}
}
