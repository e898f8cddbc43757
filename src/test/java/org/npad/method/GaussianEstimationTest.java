package org.npad.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class GaussianEstimationTest {

	/**
	 * One position, d = 2, images (1,1), (2,3), (3,2): mean (2,2), centred (-1,-1), (0,1), (1,0),
	 * scatter [[2,1],[1,2]], covariance /2 + 0.01 I = [[1.01,0.5],[0.5,1.01]], det 0.7701.
	 * For x = (3,3), delta (1,1): delta^T S^-1 delta = (1.01 - 0.5 - 0.5 + 1.01) / 0.7701 = 1.324503.
	 */
	@Test
	void twoByTwoCovarianceByHand() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray train = EngineTestSupport.features(m, 3, 2, 1, 1, 1, 1, 2, 3, 3, 2);
			NpadModel model = EngineTestSupport.train(m, EngineTestSupport.plain(2), 1, 1, train);
			assertArrayEquals(new float[] {2, 2}, model.moduleA().mean().toFloatArray(), 1e-6f);
			float det = 1.01f * 1.01f - 0.25f;
			assertArrayEquals(new float[] {1.01f / det, -0.5f / det, -0.5f / det, 1.01f / det},
					EngineTestSupport.precisionValues(model.moduleA()), 1e-4f);
			ScoredBatch s = new NpadScorer(model, 1, 1).score(EngineTestSupport.features(m, 1, 2, 1, 1, 3, 3));
			assertEquals(Math.sqrt(1.02 / 0.7701), s.imageScores()[0], 1e-4);
		}
	}

	/** Streaming in batches gives the statistics of all images at once (the shift is only numerical). */
	@Test
	void batchesDoNotChangeTheStatistics() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray all = m.randomNormal(0, 1, new ai.djl.ndarray.types.Shape(7, 3, 2, 2), ai.djl.ndarray.types.DataType.FLOAT32).add(100);
			NpadConfig c = EngineTestSupport.plain(3);
			NpadModel once = EngineTestSupport.train(m, c, 2, 2, all);
			NpadModel split = EngineTestSupport.train(m, c, 2, 2, all.get("0:1"), all.get("1:5"), all.get("5:7"));
			assertArrayEquals(once.moduleA().mean().toFloatArray(), split.moduleA().mean().toFloatArray(), 1e-4f);
			assertArrayEquals(EngineTestSupport.precisionValues(once.moduleA()), EngineTestSupport.precisionValues(split.moduleA()), 2e-3f);
		}
	}

	/**
	 * A 1 x 3 map, d = 1, two images [0,1,4] and [2,3,6]: means 1, 2, 5, variances 2 (+0.01).
	 * BC(0,1) = 1/8 * 1 / 2.01 = 0.062189, BC(1,2) = 1/8 * 9 / 2.01 = 0.559701;
	 * gamma 0.25: m01 = exp(-0.248756) = 0.779770, m12 = exp(-2.238806) = 0.106586.
	 * Position 0 (window {0,1}): m' = 1/1.779770 = 0.561870, 0.438130; mu = 1.438130;
	 * scatter = 0.561870 (2 + 2 * 0.438130^2) + 0.438130 (2 + 2 * 0.561870^2) = 2.492344,
	 * divided by N - sum m'^2 = 2 - 0.507656 = 1.492344, plus 0.01: 1.680087.
	 * Positions 1 and 2 likewise: mu 1.756137, 4.711042; variance 2.421077, 3.047905.
	 */
	@Test
	void neighbourWeightsOnAMapWorkedOnPaper() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray train = EngineTestSupport.features(m, 2, 1, 1, 3, 0, 1, 4, 2, 3, 6);
			NpadConfig c = EngineTestSupport.plain(1).withTrainNeighbourhood(3);
			NpadModel model = EngineTestSupport.train(m, c, 1, 3, train);
			assertArrayEquals(new float[] {1.438130f, 1.756137f, 4.711042f}, model.moduleA().mean().toFloatArray(), 1e-5f);
			assertArrayEquals(new float[] {1 / 1.680087f, 1 / 2.421077f, 1 / 3.047905f},
					EngineTestSupport.precisionValues(model.moduleA()), 1e-5f);
			assertEquals((0.062189 + 0.559701) / 2, model.medianDistance(), 1e-5);
		}
	}

	/**
	 * OAS in plain per-position Gaussians (PaDiM, module B) uses n = N. One position, d = 2, images
	 * (1,1), (-1,-1), (0.2,-0.2), (-0.2,0.2): mean 0, scatter [[2.08, 1.92], [1.92, 2.08]], S = scatter / 3 =
	 * [[0.693333, 0.64], [0.64, 0.693333]]; tr 1.386667, tr(S^2) 1.780622, p = 2:
	 * rho = 1.922844 / (4 * (1.780622 - 0.961422)) = 0.586806 (0.782407 with n = 3). The estimate keeps
	 * the diagonal (it equals tr/p) and scales the off-diagonal by 1 - rho: 0.264444; + 0.01 I and
	 * inverted: [[1.655888, -0.622593], [-0.622593, 1.655888]].
	 */
	@Test
	void shrinkageInPlainGaussiansUsesTheNumberOfImages() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray train = EngineTestSupport.features(m, 4, 2, 1, 1, 1, 1, -1, -1, 0.2f, -0.2f, -0.2f, 0.2f);
			NpadModel model = EngineTestSupport.train(m, EngineTestSupport.plain(2).withCovariance(CovarianceEstimator.OAS), 1, 1, train);
			assertArrayEquals(new float[] {1.655888f, -0.622593f, -0.622593f, 1.655888f}, EngineTestSupport.precisionValues(model.moduleA()), 1e-4f);
		}
	}

	/**
	 * OAS in module A uses each position's effective sample size. A 1 x 2 map, d = 2, 8 images:
	 * position 0 holds (a, 0), position 1 (0, a), a = 1,1,1,1,3,3,3,3 (mean 2, scatter 8). An absolute
	 * gamma of 1e9 makes both neighbours weigh 1/2, so Kish's n = N / sum w^2 = 16 (not N = 8).
	 * mu = (1, 1); scatter = 1/2 (C_0 + C_1) + N (1, -1)(1, -1)^T = [[12, -8], [-8, 12]], divided by
	 * N - sum w^2 = 7.5: S = [[1.6, -16/15], [-16/15, 1.6]]; tr 3.2, tr(S^2) 7.395556, p = 2:
	 * rho = 10.24 / (16 * (7.395556 - 5.12)) = 0.28125 (0.5625 with n = 8). Estimate + 0.01 I =
	 * [[1.61, -0.766667], [-0.766667, 1.61]], its inverse [[0.803264, 0.382507], [0.382507, 0.803264]].
	 */
	@Test
	void shrinkageInModuleAUsesTheEffectiveSampleSize() {
		try (NDManager m = NDManager.newBaseManager()) {
			float[] values = new float[8 * 2 * 2];
			for (int i = 0; i < 8; i++) {
				float a = i < 4 ? 1 : 3;
				values[i * 4] = a;     // channel 0, position 0
				values[i * 4 + 3] = a; // channel 1, position 1
			}
			NpadConfig c = EngineTestSupport.plain(2).withTrainNeighbourhood(3).withGamma(1e9).withCovariance(CovarianceEstimator.OAS);
			NpadModel model = EngineTestSupport.train(m, c, 1, 2, m.create(values, new ai.djl.ndarray.types.Shape(8, 2, 1, 2)));
			float[] position = {0.803264f, 0.382507f, 0.382507f, 0.803264f};
			float[] both = new float[8];
			System.arraycopy(position, 0, both, 0, 4);
			System.arraycopy(position, 0, both, 4, 4);
			assertArrayEquals(both, EngineTestSupport.precisionValues(model.moduleA()), 1e-4f);
		}
	}

	/** With the median scale, gamma 1 makes the median pair weigh exactly exp(-1). */
	@Test
	void medianGammaScaleIsRelativeToTheData() {
		try (NDManager m = NDManager.newBaseManager()) {
			// 1 x 2 map: only one pair, so it is the median: m = exp(-1) whatever the data's scale
			NDArray train = EngineTestSupport.features(m, 2, 1, 1, 2, 0, 30, 2, 32);
			NpadConfig c = EngineTestSupport.plain(1).withTrainNeighbourhood(3).withGamma(1).withGammaScale(GammaScale.MEDIAN);
			NpadModel model = EngineTestSupport.train(m, c, 1, 2, train);
			double w = Math.exp(-1) / (1 + Math.exp(-1));
			assertEquals((1 - w) * 1 + w * 31, model.moduleA().mean().toFloatArray()[0], 1e-4);
		}
	}

	/**
	 * Module A overwrites the moments chunk by chunk as soon as no later chunk reads them: any chunk
	 * size (one position, a part of a row, rows) must give the precisions of a single chunk, also
	 * for a 5 x 5 window that reads two rows back.
	 */
	@Test
	void moduleAInPlaceGivesTheSameGaussiansForAnyChunk() {
		try (NDManager m = NDManager.newBaseManager()) {
			int h = 4, w = 5, d = 3;
			NDArray maps = m.randomNormal(0, 1, new ai.djl.ndarray.types.Shape(6, d, h, w), ai.djl.ndarray.types.DataType.FLOAT32);
			for (int window : new int[] {3, 5}) {
				NpadConfig c = EngineTestSupport.plain(d).withTrainNeighbourhood(window);
				float[] mean = null, precision = null;
				for (int chunk : new int[] {h * w, 1, 2, 7}) {
					PositionMoments moments = moments(m, maps, h * w, d);
					NeighbourWeights weights = NeighbourWeights.estimate(moments, h, w, c);
					PositionGaussians g = NeighbourWeightedGaussians.estimate(moments, weights, h, w, c.covariance(), c.epsilon(), m, chunk);
					if (mean == null) {
						mean = g.mean().toFloatArray();
						precision = EngineTestSupport.precisionValues(g);
					} else {
						assertArrayEquals(mean, g.mean().toFloatArray(), 1e-6f, "window " + window + ", chunk " + chunk);
						assertArrayEquals(precision, EngineTestSupport.precisionValues(g), 1e-4f, "window " + window + ", chunk " + chunk);
					}
				}
			}
		}
	}

	private static PositionMoments moments(NDManager m, NDArray maps, int positions, int d) {
		MomentAccumulator accumulator = new MomentAccumulator(m, positions, d);
		accumulator.add(FeatureLayout.positionMajor(maps));
		return accumulator.finish(m);
	}
}
