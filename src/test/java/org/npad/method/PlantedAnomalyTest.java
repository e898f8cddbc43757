package org.npad.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.npad.metrics.PixelMetrics;
import org.npad.metrics.Roc;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * End to end on synthetic features: nominal maps are a smooth position-dependent pattern plus
 * correlated noise; test maps carry a planted patch whose features are pushed off the nominal
 * distribution by a few standard deviations. Training on nominal maps only must find the patches.
 */
class PlantedAnomalyTest {

	private static final int D = 8, H = 10, W = 10, SCALE = 4;

	@Test
	void findsPlantedPatches() {
		Random random = new Random(42);
		float[][] mixing = new float[D][D];
		for (float[] row : mixing) for (int j = 0; j < D; j++) row[j] = (float) random.nextGaussian() * 0.5f;
		try (NDManager m = NDManager.newBaseManager()) {
			NpadConfig config = NpadConfig.paper().withChannels(D).withSmoothingSigma(1).withShift(0);
			NDArray nominal = m.create(sample(random, mixing, 40, null), new Shape(40, D, H, W));
			NpadModel model = EngineTestSupport.train(m, config, H, W, nominal.get("0:13"), nominal.get("13:40"));

			int tests = 20;
			boolean[][] patches = new boolean[tests][];
			for (int i = 0; i < tests; i += 2) { // every other test image is nominal
				patches[i] = new boolean[H * W];
				int y = 1 + random.nextInt(H - 4), x = 1 + random.nextInt(W - 4);
				for (int dy = 0; dy < 2; dy++) for (int dx = 0; dx < 2; dx++) patches[i][(y + dy) * W + x + dx] = true;
			}
			ScoredBatch scored = new NpadScorer(model, H * SCALE, W * SCALE)
					.score(m.create(sample(random, mixing, tests, patches), new Shape(tests, D, H, W)));

			List<float[]> maps = new ArrayList<>();
			List<boolean[]> masks = new ArrayList<>();
			double[] scores = new double[tests];
			boolean[] labels = new boolean[tests];
			for (int i = 0; i < tests; i++) {
				maps.add(scored.map(i));
				masks.add(upsample(patches[i]));
				scores[i] = scored.imageScores()[i];
				labels[i] = patches[i] != null;
			}
			double pixel = PixelMetrics.of(maps, masks, W * SCALE, H * SCALE).roc().auroc();
			double image = Roc.of(scores, labels).auroc();
			assertTrue(pixel > 0.95, "pixel AUROC " + pixel);
			assertTrue(image > 0.9, "image AUROC " + image);
		}
	}

	/** Features of n images, image-major N x D x H x W; a planted patch shifts its positions' features. */
	private static float[] sample(Random random, float[][] mixing, int n, boolean[][] patches) {
		float[] out = new float[n * D * H * W];
		float[] z = new float[D];
		for (int i = 0; i < n; i++)
			for (int p = 0; p < H * W; p++) {
				for (int j = 0; j < D; j++) z[j] = (float) random.nextGaussian();
				boolean anomalous = patches != null && patches[i] != null && patches[i][p];
				for (int c = 0; c < D; c++) {
					float v = (float) Math.sin(0.5 * (p / W) + c) + (float) Math.cos(0.4 * (p % W) * (c + 1)) + 0.3f * z[c];
					for (int j = 0; j < D; j++) v += mixing[c][j] * z[j];
					if (anomalous) v += (c % 2 == 0 ? 2.5f : -2.5f);
					out[((i * D + c) * H * W) + p] = v;
				}
			}
		return out;
	}

	private static boolean[] upsample(boolean[] patch) {
		boolean[] mask = new boolean[H * W * SCALE * SCALE];
		if (patch == null) return mask;
		for (int y = 0; y < H * SCALE; y++)
			for (int x = 0; x < W * SCALE; x++) mask[y * W * SCALE + x] = patch[(y / SCALE) * W + x / SCALE];
		return mask;
	}
}
