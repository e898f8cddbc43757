package org.npad.method;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class MapResamplerTest {

	/** align_corners = false, 2 -> 4: sources -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1). */
	@Test
	void bilinearMatchesTorchInterpolate() {
		assertArrayEquals(new float[] {1, 0, 0.75f, 0.25f, 0.25f, 0.75f, 0, 1}, MapResampler.bilinear(2, 4), 1e-6f);
	}

	@Test
	void reflectIsHalfSampleSymmetric() {
		// scipy "reflect" on n = 3: ... 1 0 | 0 1 2 | 2 1 ...
		assertEquals(0, MapResampler.reflect(-1, 3));
		assertEquals(1, MapResampler.reflect(-2, 3));
		assertEquals(2, MapResampler.reflect(3, 3));
		assertEquals(1, MapResampler.reflect(4, 3));
	}

	/** Blurring keeps a constant map constant and every row of the matrix sums to one. */
	@Test
	void gaussianRowsSumToOne() {
		float[] g = MapResampler.gaussian(7, 4);
		for (int i = 0; i < 7; i++) {
			double s = 0;
			for (int j = 0; j < 7; j++) s += g[i * 7 + j];
			assertEquals(1, s, 1e-5);
		}
		// sigma 1, centre of a long line: weight of the neighbour = exp(-1/2) / sum over -4..4
		double total = 0;
		for (int j = -4; j <= 4; j++) total += Math.exp(-0.5 * j * j);
		assertEquals(Math.exp(-0.5) / total, MapResampler.gaussian(21, 1)[10 * 21 + 11], 1e-6);
	}
}
