package org.npad.image;

import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ShortProcessor;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreprocessorTest {

	private static final Preprocessing FULL = Preprocessing.paper().withGeometry(GeometryMode.FULL_RESIZE);
	/** Plain bilinear reproduces linear images exactly, so ramps give hand-computable expectations. */
	private static final Preprocessing PLAIN = Preprocessing.paper().withAntialias(false);

	/**
	 * 2 x 2 to 4 x 4 with align_corners = false: source coordinates (i + 0.5) / 2 - 0.5 =
	 * -0.25, 0.25, 0.75, 1.25, clamped to 0..1, so weights of the second pixel 0, 0.25, 0.75, 1.
	 * Pixels 0 4 / 8 12 give value 4 wx + 8 wy.
	 */
	@Test
	void bilinearUpsamplingTwoToFour() {
		ByteProcessor ip = new ByteProcessor(2, 2, new byte[] {0, 4, 8, 12});
		float[] expected = {
				0, 1, 3, 4,
				2, 3, 5, 6,
				6, 7, 9, 10,
				8, 9, 11, 12};
		for (boolean antialias : new boolean[] {false, true}) { // enlarging: the same either way
			NetworkInput in = new Preprocessor(FULL.withCrop(4).withAntialias(antialias)).inputs(ip).get(0);
			for (int c = 0; c < 3; c++) {
				assertArrayEquals(expected, plane(in, c), 1e-6f, "channel " + c + " antialias " + antialias);
			}
		}
	}

	/** 4 to 2 without antialiasing: source coordinates 0.5 and 2.5, so pairs are averaged, not all four. */
	@Test
	void plainDownsamplingReadsTwoPixels() {
		ByteProcessor ip = new ByteProcessor(4, 1, new byte[] {0, 10, 20, (byte) 200});
		NetworkInput in = new Preprocessor(FULL.withCrop(2).withAntialias(false)).inputs(ip).get(0);
		assertArrayEquals(new float[] {5, 110, 5, 110}, plane(in, 0), 1e-6f);
	}

	/**
	 * 4 to 2 antialiased: scale 2, triangle of half-width 2 around 0.5 and 2.5. Sample 0: pixels 0, 1, 2
	 * with weights 0.75, 0.75, 0.25 (pixel -1 does not exist), so (7.5 + 5) / 1.75; sample 1: pixels
	 * 1, 2, 3 with 0.25, 0.75, 0.75 (pixel 4 does not exist), so (2.5 + 15 + 150) / 1.75. The single row
	 * is enlarged to 2 rows, which does not mix anything.
	 */
	@Test
	void antialiasedDownsamplingAveragesEveryCoveredPixel() {
		ByteProcessor ip = new ByteProcessor(4, 1, new byte[] {0, 10, 20, (byte) 200});
		NetworkInput in = new Preprocessor(FULL.withCrop(2)).inputs(ip).get(0);
		float a = 12.5f / 1.75f;
		float b = 167.5f / 1.75f;
		assertArrayEquals(new float[] {a, b, a, b}, plane(in, 0), 1e-5f);
	}

	/**
	 * A 16-bit ramp v = 100 x + 7 y of odd size through resize 256 + centre crop 224. Plain bilinear
	 * interpolation reproduces a linear function exactly, so network pixel (u, v) must be
	 * (100 X + 7 Y) * 255 / 65535 with X = (u + 16.5) * 233 / 256 - 0.5, Y = (v + 16.5) * 301 / 256 - 0.5.
	 */
	@Test
	void sixteenBitOddSizeCentreCropMatchesHandComputation() {
		int w = 233;
		int h = 301;
		short[] px = new short[w * h];
		for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) px[y * w + x] = (short) (100 * x + 7 * y);
		List<NetworkInput> inputs = new Preprocessor(PLAIN).inputs(new ShortProcessor(w, h, px, null));
		assertEquals(1, inputs.size());
		NetworkInput in = inputs.get(0);
		assertEquals(224, in.width());
		assertEquals(224, in.height());
		for (int v = 0; v < 224; v += 17) {
			for (int u = 0; u < 224; u += 13) {
				double x = (u + 16.5) * 233 / 256 - 0.5;
				double y = (v + 16.5) * 301 / 256 - 0.5;
				double expected = (100 * x + 7 * y) * 255 / 65535;
				for (int c = 0; c < 3; c++) {
					assertEquals(expected, in.pixels()[(c * 224 + v) * 224 + u], 2e-3, "u " + u + " v " + v + " c " + c);
				}
			}
		}
	}

	/** The type range of 16 bits: 65535 maps to 255, 257 to 1, whatever else is in the image. */
	@Test
	void sixteenBitTypeRange() {
		ShortProcessor ip = new ShortProcessor(2, 1, new short[] {(short) 65535, 257}, null);
		NetworkInput in = new Preprocessor(FULL.withCrop(2)).inputs(ip).get(0);
		assertArrayEquals(new float[] {255, 1, 255, 1}, plane(in, 2), 1e-4f);
	}

	@Test
	void minMaxStretchesEachImage() {
		ShortProcessor ip = new ShortProcessor(3, 1, new short[] {1000, 1500, 3000}, null);
		NetworkInput in = new Preprocessor(FULL.withCrop(3).withIntensityMapping(IntensityMapping.MIN_MAX)).inputs(ip).get(0);
		assertArrayEquals(new float[] {0, 63.75f, 255}, new float[] {in.pixels()[0], in.pixels()[1], in.pixels()[2]}, 1e-4f);
	}

	@Test
	void fixedWindowClampsOutside() {
		FloatProcessor ip = new FloatProcessor(4, 1, new float[] {-5, 0, 0.5f, 2});
		NetworkInput in = new Preprocessor(FULL.withCrop(4).withWindow(0, 1)).inputs(ip).get(0);
		assertArrayEquals(new float[] {0, 0, 127.5f, 255}, new float[] {in.pixels()[0], in.pixels()[1], in.pixels()[2], in.pixels()[3]}, 1e-4f);
	}

	@Test
	void floatImagesNeedAnExplicitMapping() {
		FloatProcessor ip = new FloatProcessor(4, 4);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> new Preprocessor(FULL).inputs(ip));
		assertTrue(e.getMessage().contains("min_max or fixed_window"), e.getMessage());
	}

	/**
	 * RGB of odd size, plain full resize to 224: R = x, G = 232 - x, B = 77 are linear, so the planes must
	 * be X, 232 - X and 77 with X = (u + 0.5) * 233 / 224 - 0.5; channels keep their order (R, G, B).
	 * With min-max over all channels (0..232) every value is scaled by 255 / 232.
	 */
	@Test
	void rgbOddSizeKeepsChannels() {
		int w = 233;
		int h = 301;
		ColorProcessor ip = new ColorProcessor(w, h);
		for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) ip.set(x, y, (x << 16) | ((232 - x) << 8) | 77);
		NetworkInput in = new Preprocessor(FULL.withAntialias(false)).inputs(ip).get(0);
		NetworkInput stretched = new Preprocessor(FULL.withAntialias(false).withIntensityMapping(IntensityMapping.MIN_MAX)).inputs(ip).get(0);
		for (int v = 0; v < 224; v += 31) {
			for (int u = 0; u < 224; u += 7) {
				double x = (u + 0.5) * 233 / 224 - 0.5;
				int i = v * 224 + u;
				int n = 224 * 224;
				assertEquals(x, in.pixels()[i], 1e-3);
				assertEquals(232 - x, in.pixels()[n + i], 1e-3);
				assertEquals(77, in.pixels()[2 * n + i], 1e-4);
				assertEquals(x * 255 / 232, stretched.pixels()[i], 1e-3);
				assertEquals(77 * 255.0 / 232, stretched.pixels()[2 * n + i], 1e-3);
			}
		}
	}

	/**
	 * Mask columns 100..149 foreground in a 233-wide image, centre crop: network column u reads image
	 * column floor((u + 16.5) * 233 / 256), which lies in 100..149 exactly for u = 94..148.
	 * Values 127 are background and 128 foreground.
	 */
	@Test
	void maskNearestNeighbourAndThreshold() {
		int w = 233;
		int h = 301;
		ByteProcessor mask = new ByteProcessor(w, h);
		for (int y = 0; y < h; y++) {
			for (int x = 0; x < w; x++) mask.set(x, y, x >= 100 && x < 150 ? 128 : 127);
		}
		Preprocessor p = new Preprocessor(Preprocessing.paper());
		boolean[] m = p.mask(mask, p.placements(w, h).get(0));
		assertEquals(224 * 224, m.length);
		for (int v = 0; v < 224; v += 11) {
			for (int u = 0; u < 224; u++) {
				assertEquals(u >= 94 && u <= 148, m[v * 224 + u], "u " + u + " v " + v);
			}
		}
	}

	@Test
	void maskOfAnRgbImageUsesAnyChannel() {
		ColorProcessor mask = new ColorProcessor(2, 1, new int[] {0x00ff00, 0x7f7f7f});
		assertArrayEquals(new boolean[] {true, false}, Preprocessor.foreground(mask));
	}

	/**
	 * A map that is the ramp u at crop resolution, mapped back onto a 233 x 301 image: the crop's
	 * footprint is image columns whose centre lies in [16 * 233 / 256, 240 * 233 / 256) = [14.56, 218.44),
	 * i.e. 15..217, where the value must be u(x) = (x + 0.5) * 256 / 233 - 16.5; NaN elsewhere.
	 */
	@Test
	void mapBackOfARampIsARampOverTheCrop() {
		Placement p = Placement.centerCrop(233, 301, 256, 224);
		float[] map = new float[224 * 224];
		for (int i = 0; i < map.length; i++) map[i] = i % 224;
		float[] back = p.mapBack(map);
		assertEquals(233 * 301, back.length);
		int row = 150 * 233;
		for (int x = 0; x < 233; x++) {
			if (x < 15 || x > 217) {
				assertTrue(Float.isNaN(back[row + x]), "column " + x + " is outside the crop");
				assertFalse(p.covers(x, 150));
			} else {
				assertEquals((x + 0.5) * 256 / 233 - 16.5, back[row + x], 1e-3, "column " + x);
				assertTrue(p.covers(x, 150));
			}
		}
		// rows: centres in [16 * 301 / 256, 240 * 301 / 256) = [18.81, 282.19): rows 19..281
		assertTrue(Float.isNaN(back[18 * 233 + 100]));
		assertFalse(Float.isNaN(back[19 * 233 + 100]));
		assertFalse(Float.isNaN(back[281 * 233 + 100]));
		assertTrue(Float.isNaN(back[282 * 233 + 100]));
	}

	/**
	 * Preprocess an 8-bit ramp v = x, map the network input back: the ramp again wherever the pixel's
	 * network coordinate lies between the first and last sample. Full resize: the edge columns 0 and
	 * 232 lie outside (u = -0.019 and 223.019) and take the edge samples' values, which are
	 * X(0) = 0.5 * 233 / 224 - 0.5 and X(223) = 223.5 * 233 / 224 - 0.5.
	 */
	@Test
	void preprocessThenMapBackReproducesALinearImage() {
		int w = 233;
		int h = 301;
		ByteProcessor ip = new ByteProcessor(w, h);
		for (int y = 0; y < h; y++) for (int x = 0; x < w; x++) ip.set(x, y, x);
		for (GeometryMode mode : GeometryMode.values()) {
			Preprocessing s = PLAIN.withGeometry(mode).withCrop(mode == GeometryMode.TILED ? 96 : 224);
			Preprocessor pre = new Preprocessor(s);
			TileStitcher stitcher = TileStitcher.of(w, h, s);
			for (NetworkInput in : pre.inputs(ip)) stitcher.add(in.placement(), plane(in, 1));
			float[] back = stitcher.result();
			int covered = 0;
			for (int i = 0; i < back.length; i++) {
				if (Float.isNaN(back[i])) continue;
				covered++;
				double expected = i % w;
				if (mode == GeometryMode.FULL_RESIZE && i % w == 0) expected = 0.5 * 233 / 224 - 0.5;
				if (mode == GeometryMode.FULL_RESIZE && i % w == 232) expected = 223.5 * 233 / 224 - 0.5;
				assertEquals(expected, back[i], 1e-3, mode + " pixel " + i);
			}
			assertEquals(mode == GeometryMode.CENTER_CROP ? (217 - 15 + 1) * (281 - 19 + 1) : w * h, covered, mode.toString());
		}
	}

	/** Tiles are the image's own pixels, no resampling; an image smaller than a tile repeats its edge. */
	@Test
	void tilesCopyPixelsAndRepeatTheEdge() {
		ByteProcessor ip = new ByteProcessor(5, 3);
		for (int y = 0; y < 3; y++) for (int x = 0; x < 5; x++) ip.set(x, y, 10 * y + x);
		Preprocessor p = new Preprocessor(Preprocessing.paper().withTileOverlap(1).withCrop(4).withGeometry(GeometryMode.TILED));
		List<NetworkInput> tiles = p.inputs(ip);
		assertEquals(2, tiles.size()); // x starts 0 and 1 (border-aligned), y one tile at 0
		assertArrayEquals(new float[] {
				0, 1, 2, 3,
				10, 11, 12, 13,
				20, 21, 22, 23,
				20, 21, 22, 23}, plane(tiles.get(0), 0), 1e-6f);
		assertArrayEquals(new float[] {1, 2, 3, 4}, java.util.Arrays.copyOf(plane(tiles.get(1), 0), 4), 1e-6f);
	}

	@Test
	void sizeMismatchIsRefused() {
		Preprocessor p = new Preprocessor(Preprocessing.paper());
		Placement placement = p.placements(100, 80).get(0);
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> p.mask(new ByteProcessor(80, 100), placement));
		assertTrue(e.getMessage().contains("the mask is 80 x 100 but the placement belongs to an image of 100 x 80"), e.getMessage());
	}

	private static float[] plane(NetworkInput in, int c) {
		int n = in.width() * in.height();
		return java.util.Arrays.copyOfRange(in.pixels(), c * n, (c + 1) * n);
	}
}
