package org.npad.pipeline;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;
import org.npad.backbone.BackboneWeights;
import org.npad.backbone.KerasResNet50Backbone;
import org.npad.image.GeometryMode;
import org.npad.image.NamedSlice;
import org.npad.image.Preprocessing;
import org.npad.method.ChannelRule;
import org.npad.method.NpadConfig;
import org.npad.model.TrainedModel;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Real backbone, real preprocessing, the engine: a dark pit on a striped surface must stand out. */
class TrainingPipelineTest {

	static final Preprocessing SMALL = Preprocessing.defaults().withCrop(96).withGeometry(GeometryMode.FULL_RESIZE);
	static final NpadConfig CONFIG = NpadConfig.accurate().withChannels(48).withChannelRule(ChannelRule.RANDOM).withShift(0)
			.withSmoothingSigma(2);

	@Test
	void trainsOnNominalImagesAndFindsThePit() throws Exception {
		List<NamedSlice> nominal = SyntheticImages.nominal(12, 96, 1);
		try (NDManager m = NDManager.newBaseManager();
				KerasResNet50Backbone backbone = KerasResNet50Backbone.load(BackboneWeights.stage4(), Device.cpu())) {
			TrainedModel result = new Training(SMALL, CONFIG, backbone, new Training.Options(4, 4), Progress.NONE, m).run(nominal);
			assertEquals(9, result.provenance().trainingImages().size(), "every 4th of 12 images is held out");
			assertEquals(3, result.thresholds().nominalImageScores().count());
			assertEquals(24, result.model().height(), "96 px input, stride 4");

			Detector detector = new Detector(result.model(), SMALL, new FeatureSource(backbone, result.model().channels(), m), 4);
			Detection pit = detector.detect(SyntheticImages.withPit(96, 99, 30, 60, 6));
			double worstNominal = result.thresholds().nominalImageScores().max();
			assertTrue(pit.score() > worstNominal, "pit " + pit.score() + " vs nominal " + worstNominal);
			assertTrue(pit.score() > result.thresholds().image(), "the pit is called anomalous");

			int arg = 0;
			for (int i = 1; i < pit.map().length; i++) if (pit.map()[i] > pit.map()[arg]) arg = i;
			int x = arg % 96, y = arg / 96;
			assertTrue(Math.hypot(x - 30, y - 60) < 12, "hottest pixel at " + x + "," + y);
		}
	}
}
