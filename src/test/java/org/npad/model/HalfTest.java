package org.npad.model;

import org.junit.jupiter.api.Test;

import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class HalfTest {

	/** Bit patterns from the IEEE 754 binary16 definition: sign 1, exponent 5 (bias 15), mantissa 10. */
	@Test
	void knownValues() {
		assertEquals(0x3c00, bits(1f));
		assertEquals(0xc000, bits(-2f));
		assertEquals(0x7bff, bits(65504f));
		assertEquals(0x7c00, bits(65520f)); // halfway to 2^16, ties to even: infinity
		assertEquals(0x7bff, bits(65519f));
		assertEquals(0x0400, bits(0x1p-14f)); // smallest normal
		assertEquals(0x0001, bits(0x1p-24f)); // smallest subnormal
		assertEquals(0x0000, bits(0x1p-25f)); // halfway to it, ties to even: zero
		assertEquals(0x0001, bits(0x1.8p-25f));
		assertEquals(0x3555, bits(1f / 3)); // 0.333251953125
		assertEquals(0x8000, bits(-0f));
		assertEquals(0xfc00, bits(Float.NEGATIVE_INFINITY));
		assertTrue(Float.isNaN(Half.toFloat(Half.fromFloat(Float.NaN))));
		assertEquals(0.333251953125f, Half.toFloat((short) 0x3555));
		assertEquals(0x1p-24f, Half.toFloat((short) 0x0001));
		assertEquals(-65504f, Half.toFloat((short) 0xfbff));
	}

	/** Between 1 and 1 + 2^-10 the midpoint goes to 1 (even); between 1 + 2^-10 and 1 + 2^-9 up to the even one. */
	@Test
	void tiesGoToEven() {
		assertEquals(0x3c00, bits(1 + 0x1p-11f));
		assertEquals(0x3c02, bits(1 + 3 * 0x1p-11f));
		assertEquals(0x0002, bits(0x1.8p-24f)); // subnormal tie 1.5 units -> 2
		assertEquals(0x0002, bits(0x1.4p-23f)); // 2.5 units -> 2
	}

	@Test
	void everyHalfSurvivesTheRoundTrip() {
		for (int h = 0; h < 0x10000; h++) {
			float f = Half.toFloat((short) h);
			if (Float.isNaN(f)) continue;
			assertEquals(h, bits(f), "half " + Integer.toHexString(h));
		}
	}

	/** The chosen half is never farther from the value than either neighbouring half. */
	@Test
	void randomValuesGoToTheNearestHalf() {
		Random random = new Random(3);
		for (int i = 0; i < 200_000; i++) {
			float f = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(10) - 7));
			short h = Half.fromFloat(f);
			double error = Math.abs(Half.toFloat(h) - (double) f);
			for (int step : new int[] {-1, 1}) {
				float neighbour = Half.toFloat((short) (h + step));
				if (Float.isFinite(neighbour) && Math.signum(neighbour) * Math.signum(f) >= 0) {
					assertTrue(error <= Math.abs(neighbour - (double) f), f + " -> " + Half.toFloat(h) + " but " + neighbour + " is nearer");
				}
			}
		}
	}

	private static int bits(float f) {
		return Half.fromFloat(f) & 0xffff;
	}
}
