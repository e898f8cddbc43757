package org.npad.pipeline;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.npad.backbone.Backbone;
import org.npad.backbone.BackboneIdentity;
import org.npad.backbone.BackboneWeights;
import org.npad.backbone.KerasResNet50Backbone;
import org.npad.image.NamedSlice;
import org.npad.model.TrainedModel;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/**
 * A batch that does not fit is split, as StarDist retries with more tiles: on a device with room
 * for two images at a time a batch of 8 still scores every image, exactly as one at a time does.
 */
class DetectorMemoryRetryTest {

	/** The real backbone on a device that fails as libtorch does when it is given more than {@code room} images. */
	private static final class SmallDevice implements Backbone {
		private final Backbone real;
		private final int room;
		final List<Integer> calls = new ArrayList<>();

		SmallDevice(Backbone real, int room) {
			this.real = real;
			this.room = room;
		}

		@Override
		public NDList forward(NDArray rgb) {
			int n = (int) rgb.getShape().get(0);
			calls.add(n);
			if (n > room) rgb.getManager().zeros(new Shape(1L << 50)); // a real allocation failure of the engine
			return real.forward(rgb);
		}

		@Override
		public BackboneIdentity identity() {
			return real.identity();
		}

		@Override
		public int[] tapChannels() {
			return real.tapChannels();
		}

		@Override
		public void close() {
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
