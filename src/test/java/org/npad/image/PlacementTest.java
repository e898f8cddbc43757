package org.npad.image;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PlacementTest {

	@Test
	void tileStartsEndAtTheBorder() {
		assertArrayEquals(new int[] {0, 2}, Placement.tileStarts(6, 4, 2));
		assertArrayEquals(new int[] {0, 3, 6}, Placement.tileStarts(10, 4, 1));
		assertArrayEquals(new int[] {0, 3, 5}, Placement.tileStarts(9, 4, 1));
		assertArrayEquals(new int[] {0}, Placement.tileStarts(4, 4, 1));
		assertArrayEquals(new int[] {0}, Placement.tileStarts(3, 4, 1));
		// stride 192: 0, 192, 384, 576, 768 end before 1000; 960 would not, so the last tile starts at 1000 - 224
		assertArrayEquals(new int[] {0, 192, 384, 576, 768, 776}, Placement.tileStarts(1000, 224, 32));
	}

	/** torchvision's centre crop offset: round((resize - crop) / 2) with Python's half-to-even rounding. */
	@Test
	void centreCropOffset() {
		assertEquals(16, Placement.centerCrop(10, 10, 256, 224).x().cropStart());
		assertEquals(16, Placement.centerCrop(10, 10, 257, 224).x().cropStart()); // round(16.5) = 16
		assertEquals(18, Placement.centerCrop(10, 10, 259, 224).x().cropStart()); // round(17.5) = 18
	}

	@Test
	void coordinatesAreInverse() {
		Placement.Axis a = Placement.centerCrop(233, 301, 256, 224).x();
		for (double u : new double[] {-0.5, 0, 3.25, 223}) {
			assertEquals(u, a.toNetwork(a.toImage(u)), 1e-9);
		}
	}

	/**
	 * A 2 x 2 map spanning a full-resize input of a 4 x 4 image: the same as a 2 -> 4 bilinear resize,
	 * (x + 0.5) / 2 - 0.5 per axis, i.e. weights 0, 0.25, 0.75, 1.
	 */
	@Test
	void coarseMapBack() {
		Placement p = Placement.fullResize(4, 4, 224);
		float[] back = p.mapBack(new float[] {0, 4, 8, 12}, 2, 2);
		assertArrayEquals(new float[] {0, 1, 3, 4, 2, 3, 5, 6, 6, 7, 9, 10, 8, 9, 11, 12}, back, 1e-5f);
	}

	/**
	 * Width 6, crop 4, overlap 2: tiles at x 0 and 2, one row. Constant maps 1 and 3. Uniform: columns
	 * 0-1 get 1, 2-3 the mean 2, 4-5 get 3. Linear ramp, weight min(1, (edge distance + 1) / 3) = 1/3,
	 * 2/3, 2/3, 1/3 over a tile: column 2 = (2/3 * 1 + 1/3 * 3) / 1 = 5/3, column 3 = (1/3 + 2/3 * 3) = 7/3.
	 */
	@Test
	void stitchingAveragesOverlapsByHand() {
		List<Placement> tiles = Placement.tiles(6, 4, 4, 2);
		assertEquals(2, tiles.size());
		float[] ones = filled(16, 1);
		float[] threes = filled(16, 3);
		TileStitcher uniform = new TileStitcher(6, 4, TileBlending.UNIFORM, 2);
		TileStitcher ramp = new TileStitcher(6, 4, TileBlending.LINEAR_RAMP, 2);
		for (TileStitcher s : new TileStitcher[] {uniform, ramp}) {
			s.add(tiles.get(0), ones);
			s.add(tiles.get(1), threes);
		}
		float[] u = uniform.result();
		float[] r = ramp.result();
		for (int y = 0; y < 4; y++) {
			assertArrayEquals(new float[] {1, 1, 2, 2, 3, 3}, java.util.Arrays.copyOfRange(u, y * 6, y * 6 + 6), 1e-6f);
			assertArrayEquals(new float[] {1, 1, 5f / 3, 7f / 3, 3, 3}, java.util.Arrays.copyOfRange(r, y * 6, y * 6 + 6), 1e-6f);
		}
	}

	@Test
	void stitchingOneCropEqualsMapBack() {
		Placement p = Placement.centerCrop(50, 40, 32, 24);
		float[] map = new float[24 * 24];
		for (int i = 0; i < map.length; i++) map[i] = (float) Math.sin(i * 0.37);
		TileStitcher s = new TileStitcher(50, 40, TileBlending.LINEAR_RAMP, 5);
		s.add(p, map);
		assertArrayEquals(p.mapBack(map), s.result(), 1e-6f);
	}

	@Test
	void tilesCoverEveryPixel() {
		for (Placement t : Placement.tiles(1000, 333, 224, 32)) {
			assertTrue(t.x().start() + 224 <= 1000 && t.y().start() >= 0);
		}
		TileStitcher s = new TileStitcher(1000, 333, TileBlending.UNIFORM, 32);
		for (Placement t : Placement.tiles(1000, 333, 224, 32)) s.add(t, filled(224 * 224, 1), 224, 224);
		for (float v : s.result()) assertEquals(1f, v);
	}

	private static float[] filled(int n, float v) {
		float[] a = new float[n];
		java.util.Arrays.fill(a, v);
		return a;
	}
}
