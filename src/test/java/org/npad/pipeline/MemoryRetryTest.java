package org.npad.pipeline;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.npad.backbone.BackboneWeights;
import org.npad.backbone.KerasResNet50Backbone;
import org.npad.image.NamedSlice;
import org.npad.model.TrainedModel;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * A batch that does not fit is split, as StarDist retries with more tiles: on a device with room
 * for two images at a time a batch of 8 is still scored, and learned from, exactly as in one piece.
 */
class MemoryRetryTest {

	@Test
	void aTrainingBatchThatRunsOutOfMemoryIsLearnedInHalves() throws Exception {
		List<NamedSlice> images = SyntheticImages.nominal(5, 96, 3);
		NamedSlice pit = SyntheticImages.withPit(96, 8, 40, 40, 6);
		try (NDManager m = NDManager.newBaseManager();
				KerasResNet50Backbone backbone = KerasResNet50Backbone.load(BackboneWeights.stage4(), Device.cpu())) {
			Training.Options batchOf8 = new Training.Options(8, 0);
			TrainedModel whole = new Training(TrainingPipelineTest.SMALL, TrainingPipelineTest.CONFIG, backbone, batchOf8, Progress.NONE, m)
					.run(images);
			SmallDevice small = new SmallDevice(backbone, 2);
			TrainedModel split = new Training(TrainingPipelineTest.SMALL, TrainingPipelineTest.CONFIG, small, batchOf8, Progress.NONE, m)
					.run(images);

			assertEquals(List.of(5, 2, 2, 1), small.calls, "5 do not fit; then 2 at a time (5 / 2) to the end");
			assertEquals(5, split.provenance().trainingImages().size());
			float[] a = whole.model().moduleA().mean().toFloatArray(), b = split.model().moduleA().mean().toFloatArray();
			assertArrayEquals(a, b, 1e-4f, "the same means: sums do not depend on how the images were grouped");
			Detection expected = new Detector(whole.model(), TrainingPipelineTest.SMALL, FeatureSource.of(backbone, whole.model(), m), 1)
					.detect(pit);
			Detection actual = new Detector(split.model(), TrainingPipelineTest.SMALL, FeatureSource.of(backbone, split.model(), m), 1)
					.detect(pit);
			assertEquals(expected.score(), actual.score(), 1e-3 * Math.abs(expected.score()));

			SmallDevice none = new SmallDevice(backbone, 0);
			RuntimeException e = assertThrows(RuntimeException.class, () -> new Training(TrainingPipelineTest.SMALL,
					TrainingPipelineTest.CONFIG, none, batchOf8, Progress.NONE, m).run(images.subList(0, 2)));
			assertTrue(MemoryFailure.is(e), "a single image that does not fit is reported, not retried forever");
			assertEquals(List.of(2, 1), none.calls);
		}
	}

	@Test
	void aBatchThatRunsOutOfMemoryIsScoredInHalves() throws Exception {
		List<NamedSlice> images = new ArrayList<>(SyntheticImages.nominal(4, 96, 7));
		images.add(SyntheticImages.withPit(96, 8, 40, 40, 6));
		try (NDManager m = NDManager.newBaseManager();
				KerasResNet50Backbone backbone = KerasResNet50Backbone.load(BackboneWeights.stage4(), Device.cpu())) {
			TrainedModel trained = new Training(TrainingPipelineTest.SMALL, TrainingPipelineTest.CONFIG, backbone,
					new Training.Options(4, 0), Progress.NONE, m).run(SyntheticImages.nominal(4, 96, 1));
			List<List<Detection>> oneByOne = new Detector(trained.model(), TrainingPipelineTest.SMALL,
					FeatureSource.of(backbone, trained.model(), m), 1).detectAll(images);

			SmallDevice small = new SmallDevice(backbone, 2);
			Detector detector = new Detector(trained.model(), TrainingPipelineTest.SMALL, FeatureSource.of(small, trained.model(), m), 8);
			List<List<Detection>> split = detector.detectAll(images);

			assertEquals(List.of(5, 2, 2, 1), small.calls, "5 do not fit; then 2 at a time (5 / 2) to the end");
			assertEquals(2, detector.imagesPerBatch(), "the smaller batch is kept for the next images");
			for (int i = 0; i < images.size(); i++) {
				Detection a = oneByOne.get(i).get(0), b = split.get(i).get(0);
				assertEquals(a.score(), b.score(), 1e-4 * Math.abs(a.score()), images.get(i).name());
				assertArrayEquals(a.map(), b.map(), 1e-3f * a.score(), images.get(i).name());
			}

			SmallDevice none = new SmallDevice(backbone, 0);
			Detector hopeless = new Detector(trained.model(), TrainingPipelineTest.SMALL, FeatureSource.of(none, trained.model(), m), 2);
			RuntimeException e = assertThrows(RuntimeException.class, () -> hopeless.detectAll(images.subList(0, 1)));
			assertEquals(true, MemoryFailure.is(e), "a single image that does not fit is reported, not retried forever");
			assertEquals(List.of(1), none.calls);
		}
	}
}
