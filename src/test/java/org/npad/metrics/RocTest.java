package org.npad.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;

import org.junit.jupiter.api.Test;

class RocTest {

	private static final double EPS = 1e-12;
	private static final boolean T = true, F = false;

	@Test
	void perfectScoresGiveOneAndInvertedScoresGiveZero() {
		double[] scores = {0.1, 0.2, 0.7, 0.9};
		assertEquals(1.0, Roc.of(scores, new boolean[] {F, F, T, T}).auroc(), EPS);
		assertEquals(0.0, Roc.of(scores, new boolean[] {T, T, F, F}).auroc(), EPS);
	}

	@Test
	void tiedPairCountsOneHalf() {
		// anomalous {0.8, 0.5}, nominal {0.5, 0.2}. Pairs: 0.8>0.5, 0.8>0.2, 0.5=0.5 (1/2), 0.5>0.2
		// -> 3.5 / 4 = 0.875. Curve: nothing (0,0); >=0.8: tp 1 fp 0 -> (0, 1/2);
		// >=0.5: tp 2 fp 1 -> (1/2, 1): the tie is one diagonal step; >=0.2: (1, 1).
		// Trapezoids: 0 + 1/2 * (1/2 + 1) / 2 + 1/2 * (1 + 1) / 2 = 0.375 + 0.5 = 0.875.
		Roc roc = Roc.of(new double[] {0.8, 0.5, 0.5, 0.2}, new boolean[] {T, T, F, F});
		assertEquals(0.875, roc.auroc(), EPS);
		assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.8, 0.5, 0.2}, roc.thresholds());
		assertArrayEquals(new double[] {0, 0, 0.5, 1}, roc.fpr(), EPS);
		assertArrayEquals(new double[] {0, 0.5, 1, 1}, roc.tpr(), EPS);
	}

	@Test
	void allScoresTiedGiveOneHalf() {
		Roc roc = Roc.of(new double[] {3, 3, 3, 3, 3}, new boolean[] {T, F, F, T, F});
		assertEquals(0.5, roc.auroc(), EPS);
		assertArrayEquals(new double[] {0, 1}, roc.fpr(), EPS);
		assertArrayEquals(new double[] {0, 1}, roc.tpr(), EPS);
	}

	@Test
	void negativeZeroTiesWithZero() {
		// one anomalous at 0.0, one nominal at -0.0: the same score, so one tied pair -> 1/2
		assertEquals(0.5, Roc.of(new double[] {0.0, -0.0}, new boolean[] {T, F}).auroc(), EPS);
		Roc pixels = Roc.ofPixels(List.of(new float[] {0.0f, -0.0f}), List.of(new boolean[] {T, F}));
		assertEquals(0.5, pixels.auroc(), EPS);
		assertEquals(2, pixels.size());
	}

	@Test
	void curveKeepsOnlyCorners() {
		// anomalous 0.9, 0.8, 0.7 then nominal 0.3, 0.2: the full curve climbs (0,1/3), (0,2/3), (0,1)
		// then runs (1/2,1), (1,1). Interior points of both straight runs are dropped.
		Roc roc = Roc.of(new double[] {0.9, 0.3, 0.8, 0.2, 0.7}, new boolean[] {T, F, T, F, T});
		assertArrayEquals(new double[] {Double.POSITIVE_INFINITY, 0.7, 0.2}, roc.thresholds());
		assertArrayEquals(new double[] {0, 0, 1}, roc.fpr(), EPS);
		assertArrayEquals(new double[] {0, 1, 1}, roc.tpr(), EPS);
		assertEquals(1.0, roc.auroc(), EPS);
	}

	@Test
	void pixelAurocOverAllPixelsIncludingAnImageWithoutAnomaly() {
		// image 0 (2x2): scores 0.9 0.1 / 0.4 0.4, anomalous pixels 0.9 and the second 0.4.
		// image 1 (2x2, no anomaly): 0.4 0.2 / 0.3 0.05.
		// nominal = {0.1, 0.4, 0.4, 0.2, 0.3, 0.05}. Pairs won by 0.9: 6; by 0.4: 0.1, 0.2, 0.3, 0.05
		// = 4, plus two ties with 0.4 = 1 -> 5. AUROC = 11 / 12.
		List<float[]> maps = List.of(new float[] {0.9f, 0.1f, 0.4f, 0.4f}, new float[] {0.4f, 0.2f, 0.3f, 0.05f});
		List<boolean[]> masks = List.of(new boolean[] {T, F, F, T}, new boolean[] {F, F, F, F});
		Roc roc = Roc.ofPixels(maps, masks);
		assertEquals(11.0 / 12.0, roc.auroc(), EPS);
		assertEquals(2, roc.positives());
		assertEquals(6, roc.negatives());
	}

	@Test
	void matchesBruteForcePairCountOnRandomScoresWithTies() {
		Random random = new Random(42);
		for (int trial = 0; trial < 200; trial++) {
			int n = 2 + random.nextInt(300);
			double[] scores = new double[n];
			boolean[] labels = new boolean[n];
			for (int i = 0; i < n; i++) {
				scores[i] = random.nextInt(15) - 7; // few values: many ties, negatives included
				labels[i] = random.nextDouble() < 0.3;
			}
			labels[0] = true;
			labels[1] = false;
			double expected = bruteForceAuroc(scores, labels);
			assertEquals(expected, Roc.of(scores, labels).auroc(), EPS, "trial " + trial);

			float[] map = new float[n];
			for (int i = 0; i < n; i++) {
				map[i] = (float) (scores[i] * 0.37);
			}
			int cut = n / 2;
			List<float[]> maps = List.of(Arrays.copyOfRange(map, 0, cut), Arrays.copyOfRange(map, cut, n));
			List<boolean[]> masks = List.of(Arrays.copyOfRange(labels, 0, cut), Arrays.copyOfRange(labels, cut, n));
			assertEquals(expected, Roc.ofPixels(maps, masks).auroc(), EPS, "pixels, trial " + trial);
		}
	}

	@Test
	void floatPixelOrderMatchesPairCountOnWideRangeOfValues() {
		Random random = new Random(7);
		int n = 5000;
		float[] map = new float[n];
		boolean[] mask = new boolean[n];
		double[] asDouble = new double[n];
		for (int i = 0; i < n; i++) {
			map[i] = (float) (random.nextGaussian() * Math.pow(10, random.nextInt(12) - 6));
			mask[i] = random.nextBoolean();
			asDouble[i] = map[i];
		}
		assertEquals(bruteForceAuroc(asDouble, mask), Roc.ofPixels(List.of(map), List.of(mask)).auroc(), EPS);
	}

	@Test
	void rejectsSetsWithoutBothKindsAndMalformedInput() {
		IllegalArgumentException none = assertThrows(IllegalArgumentException.class,
				() -> Roc.of(new double[] {1, 2}, new boolean[] {F, F}));
		assertTrue(none.getMessage().contains("anomalous"), none.getMessage());
		IllegalArgumentException all = assertThrows(IllegalArgumentException.class,
				() -> Roc.of(new double[] {1, 2}, new boolean[] {T, T}));
		assertTrue(all.getMessage().contains("nominal"), all.getMessage());
		assertThrows(IllegalArgumentException.class, () -> Roc.of(new double[] {1, 2, 3}, new boolean[] {T, F}));
		assertThrows(IllegalArgumentException.class, () -> Roc.of(new double[] {1, Double.NaN}, new boolean[] {T, F}));
		assertThrows(IllegalArgumentException.class, () -> Roc.of(new double[0], new boolean[0]));
		assertThrows(IllegalArgumentException.class,
				() -> Roc.ofPixels(List.of(new float[] {1, 2}), List.of(new boolean[] {F, F})));
		assertThrows(IllegalArgumentException.class,
				() -> Roc.ofPixels(List.of(new float[] {1, 2}), List.of(new boolean[] {T, F, F})));
		assertThrows(IllegalArgumentException.class,
				() -> Roc.ofPixels(List.of(new float[] {1, Float.POSITIVE_INFINITY}), List.of(new boolean[] {T, F})));
		List<boolean[]> oneMask = new ArrayList<>();
		oneMask.add(new boolean[] {T, F});
		assertThrows(IllegalArgumentException.class,
				() -> Roc.ofPixels(List.of(new float[] {1, 2}, new float[] {3, 4}), oneMask));
	}

	/** The Mann-Whitney definition: share of (anomalous, nominal) pairs ordered right, ties 1/2. */
	static double bruteForceAuroc(double[] scores, boolean[] labels) {
		double wins = 0;
		long pairs = 0;
		for (int i = 0; i < scores.length; i++) {
			for (int j = 0; j < scores.length; j++) {
				if (labels[i] && !labels[j]) {
					pairs++;
					if (scores[i] > scores[j]) {
						wins += 1;
					} else if (scores[i] == scores[j]) {
						wins += 0.5;
					}
				}
			}
		}
		return wins / pairs;
	}
}
