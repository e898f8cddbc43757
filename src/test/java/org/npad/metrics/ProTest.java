package org.npad.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class ProTest {

	private static final double EPS = 1e-12;
	private static final double INF = Double.POSITIVE_INFINITY;
	private static final boolean T = true, F = false;

	/*
	 * Several regions of different sizes in one 4 x 3 image:
	 *   scores                  mask
	 *   0.9  0.1  0.2  0.3      1 0 0 0     region 1: (0,0), area 1
	 *   0.4  0.5  0.8  0.6      0 0 1 1     region 2: the 2 x 2 block, area 4
	 *   0.05 0.15 0.7  0.35     0 0 1 1     7 nominal pixels
	 * Sweep (PRO = mean of the two overlaps; pixel TPR = region pixels / 5):
	 *   0.9 R1 -> PRO (1 + 0)/2 = 0.5,      TPR 1/5,  FP 0
	 *   0.8, 0.7, 0.6 R2 -> PRO (1 + 3/4)/2 = 0.875, TPR 4/5
	 *   0.5, 0.4 nominal -> FP 2
	 *   0.35 R2 -> PRO 1, TPR 1
	 *   0.3 .. 0.05 nominal -> FP 7
	 * Corners of the PRO curve: (0,0) (0,0.875)@0.6 (2/7,0.875)@0.4 (2/7,1)@0.35 (1,1)@0.05.
	 * At FPR 0 the PRO is 0.875 but the pixel TPR only 0.8: the small region counts as much as the
	 * large one.
	 * Integral to 0.3: 2/7 * 0.875 = 0.25, then from 2/7 to 0.3 at height 1: 0.3 - 2/7 = 1/70;
	 * (0.25 + 1/70) / 0.3 = (37/140) / 0.3 = 37/42.
	 * Pixel AUROC: 0.9, 0.8, 0.7, 0.6 beat all 7 nominal (28), 0.35 beats 5 -> 33/35.
	 */
	private static final int W = 4, H = 3;
	private static final float[] SCORES = {0.9f, 0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.8f, 0.6f, 0.05f, 0.15f, 0.7f, 0.35f};
	private static final boolean[] MASK = {T, F, F, F, F, F, T, T, F, F, T, T};

	@Test
	void regionsOfDifferentSizesWeighEqually() {
		Pro pro = Pro.of(List.of(SCORES), List.of(MASK), W, H);
		assertEquals(2, pro.regions());
		assertEquals(7, pro.nominalPixels());
		assertArrayEquals(new double[] {INF, 0.6f, 0.4f, 0.35f, 0.05f}, pro.thresholds());
		assertArrayEquals(new double[] {0, 0, 2 / 7.0, 2 / 7.0, 1}, pro.fpr(), EPS);
		assertArrayEquals(new double[] {0, 0.875, 0.875, 1, 1}, pro.pro(), EPS);
		assertEquals(37.0 / 42.0, pro.integrated(0.3), EPS);
		assertEquals(37.0 / 42.0, pro.integrated(), EPS);

		Roc roc = Roc.ofPixels(List.of(SCORES), List.of(MASK));
		assertArrayEquals(new double[] {0, 0.8, 0.8, 1, 1}, roc.tpr(), EPS);
		assertEquals(33.0 / 35.0, roc.auroc(), EPS);
	}

	@Test
	void pixelMetricsAgreeWithTheSeparateMetrics() {
		PixelMetrics all = PixelMetrics.of(List.of(SCORES), List.of(MASK), W, H);
		assertEquals(33.0 / 35.0, all.roc().auroc(), EPS);
		assertEquals(37.0 / 42.0, all.pro().integrated(0.3), EPS);
		assertArrayEquals(new double[] {0, 0.8, 0.8, 1, 1}, all.roc().tpr(), EPS);
		// F1 = 2TP / (TP + FP + 5): at 0.6 TP 4 FP 0 -> 8/9; at 0.35 TP 5 FP 2 -> 10/12. Best 8/9.
		assertEquals(8.0 / 9.0, all.f1Max().f1(), EPS);
		assertEquals(0.6f, all.f1Max().threshold(), 0);
	}

	@Test
	void imageWithoutAnomalyAddsNominalPixels() {
		// Add a second 4 x 3 image with an empty mask: one pixel at 0.95, the rest 0. Now 19 nominal.
		//   0.95 nominal -> FP 1 (PRO 0); 0.9 .. 0.6 -> PRO 0.875 at FPR 1/19;
		//   0.5, 0.4 -> FPR 3/19; 0.35 -> PRO 1; then the rest to (1, 1).
		// Integral to 0.3: 0 up to 1/19, 2/19 * 0.875 = 7/76, then (0.3 - 3/19) * 1 = 2.7/19 = 10.8/76;
		// (17.8/76) / 0.3 = 17.8 / 22.8.
		float[] quiet = new float[W * H];
		quiet[5] = 0.95f;
		Pro pro = Pro.of(List.of(SCORES, quiet), List.of(MASK, new boolean[W * H]), W, H);
		assertEquals(2, pro.regions());
		assertEquals(19, pro.nominalPixels());
		assertArrayEquals(new double[] {0, 1 / 19.0, 1 / 19.0, 3 / 19.0, 3 / 19.0, 1}, pro.fpr(), EPS);
		assertArrayEquals(new double[] {0, 0, 0.875, 0.875, 1, 1}, pro.pro(), EPS);
		assertEquals(17.8 / 22.8, pro.integrated(0.3), EPS);
	}

	@Test
	void singleRegionProEqualsPixelTpr() {
		// 3 x 2:  0.9 0.2 0.1  with region {(0,0), (1,0)}; nominal 0.1, 0.7, 0.8, 0.3.
		//         0.7 0.8 0.3
		// 0.9 R -> (0, 1/2); 0.8, 0.7, 0.3 -> (3/4, 1/2); 0.2 R -> (3/4, 1); 0.1 -> (1, 1).
		// Integral to 0.3: 0.3 * 0.5 / 0.3 = 0.5. To 1: 0.75 * 0.5 + 0.25 * 1 = 0.625 (= pixel AUROC 5/8).
		float[] scores = {0.9f, 0.2f, 0.1f, 0.7f, 0.8f, 0.3f};
		boolean[] mask = {T, T, F, F, F, F};
		Pro pro = Pro.of(List.of(scores), List.of(mask), 3, 2);
		assertArrayEquals(new double[] {0, 0, 0.75, 0.75, 1}, pro.fpr(), EPS);
		assertArrayEquals(new double[] {0, 0.5, 0.5, 1, 1}, pro.pro(), EPS);
		assertEquals(0.5, pro.integrated(0.3), EPS);
		assertEquals(0.625, pro.integrated(1.0), EPS);
		assertEquals(0.625, Roc.ofPixels(List.of(scores), List.of(mask)).auroc(), EPS);
	}

	@Test
	void integrationLimitInsideASlopedSegmentIsInterpolated() {
		// 5 x 2:  0.9 0.5 0.8 0.7 0.5   region {(0,0), (1,0)}, 8 nominal pixels
		//         0.5 0.4 0.3 0.2 0.1
		// 0.9 R -> (0, 1/2); 0.8, 0.7 -> (2/8, 1/2); the tie at 0.5 (one region pixel, two nominal)
		// is one sloped step to (4/8, 1); then (1, 1).
		// Integral to 0.3: 0.25 * 0.5 = 0.125; at 0.3 the segment (0.25, 0.5)-(0.5, 1) is at
		// 0.5 + 0.5 * 0.05 / 0.25 = 0.6, so 0.05 * (0.5 + 0.6) / 2 = 0.0275; 0.1525 / 0.3.
		// Limit exactly at a point (0.25): 0.125 / 0.25 = 0.5. Limit 0.5: (0.125 + 0.1875) / 0.5.
		float[] scores = {0.9f, 0.5f, 0.8f, 0.7f, 0.5f, 0.5f, 0.4f, 0.3f, 0.2f, 0.1f};
		boolean[] mask = {T, T, F, F, F, F, F, F, F, F};
		Pro pro = Pro.of(List.of(scores), List.of(mask), 5, 2);
		assertArrayEquals(new double[] {0, 0, 0.25, 0.5, 1}, pro.fpr(), EPS);
		assertArrayEquals(new double[] {0, 0.5, 0.5, 1, 1}, pro.pro(), EPS);
		assertEquals(0.1525 / 0.3, pro.integrated(0.3), EPS);
		assertEquals(0.5, pro.integrated(0.25), EPS);
		assertEquals(0.3125 / 0.5, pro.integrated(0.5), EPS);
	}

	@Test
	void diagonalNeighboursAreOneRegion() {
		// 3 x 2:  0.9 0.5 0.4     mask 1 0 0    8-connected: one region of 3 pixels,
		//         0.3 0.2 0.1          0 1 1    so >= 0.9 covers 1/3 of it (4-connected would say 1/2).
		Pro pro = Pro.of(List.of(new float[] {0.9f, 0.5f, 0.4f, 0.3f, 0.2f, 0.1f}),
				List.of(new boolean[] {T, F, F, F, T, T}), 3, 2);
		assertEquals(1, pro.regions());
		assertEquals(1.0 / 3.0, pro.pro()[1], EPS);
	}

	@Test
	void matchesBruteForceSweepOnRandomImages() {
		Random random = new Random(11);
		for (int trial = 0; trial < 40; trial++) {
			int w = 2 + random.nextInt(7), h = 2 + random.nextInt(7), images = 1 + random.nextInt(4);
			List<float[]> maps = new ArrayList<>();
			List<boolean[]> masks = new ArrayList<>();
			for (int i = 0; i < images; i++) {
				float[] map = new float[w * h];
				boolean[] mask = new boolean[w * h];
				for (int p = 0; p < w * h; p++) {
					mask[p] = random.nextDouble() < 0.3;
					map[p] = random.nextInt(12) + (mask[p] ? 3 : 0);
				}
				maps.add(map);
				masks.add(mask);
			}
			masks.get(0)[0] = true;
			masks.get(0)[1] = false;
			Pro pro = Pro.of(maps, masks, w, h);
			double[][] full = bruteForceCurve(maps, masks, w, h);
			assertEquals(trapezoid(full[0], full[1], 0.3) / 0.3, pro.integrated(0.3), 1e-12, "trial " + trial);
			assertEquals(trapezoid(full[0], full[1], 1.0), pro.integrated(1.0), 1e-12, "trial " + trial);
		}
	}

	@Test
	void rejectsSetsWithoutRegionsOrNominalPixelsAndBadShapes() {
		IllegalArgumentException noRegion = assertThrows(IllegalArgumentException.class,
				() -> Pro.of(List.of(new float[4]), List.of(new boolean[4]), 2, 2));
		assertTrue(noRegion.getMessage().contains("anomalous"), noRegion.getMessage());
		assertThrows(IllegalArgumentException.class,
				() -> Pro.of(List.of(new float[4]), List.of(new boolean[] {T, T, T, T}), 2, 2));
		assertThrows(IllegalArgumentException.class,
				() -> Pro.of(List.of(new float[6]), List.of(new boolean[] {T, F, F, F, F, F}), 2, 2));
		Pro pro = Pro.of(List.of(SCORES), List.of(MASK), W, H);
		assertThrows(IllegalArgumentException.class, () -> pro.integrated(0));
		assertThrows(IllegalArgumentException.class, () -> pro.integrated(1.5));
	}

	/** FPR and PRO at every distinct score, counted directly, highest score first, from (0, 0). */
	private static double[][] bruteForceCurve(List<float[]> maps, List<boolean[]> masks, int w, int h) {
		TreeSet<Float> scores = new TreeSet<>();
		maps.forEach(m -> {
			for (float v : m) {
				scores.add(v);
			}
		});
		List<ConnectedComponents> components = new ArrayList<>();
		int regions = 0, nominal = 0;
		for (boolean[] mask : masks) {
			ConnectedComponents c = ConnectedComponents.of(mask, w, h);
			components.add(c);
			regions += c.count();
			for (boolean b : mask) {
				nominal += b ? 0 : 1;
			}
		}
		double[] fpr = new double[scores.size() + 1];
		double[] pro = new double[scores.size() + 1];
		int k = 1;
		for (float t : scores.descendingSet()) {
			int falsePositives = 0;
			double overlaps = 0;
			for (int i = 0; i < maps.size(); i++) {
				ConnectedComponents c = components.get(i);
				int[] hit = new int[c.count() + 1];
				for (int p = 0; p < w * h; p++) {
					if (maps.get(i)[p] >= t) {
						if (masks.get(i)[p]) {
							hit[c.label(p % w, p / w)]++;
						} else {
							falsePositives++;
						}
					}
				}
				for (int r = 1; r <= c.count(); r++) {
					overlaps += hit[r] / (double) c.region(r).area();
				}
			}
			fpr[k] = falsePositives / (double) nominal;
			pro[k] = overlaps / regions;
			k++;
		}
		return new double[][] {fpr, pro};
	}

	/** Area under (x, y) from x = 0 to limit, interpolating at the limit. */
	private static double trapezoid(double[] x, double[] y, double limit) {
		double area = 0;
		for (int i = 1; i < x.length; i++) {
			if (x[i] <= limit) {
				area += (x[i] - x[i - 1]) * (y[i] + y[i - 1]) / 2;
			} else {
				double yl = y[i - 1] + (y[i] - y[i - 1]) * (limit - x[i - 1]) / (x[i] - x[i - 1]);
				area += (limit - x[i - 1]) * (y[i - 1] + yl) / 2;
				break;
			}
		}
		return area;
	}
}
