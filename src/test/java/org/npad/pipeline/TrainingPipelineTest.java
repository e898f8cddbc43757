package org.npad.pipeline;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ij.measure.Calibration;
import ij.process.ShortProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npad.backbone.BackboneWeights;
import org.npad.backbone.KerasResNet50Backbone;
import org.npad.image.GeometryMode;
import org.npad.image.InputBrightness;
import org.npad.image.IntensityMapping;
import org.npad.image.NamedSlice;
import org.npad.image.Preprocessing;
import org.npad.image.PixelSizeRange;
import org.npad.image.SizeRange;
import org.npad.method.ChannelRule;
import org.npad.method.Float16Precisions;
import org.npad.method.NpadConfig;
import org.npad.method.NpadModel;
import org.npad.model.ModelFile;
import org.npad.model.TrainedModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
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
			assertInstanceOf(Float16Precisions.class, result.model().moduleA().precision(), "held for detection in float16, the default");

			Detector detector = new Detector(result.model(), SMALL, FeatureSource.of(backbone, result.model(), m), 4);
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

	/**
	 * The estimation after the statistics pass takes minutes on large data sets: it names each step
	 * as it starts, and a cancel stops it before the next step.
	 */
	@Test
	void cancellingDuringTheEstimationStopsBeforeTheNextStep() throws Exception {
		List<String> stages = new ArrayList<>();
		Progress cancelAtModuleA = new Progress() {
			@Override
			public void report(String stage, long done, long total) {
				stages.add(stage);
			}

			@Override
			public boolean isCancelled() {
				return !stages.isEmpty() && stages.get(stages.size() - 1).endsWith("(neighbour weights)");
			}
		};
		try (NDManager m = NDManager.newBaseManager();
				KerasResNet50Backbone backbone = KerasResNet50Backbone.load(BackboneWeights.stage4(), Device.cpu())) {
			Training training = new Training(SMALL, CONFIG, backbone, new Training.Options(4, 0), cancelAtModuleA, m);
			assertThrows(CancellationException.class, () -> training.run(SyntheticImages.nominal(3, 96, 1)));
		}
		List<String> estimation = stages.stream().filter(s -> s.startsWith(Training.ESTIMATING)).toList();
		assertEquals(List.of(Training.ESTIMATING + " (module B inverses)", Training.ESTIMATING + " (neighbour weights)"), estimation,
				"the steps up to the cancel, and no further");
	}

	/**
	 * With room for every training patch in the patch bank, a training image's patches are all in
	 * it: its patch map (the fused map squared over N-pad's own) is about 0, far below the pit
	 * image's, and the image score is N-pad's alone.
	 */
	@Test
	void patchBankHoldsEveryTrainingPatch() throws Exception {
		List<NamedSlice> nominal = SyntheticImages.nominal(6, 96, 1);
		NpadConfig config = CONFIG.withPatchBank(10_000);
		try (NDManager m = NDManager.newBaseManager();
				KerasResNet50Backbone backbone = KerasResNet50Backbone.load(BackboneWeights.stage4(), Device.cpu())) {
			TrainedModel result = new Training(SMALL, config, backbone, new Training.Options(4, 0), Progress.NONE, m).run(nominal);
			assertEquals(6 * 12 * 12, result.model().patches().size(), "6 images, 12 x 12 patches at stride 8");
			assertEquals(512 + 1024, result.model().patches().vectors().getShape().get(1));

			NpadModel npadOnly = result.model().withInference(config.withPatchBank(0));
			Detector detector = new Detector(List.of(result.model(), npadOnly), SMALL, FeatureSource.of(backbone, result.model(), m), 4);
			List<List<Detection>> detections = detector.detectAll(List.of(nominal.get(2), SyntheticImages.withPit(96, 99, 30, 60, 6)));
			double trainingPatches = maxPatchDistance(detections.get(0)), pitPatches = maxPatchDistance(detections.get(1));
			assertTrue(trainingPatches < 0.01 * pitPatches, "training image " + trainingPatches + " vs pit " + pitPatches);
			assertEquals(detections.get(1).get(1).score(), detections.get(1).get(0).score(), 1e-4);
		}
	}

	/**
	 * With semi_orthogonal channels the model reads every channel, finds the pit, and its file
	 * holds no projection: the reloaded model makes the same one from its seed and scores alike.
	 */
	@Test
	void projectedChannelsFindThePitAndComeBackFromTheModelFile(@TempDir Path dir) throws Exception {
		NpadConfig config = CONFIG.withChannelRule(ChannelRule.SEMI_ORTHOGONAL);
		NamedSlice pit = SyntheticImages.withPit(96, 99, 30, 60, 6);
		try (NDManager m = NDManager.newBaseManager();
				KerasResNet50Backbone backbone = KerasResNet50Backbone.load(BackboneWeights.stage4(), Device.cpu())) {
			TrainedModel trained = new Training(SMALL, config, backbone, new Training.Options(4, 4), Progress.NONE, m)
					.run(SyntheticImages.nominal(12, 96, 1));
			assertEquals(256 + 512 + 1024, trained.model().channels().length, "every channel is read");
			Detection before = new Detector(trained.model(), SMALL, FeatureSource.of(backbone, trained.model(), m), 4).detect(pit);
			assertTrue(before.score() > trained.thresholds().nominalImageScores().max(), "the pit outscores every held-out nominal image");

			Path file = dir.resolve("projected.npad");
			ModelFile.write(trained, file, ModelFile.Storage.FLOAT32_PACKED);
			try (TrainedModel read = ModelFile.read(file, m)) {
				Detection after = new Detector(read.model(), SMALL, FeatureSource.of(backbone, read.model(), m), 4).detect(pit);
				assertEquals(before.score(), after.score(), 1e-4 * before.score());
				assertArrayEquals(before.map(), after.map(), 1e-4f * before.score());
			}
		}
	}

	/** The patch map recovered from the fused and the N-pad maps of one image: fused^2 / npad. */
	private static double maxPatchDistance(List<Detection> fusedAndNpad) {
		float[] fused = fusedAndNpad.get(0).map(), npad = fusedAndNpad.get(1).map();
		double max = 0;
		for (int i = 0; i < fused.length; i++) max = Math.max(max, (double) fused[i] * fused[i] / npad[i]);
		return max;
	}

	/**
	 * A 12-bit camera's images saved as 16-bit (0..4080 here) reach the network as 0..16 under the
	 * default type_range mapping: training says so, and says nothing when min_max stretches them.
	 */
	@Test
	void twelveBitImagesUnderTypeRangeAreReportedAsDark() throws Exception {
		List<NamedSlice> twelveBit = twelveBit(SyntheticImages.nominal(3, 96, 1));
		List<String> typeRange = warningsOfTraining(SMALL, twelveBit);
		assertEquals(1, typeRange.size(), typeRange.toString());
		assertTrue(typeRange.get(0).contains("type_range") && typeRange.get(0).contains("12-bit"), typeRange.get(0));
		double brightest = Double.parseDouble(typeRange.get(0).replaceAll(".* no brighter than ([0-9.]+) of 0..255.*", "$1"));
		assertTrue(brightest > 10 && brightest <= 4080 * 255.0 / 65535, "at most the brightest raw value scaled: " + brightest);

		assertEquals(List.of(), warningsOfTraining(SMALL.withIntensityMapping(IntensityMapping.MIN_MAX), twelveBit));
	}

	/**
	 * A model trained on dark 12-bit images keeps how bright they typically were: more such images
	 * are scored without a word, an 8-bit image given to it is warned about.
	 */
	@Test
	void detectionComparesAnImageWithTheTrainingImagesBrightness() throws Exception {
		List<NamedSlice> eightBit = SyntheticImages.nominal(4, 96, 7);
		List<NamedSlice> twelveBit = twelveBit(eightBit);
		double[] rawBrightest = new double[3];
		for (int i = 0; i < 3; i++) rawBrightest[i] = twelveBit.get(i).processor().getStatistics().max * 255 / 65535;
		Arrays.sort(rawBrightest);
		try (NDManager m = NDManager.newBaseManager();
				KerasResNet50Backbone backbone = KerasResNet50Backbone.load(BackboneWeights.stage4(), Device.cpu());
				TrainedModel trained = new Training(SMALL, CONFIG, backbone, new Training.Options(4, 0), Progress.NONE, m)
						.run(twelveBit.subList(0, 3))) {
			float typical = (float) trained.provenance().typicalBrightestInput();
			assertEquals(rawBrightest[1], typical, 0.01, "the median of the three images' brightest inputs");
			Detector detector = new Detector(trained.model(), SMALL, FeatureSource.of(backbone, trained.model(), m), 4);
			Detection same = detector.detect(twelveBit.get(3)), other = detector.detect(eightBit.get(3));
			assertEquals(Optional.empty(), InputBrightness.detectionWarning("same", same.brightestInput(), SMALL, typical));
			String warning = InputBrightness.detectionWarning("8-bit", other.brightestInput(), SMALL, typical).orElseThrow();
			assertTrue(warning.startsWith("image 8-bit reaches the network as bright as"), warning);
		}
	}

	/**
	 * The model keeps the smallest and largest width, height and calibrated pixel width of the images it
	 * learned from, not of the held-out ones, and detection warns of an image more than 1.5 times outside them.
	 */
	@Test
	void theModelKeepsTheSizesOfItsTrainingImages() throws Exception {
		List<NamedSlice> square = SyntheticImages.nominal(4, 96, 3);
		int[][] sizes = {{96, 96}, {120, 80}, {80, 110}, {300, 300}}; // every 4th, the 300 x 300 one, is held out
		double[] pixelWidths = {0.5, 0.52, 0.51, 2};
		List<NamedSlice> images = new ArrayList<>();
		for (int i = 0; i < 4; i++) {
			Calibration um = new Calibration();
			um.pixelWidth = um.pixelHeight = pixelWidths[i];
			um.setUnit("µm");
			images.add(new NamedSlice("n" + i, null, 1, square.get(i).processor().resize(sizes[i][0], sizes[i][1]), um));
		}
		try (NDManager m = NDManager.newBaseManager();
				KerasResNet50Backbone backbone = KerasResNet50Backbone.load(BackboneWeights.stage4(), Device.cpu());
				TrainedModel trained = new Training(SMALL, CONFIG, backbone, new Training.Options(4, 4), Progress.NONE, m).run(images)) {
			assertEquals(new SizeRange(80, 120, 80, 110), trained.provenance().trainingSizes());
			Calibration none = new Calibration();
			assertEquals(Optional.empty(), trained.scaleWarning("wide", 180, 80, none), "1.5 x 120 is still in");
			assertTrue(trained.scaleWarning("wider", 181, 80, none).orElseThrow().startsWith("image wider is 181 x 80 pixels"));
			assertTrue(trained.scaleWarning("low", 96, 53, none).isPresent(), "53 x 1.5 < 80");
			assertEquals(new PixelSizeRange("µm", 0.5, 0.52), trained.provenance().trainingPixelSizes());
		}
	}

	/** The images' values times 16: 0..4080, as a 12-bit camera saved as 16-bit. */
	private static List<NamedSlice> twelveBit(List<NamedSlice> eightBit) {
		List<NamedSlice> twelveBit = new ArrayList<>();
		for (NamedSlice s : eightBit) {
			ShortProcessor p = new ShortProcessor(s.processor().getWidth(), s.processor().getHeight());
			for (int i = 0; i < p.getPixelCount(); i++) p.set(i, s.processor().get(i) * 16);
			twelveBit.add(new NamedSlice(s.name(), null, 1, p, new Calibration()));
		}
		return twelveBit;
	}

	@Test
	void heldOutShareReadsAsEnglish() {
		assertEquals(List.of("2nd", "3rd", "4th", "10th", "11th", "12th", "13th", "21st", "22nd", "101st", "111th"),
				IntStream.of(2, 3, 4, 10, 11, 12, 13, 21, 22, 101, 111).mapToObj(Training::ordinal).toList());
	}

	private static List<String> warningsOfTraining(Preprocessing preprocessing, List<NamedSlice> images) throws Exception {
		List<String> warnings = new ArrayList<>();
		Progress collect = new Progress() {
			@Override
			public void report(String stage, long done, long total) {
			}

			@Override
			public boolean isCancelled() {
				return false;
			}

			@Override
			public void warn(String message) {
				warnings.add(message);
			}
		};
		try (NDManager m = NDManager.newBaseManager();
				KerasResNet50Backbone backbone = KerasResNet50Backbone.load(BackboneWeights.stage4(), Device.cpu())) {
			new Training(preprocessing, CONFIG, backbone, new Training.Options(4, 0), collect, m).run(images).close();
		}
		return warnings;
	}
}
