package org.npad.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npad.image.Preprocessing;
import org.npad.image.PixelSizeRange;
import org.npad.image.SizeRange;
import org.npad.method.CentroidBank;
import org.npad.method.ChannelRule;
import org.npad.method.ImageScoreKind;
import org.npad.method.NpadConfig;
import org.npad.method.NpadModel;
import org.npad.method.NpadScorer;
import org.npad.method.NpadTrainer;
import org.npad.method.PrecisionFormat;
import org.npad.method.ScoredBatch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** A model trained by the engine scores the same images the same after a trip through the file. */
class TrainedModelScoresTest {

	private static final int N = 12, D = 6, H = 4, W = 5;

	@TempDir
	Path dir;

	@Test
	void scoresSurviveEveryStorage() throws IOException {
		NpadConfig config = NpadConfig.paper().withChannels(D).withChannelRule(ChannelRule.RANDOM).withShift(0).withSmoothingSigma(0);
		try (NDManager m = NDManager.newBaseManager()) {
			java.util.Random random = new java.util.Random(5);
			NpadModel gaussians;
			try (NpadTrainer trainer = new NpadTrainer(config.withImageScore(ImageScoreKind.MAX_PIXEL), new int[] {0, 1, 2, 3, 4, 5}, H, W, m)) {
				trainer.add(TestModels.normal(m, random, N, D * H * W).reshape(N, D, H, W));
				gaussians = trainer.finish(m);
			}
			// the engine's k-means cannot run on this DJL build (oneHot), so the bank is made by hand
			NpadModel trained = new NpadModel(config, gaussians.channels(), H, W, gaussians.trainingCount(), gaussians.moduleA(),
					gaussians.moduleB(), new CentroidBank(TestModels.normal(m, random, 9, D)), gaussians.medianDistance(), null);
			NDArray test = TestModels.normal(m, random, 3, D * H * W).reshape(3, D, H, W).mul(0.5f);
			TrainedModel model = new TrainedModel(trained, TestModels.BACKBONE, Preprocessing.defaults(),
					Thresholds.none(99.5), Provenance.now(List.of("a.png"), Double.NaN, SizeRange.UNKNOWN, PixelSizeRange.UNKNOWN));
			for (ModelFile.Storage storage : ModelFile.Storage.values())
				ModelFile.write(model, dir.resolve(storage.fileName() + ModelFile.EXTENSION), storage);
			// the scores of the model as Training holds it for detection, precisions in the selected format
			ScoredBatch expected = new NpadScorer(trained.in(PrecisionFormat.selected()), H, W).score(test);
			double[] tolerance = {0, 0, 2e-2};
			for (ModelFile.Storage storage : ModelFile.Storage.values()) {
				Path file = dir.resolve(storage.fileName() + ModelFile.EXTENSION);
				try (TrainedModel read = ModelFile.read(file, m, TestModels.BACKBONE)) {
					ScoredBatch actual = new NpadScorer(read.model(), H, W).score(test);
					double t = tolerance[storage.ordinal()];
					if (t == 0) {
						assertArrayEquals(expected.maps(), actual.maps(), storage.fileName());
						assertArrayEquals(expected.imageScores(), actual.imageScores(), storage.fileName());
					} else {
						assertRelative(expected.maps(), actual.maps(), t, storage);
						assertRelative(expected.imageScores(), actual.imageScores(), t, storage);
					}
				}
			}
		}
	}

	private static void assertRelative(float[] expected, float[] actual, double tolerance, ModelFile.Storage storage) {
		for (int i = 0; i < expected.length; i++) {
			assertEquals(expected[i], actual[i], tolerance * Math.abs(expected[i]), storage.fileName() + " value " + i);
		}
	}
}
