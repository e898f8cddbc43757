package org.npad.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Random;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

class F1MaxTest {

	private static final double EPS = 1e-12;
	private static final boolean T = true, F = false;

	@Test
	void handComputedMaximum() {
		// scores 0.9 A, 0.8 N, 0.7 A, 0.6 A, 0.1 N; 3 anomalous. F1 = 2TP / (TP + FP + 3):
		// >=0.9: 2/4; >=0.8: 2/5; >=0.7: 4/6; >=0.6: 6/7; >=0.1: 6/8. Best 6/7 at 0.6,
		// precision 3/4, recall 1.
		F1Max best = F1Max.of(new double[] {0.9, 0.8, 0.7, 0.6, 0.1}, new boolean[] {T, F, T, T, F});
		assertEquals(6.0 / 7.0, best.f1(), EPS);
		assertEquals(0.6, best.threshold(), EPS);
		assertEquals(0.75, best.precision(), EPS);
		assertEquals(1.0, best.recall(), EPS);
	}

	@Test
	void tiedScoresAreOneThreshold() {
		// 0.5 A, 0.5 N, 0.2 N: >=0.5 takes both tied samples: TP 1 FP 1 -> 2/3; >=0.2: 2/4.
		F1Max best = F1Max.of(new double[] {0.5, 0.5, 0.2}, new boolean[] {T, F, F});
		assertEquals(2.0 / 3.0, best.f1(), EPS);
		assertEquals(0.5, best.threshold(), EPS);
		assertEquals(0.5, best.precision(), EPS);
	}

	@Test
	void equalF1TakesTheHigherThreshold() {
		// 0.9 A, 0.8 N, 0.7 N, 0.6 A; 2 anomalous: >=0.9: 2/3; >=0.8: 2/4; >=0.7: 2/5; >=0.6: 4/6.
		F1Max best = F1Max.of(new double[] {0.9, 0.8, 0.7, 0.6}, new boolean[] {T, F, F, T});
		assertEquals(2.0 / 3.0, best.f1(), EPS);
		assertEquals(0.9, best.threshold(), EPS);
	}

	@Test
	void pixelF1MatchesBruteForceOverEveryDistinctThreshold() {
		Random random = new Random(3);
		for (int trial = 0; trial < 100; trial++) {
			int n = 2 + random.nextInt(400);
			float[] map = new float[n];
			boolean[] mask = new boolean[n];
			for (int i = 0; i < n; i++) {
				mask[i] = random.nextDouble() < 0.2;
				map[i] = random.nextInt(40) + (mask[i] ? 8 : 0);
			}
			mask[0] = true;
			mask[1] = false;
			double bestF1 = -1, bestThreshold = Double.NaN;
			TreeSet<Float> thresholds = new TreeSet<>();
			for (float v : map) {
				thresholds.add(v);
			}
			int positives = 0;
			for (boolean b : mask) {
				positives += b ? 1 : 0;
			}
			for (float t : thresholds.descendingSet()) {
				int tp = 0, fp = 0;
				for (int i = 0; i < n; i++) {
					if (map[i] >= t) {
						if (mask[i]) {
							tp++;
						} else {
							fp++;
						}
					}
				}
				double f1 = 2.0 * tp / (2.0 * tp + fp + (positives - tp));
				if (f1 > bestF1) {
					bestF1 = f1;
					bestThreshold = t;
				}
			}
			F1Max best = F1Max.of(Roc.ofPixels(List.of(map), List.of(mask)));
			assertEquals(bestF1, best.f1(), EPS, "trial " + trial);
			assertEquals(bestThreshold, best.threshold(), 0, "trial " + trial);
		}
	}
}
