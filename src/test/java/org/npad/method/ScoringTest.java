package org.npad.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class ScoringTest {

	/** Gaussians with given means and unit precision on a 1 x w map, d = 1. */
	private static PositionGaussians unit(NDManager m, float... means) {
		float[] ones = new float[means.length];
		java.util.Arrays.fill(ones, 1);
		return new PositionGaussians(m.create(means).reshape(means.length, 1), new Float32Precisions(m.create(ones).reshape(means.length, 1, 1)));
	}

	/**
	 * q = 2 looks at the position itself and its right neighbour (and the ones below, outside a 1-row
	 * map): Gaussians at means 0 and 10; a test value 9 at position 0 is 1 away from Gaussian 1, while
	 * 0 at position 1 has only Gaussian 1 in its window and is 10 away.
	 */
	@Test
	void d1TakesTheNearestGaussianOfTheWindow() {
		try (NDManager m = NDManager.newBaseManager()) {
			NpadConfig c = EngineTestSupport.plain(1).withInferNeighbourhood(2);
			NpadModel model = new NpadModel(c, new int[] {0}, 1, 2, 2, unit(m, 0, 10), null, null, Double.NaN, null);
			ScoredBatch s = new NpadScorer(model, 1, 2).score(EngineTestSupport.features(m, 1, 1, 1, 2, 9, 0));
			assertArrayEquals(new float[] {1, 10}, s.maps(), 1e-5f);
		}
	}

	/**
	 * Eq. 12-14 on known vectors: D1 = |e| on a 1 x 4 map with values 1, -3, 2, 0.5; top-2 D1 are 3
	 * (at -3) and 2 (at 2). Bank {-3}: E = 0 at -3 and 5 at 2. Sorted separately, Q = [2, 3] and
	 * E = [0, 5]: score = 2 * 0 + 3 * 5 = 15 (pairing by position would give 10).
	 */
	@Test
	void imageScorePairsSortedTopDistancesWithSortedCentroidDistances() {
		try (NDManager m = NDManager.newBaseManager()) {
			NpadConfig c = EngineTestSupport.plain(1).withImageScore(ImageScoreKind.TOP_K_CENTROID).withTopK(2);
			CentroidBank bank = new CentroidBank(m.create(new float[] {-3}).reshape(1, 1));
			NpadModel model = new NpadModel(c, new int[] {0}, 1, 4, 2, unit(m, 0, 0, 0, 0), null, bank, Double.NaN, null);
			ScoredBatch s = new NpadScorer(model, 1, 4).score(EngineTestSupport.features(m, 1, 1, 1, 4, 1, -3, 2, 0.5f));
			assertEquals(15, s.imageScores()[0], 1e-5);
		}
	}

	/**
	 * The top-pixels score on D1 = |e| = 1, 3, 2, 0.5 (two images: the same map, then one twice as
	 * high): 50 % of 4 pixels is the mean of 3 and 2; 10 % rounds to no pixel and takes the hottest
	 * one; 100 % is the mean of all four.
	 */
	@Test
	void topPixelsScoreIsTheMeanOfTheHottestShare() {
		try (NDManager m = NDManager.newBaseManager()) {
			NpadConfig c = EngineTestSupport.plain(1).withImageScore(ImageScoreKind.TOP_PIXELS);
			NpadModel model = new NpadModel(c, new int[] {0}, 1, 4, 2, unit(m, 0, 0, 0, 0), null, null, Double.NaN, null);
			NDArray x = EngineTestSupport.features(m, 2, 1, 1, 4, 1, -3, 2, 0.5f, 2, -6, 4, 1);
			double[][] expected = {{2.5, 5}, {3, 6}, {1.625, 3.25}};
			double[] percents = {50, 10, 100};
			for (int i = 0; i < percents.length; i++) {
				float[] scores = new NpadScorer(model.withInference(c.withTopPixelPercent(percents[i])), 1, 4).score(x).imageScores();
				assertEquals(expected[i][0], scores[0], 1e-5, percents[i] + " %");
				assertEquals(expected[i][1], scores[1], 1e-5, percents[i] + " %");
			}
		}
	}

	/**
	 * A model with both modules scored as its D1 and D2 variants under the maximum-pixel score: each
	 * variant's map is that module's distance alone (D1 = |4 - 0| / 1 = 4, D2 = |4 - 3| / 1 = 1).
	 */
	@Test
	void variantsOfAFullerModelUseOnlyTheirModule() {
		try (NDManager m = NDManager.newBaseManager()) {
			NpadConfig c = EngineTestSupport.plain(1).withPixelMap(PixelMapKind.FUSED).withImageScore(ImageScoreKind.MAX_PIXEL);
			NpadModel model = new NpadModel(c, new int[] {0}, 1, 1, 2, unit(m, 0), unit(m, 3), null, Double.NaN, null);
			NDArray x = EngineTestSupport.features(m, 1, 1, 1, 1, 4);
			assertEquals(4, new NpadScorer(model.withInference(c.withPixelMap(PixelMapKind.D1)), 1, 1).score(x).maps()[0], 1e-5);
			assertEquals(1, new NpadScorer(model.withInference(c.withPixelMap(PixelMapKind.D2)), 1, 1).score(x).imageScores()[0], 1e-5);
		}
	}

	/** The fused map is the geometric mean of D1 and D2 (eq. 11); aggregation is the identity for p = 1. */
	@Test
	void fusedMapIsGeometricMean() {
		try (NDManager m = NDManager.newBaseManager()) {
			NpadConfig c = EngineTestSupport.plain(1).withPixelMap(PixelMapKind.FUSED);
			NpadModel model = new NpadModel(c, new int[] {0}, 1, 1, 2, unit(m, 0), unit(m, 3), null, Double.NaN, null);
			ScoredBatch s = new NpadScorer(model, 1, 1).score(EngineTestSupport.features(m, 1, 1, 1, 1, 4));
			assertEquals(Math.sqrt(4 * 1), s.maps()[0], 1e-5);
		}
	}

	@Test
	void oneTrainingImageIsRefusedWithAReason() {
		try (NDManager m = NDManager.newBaseManager()) {
			IllegalStateException e = org.junit.jupiter.api.Assertions.assertThrows(IllegalStateException.class,
					() -> EngineTestSupport.train(m, EngineTestSupport.plain(1), 1, 1, EngineTestSupport.features(m, 1, 1, 1, 1, 4)));
			org.junit.jupiter.api.Assertions.assertTrue(e.getMessage().contains("at least 2"));
		}
	}
}
