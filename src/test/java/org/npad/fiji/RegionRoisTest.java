package org.npad.fiji;

import ij.ImagePlus;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.process.ByteProcessor;
import org.junit.jupiter.api.Test;
import org.npad.metrics.ConnectedComponents;
import org.npad.pipeline.Detection;

import java.awt.Point;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** ROIs of hand-drawn masks, and the overlay's transparency, without any model. */
class RegionRoisTest {

	/**
	 * A ring (8 x 8 square outline, 28 pixels) with a single pixel inside its hole, a diagonal pair
	 * (8-connected: one region of 2) and a lone pixel at the border.
	 */
	static final String[] MASK = {
			"..........",
			".########.",
			".#......#.",
			".#......#.",
			".#..#...#.",
			".#......#.",
			".#......#.",
			".#......#.",
			".########.",
			"..........",
			"#.........",
			".#.......#",
	};

	static boolean[] mask() {
		int w = MASK[0].length();
		boolean[] m = new boolean[w * MASK.length];
		for (int y = 0; y < MASK.length; y++)
			for (int x = 0; x < w; x++) m[y * w + x] = MASK[y].charAt(x) == '#';
		return m;
	}

	@Test
	void oneRoiPerEightConnectedRegionCoveringExactlyItsPixels() {
		int w = MASK[0].length(), h = MASK.length;
		ConnectedComponents regions = ConnectedComponents.of(mask(), w, h);
		List<Roi> rois = RegionRois.of(regions, "img", 3);
		assertEquals(4, rois.size(), "ring, inner pixel, diagonal pair, lone pixel");
		int[] areas = {28, 1, 2, 1};
		for (int k = 0; k < rois.size(); k++) {
			Roi roi = rois.get(k);
			assertEquals("img region " + (k + 1), roi.getName());
			assertEquals(3, roi.getPosition());
			assertEquals(areas[k], roi.getContainedPoints().length, "region " + (k + 1));
			for (Point p : roi.getContainedPoints()) assertEquals(k + 1, regions.label(p.x, p.y), "pixel " + p + " belongs to region " + (k + 1));
		}
		assertArrayEquals(mask(), DetectCommandTest.toMask(rois, w, h));
	}

	@Test
	void theOverlayLeavesNominalPixelsAsTheyWereAndTintsAnomalousOnes() {
		int w = 8, h = 3;
		float threshold = 10;
		// below half the threshold (transparent) but for two pixels at and far above it, and one the network never saw
		float[] map = new float[w * h];
		java.util.Arrays.fill(map, 2);
		map[w + 3] = 10;
		map[w + 4] = 30;
		map[0] = Float.NaN;
		Detection d = new Detection("x", w, h, map, 20, List.of(), List.of(), 255, new Calibration());
		ImageVerdict v = ImageVerdict.of(d, new DecisionThresholds(15, threshold));
		ByteProcessor gray = new ByteProcessor(w, h);
		gray.setValue(100);
		gray.fill();
		ImagePlus image = new ImagePlus("gray", gray);
		HeatmapOverlay.apply(image, List.of(v), List.of(List.of()), false); // the heatmap alone, no outlines
		assertTrue(image.getOverlay().get(0) instanceof ImageRoi);
		int[] flat = (int[]) image.flatten().getProcessor().getPixels();
		assertEquals(0x646464, flat[2 * w + 7] & 0xffffff, "a cold pixel shows the original");
		assertEquals(0x646464, flat[0] & 0xffffff, "a pixel the network never saw shows the original");
		assertTrue((flat[w + 4] & 0xffffff) != 0x646464, "a hot pixel is tinted");
		assertEquals(100, gray.get(4, 1), "the original pixels are untouched");

		Roi own = new Roi(0, 0, 1, 1);
		image.getOverlay().add(own);
		HeatmapOverlay.apply(image, List.of(v), List.of(RegionRois.of(v.regions(), "x", 0)), false);
		Overlay overlay = image.getOverlay();
		assertEquals(3, overlay.size(), "the user's ROI, the new heatmap and one region (the two hot pixels); the old heatmap is gone");
		assertTrue(overlay.contains(own));
		assertEquals("N-pad x region 1", overlay.get(2).getName());
	}
}
