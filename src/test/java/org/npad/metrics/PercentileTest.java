package org.npad.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class PercentileTest {

	private static final double EPS = 1e-12;

	@Test
	void linearInterpolationAsNumpy() {
		// numpy's documentation: np.percentile([[10, 7, 4], [3, 2, 1]], 50) == 3.5
		assertEquals(3.5, Percentile.of(new double[] {10, 7, 4, 3, 2, 1}, 50), EPS);
		// [1, 2, 3, 4]: h = p/100 * 3. p = 25 -> h = 0.75 -> 1 + 0.75 * (2 - 1) = 1.75
		double[] values = {4, 1, 3, 2};
		assertEquals(1.75, Percentile.of(values, 25), EPS);
		assertEquals(2.5, Percentile.of(values, 50), EPS);
		assertEquals(1.0, Percentile.of(values, 0), EPS);
		assertEquals(4.0, Percentile.of(values, 100), EPS);
		assertEquals(3.97, Percentile.of(values, 99), EPS); // h = 2.97 -> 3 + 0.97
		assertEquals(4.0, values[0], 0, "input left as it was");
		assertEquals(7.0, Percentile.of(new double[] {7}, 99.5), 0);
	}

	@Test
	void defaultPercentileOfNominalPixels() {
		// 201 pixels 0..200 over two maps: h = 0.995 * 200 = 199 -> 199
		float[] a = new float[100], b = new float[101];
		for (int i = 0; i < 100; i++) {
			a[i] = 200 - i;
		}
		for (int i = 0; i < 101; i++) {
			b[i] = i;
		}
		assertEquals(199.0, Percentile.ofPixels(List.of(a, b), 99.5), 1e-9);
		// p = 99.75: h = 199.5 -> 199.5
		assertEquals(199.5, Percentile.ofPixels(List.of(a, b), 99.75), 1e-9);
	}

	@Test
	void matchesSortedDefinitionOnRandomValuesWithTies() {
		Random random = new Random(5);
		for (int trial = 0; trial < 300; trial++) {
			double[] values = new double[1 + random.nextInt(500)];
			for (int i = 0; i < values.length; i++) {
				values[i] = random.nextInt(20);
			}
			double p = trial % 10 == 0 ? 100 : random.nextDouble() * 100;
			double[] sorted = values.clone();
			Arrays.sort(sorted);
			double h = p / 100 * (sorted.length - 1);
			int lo = (int) Math.floor(h);
			double expected = lo + 1 < sorted.length ? sorted[lo] + (h - lo) * (sorted[lo + 1] - sorted[lo]) : sorted[lo];
			assertEquals(expected, Percentile.of(values, p), 1e-9, "trial " + trial);
		}
	}

	@Test
	void rejectsBadInput() {
		assertThrows(IllegalArgumentException.class, () -> Percentile.of(new double[0], 50));
		assertThrows(IllegalArgumentException.class, () -> Percentile.of(new double[] {1, 2}, 101));
		assertThrows(IllegalArgumentException.class, () -> Percentile.of(new double[] {1, 2}, -1));
		assertThrows(IllegalArgumentException.class, () -> Percentile.of(new double[] {1, Double.NaN}, 50));
		assertThrows(IllegalArgumentException.class, () -> Percentile.ofPixels(List.of(new float[0]), 50));
	}
}
