package org.npad.fiji;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.Plot;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npad.image.ImageFolder;
import org.npad.model.ModelFile;
import org.npad.model.ModelInfo;
import org.npad.model.TrainedModel;
import org.npad.pipeline.Detector;
import org.npad.pipeline.FeatureSource;
import org.npad.pipeline.Progress;
import org.scijava.Context;
import org.scijava.app.event.StatusEvent;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.module.ModuleService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npad.fiji.FijiTestSupport.NOMINAL;
import static org.npad.fiji.FijiTestSupport.SMALL;
import static org.npad.fiji.FijiTestSupport.refused;
import static org.npad.fiji.FijiTestSupport.run;
import static org.npad.fiji.FijiTestSupport.runLogged;
import static org.npad.fiji.FijiTestSupport.succeeded;

/** Train and Train on Image, headless through SciJava's CommandService, on the sample images and the real backbone. */
class TrainCommandTest {

	static Context context;

	@BeforeAll
	static void start() {
		context = FijiTestSupport.context();
	}

	@AfterAll
	static void stop() {
		context.dispose();
	}

	@Test
	void trainsAModelFileWhoseThresholdsComeFromTheHeldOutImages(@TempDir Path dir) throws Exception {
		Path model = dir.resolve("free.npad");
		Plot plot = (Plot) ((ImagePlus) FijiTestSupport.trainSampleModel(context, model).getOutput("score_plot")).getProperty(Plot.PROPERTY_KEY);

		ModelInfo info = ModelFile.readHeader(model);
		assertEquals(96, info.preprocessing().crop());
		assertEquals("full_resize", info.preprocessing().toMap().get("geometry"));
		assertEquals(48, info.channels().length);
		assertEquals(0, info.config().shift());
		List<String> names = info.provenance().trainingImages();
		assertEquals(18, names.size(), "every 10th of the 20 images is held out for calibration");
		assertFalse(names.contains("train_free_09.png") || names.contains("train_free_19.png"), names.toString());

		// The thresholds are the 99.5th percentile (numpy's linear rule) of the two held-out images' scores.
		try (NDManager m = NDManager.newBaseManager(); TrainedModel trained = ModelFile.read(model, m)) {
			Detector detector = new Detector(trained.model(), trained.preprocessing(),
					FeatureSource.of(BackboneCache.get(Device.cpu(), Progress.NONE), trained.model(), m), 4);
			double a = detector.detect(ImageFolder.read(NOMINAL.resolve("train_free_09.png"), "a").get(0)).score();
			double b = detector.detect(ImageFolder.read(NOMINAL.resolve("train_free_19.png"), "b").get(0)).score();
			double expected = Math.min(a, b) + 0.995 * (Math.max(a, b) - Math.min(a, b));
			assertEquals(expected, trained.thresholds().image(), 1e-4 * expected);
			assertEquals(2, trained.thresholds().nominalImageScores().count());
			assertTrue(trained.thresholds().pixel() > 0);

			float total = 0;
			for (float count : plot.getDataObjectArrays(0)[1]) total += count;
			assertEquals(2, total, "the plot counts the two held-out images");
			assertEquals((float) expected, plot.getDataObjectArrays(1)[0][0], 1e-4f * (float) expected, "and marks the image threshold");
		}
	}

	@Test
	void neverOverwritesAModelUnlessToldTo(@TempDir Path dir) throws Exception {
		Path model = dir.resolve("existing.npad");
		Files.writeString(model, "precious");
		String reason = refused(run(context, TrainCommand.class, "folder", NOMINAL.toFile(), "file_filter", "train_free_0*.png",
				"model_file", model.toFile(), "advanced", SMALL));
		assertTrue(reason.contains("already exists") && reason.contains(model.toString()), reason);
		assertEquals("precious", Files.readString(model));

		CommandModule overwritten = succeeded(run(context, TrainCommand.class, "folder", NOMINAL.toFile(), "file_filter", "train_free_0*.png",
				"model_file", model.toFile(), "advanced", SMALL, "overwrite", true, "calibration_every", 0));
		assertEquals(10, ModelFile.readHeader(model).provenance().trainingImages().size());
		assertNull(overwritten.getOutput("score_plot"), "no calibration, no plot");
	}

	@Test
	void mainSettingsAndAdvancedSettingsReachTheModel(@TempDir Path dir) throws Exception {
		Path model = dir.resolve("fast.npad");
		succeeded(run(context, TrainCommand.class, "folder", NOMINAL.toFile(), "file_filter", "train_free_0*.png",
				"model_file", model.toFile(), "preset", "fast", "channels", 32, "gamma", 0.5, "geometry", "full_resize", "crop", 64,
				"advanced", "top_k=5 channel_rule=random", "calibration_every", 5, "model_storage", "float16_packed"));
		ModelInfo info = ModelFile.readHeader(model);
		assertEquals(ModelFile.Storage.FLOAT16_PACKED, info.storage());
		Map<String, String> settings = info.config().toMap();
		assertEquals("32", settings.get("channels"), "the channels field wins over the preset");
		assertEquals("0.5", settings.get("gamma"));
		assertEquals("0", settings.get("shift"), "the fast preset has no shifting");
		assertEquals("5", settings.get("top_k"), "advanced settings reach the model");
		assertEquals("random", settings.get("channel_rule"));
		assertEquals(64, info.preprocessing().crop());
		assertEquals(8, info.provenance().trainingImages().size());
	}

	@Test
	void refusesBadInputsWithMessagesThatNameTheProblem(@TempDir Path dir) throws Exception {
		Path empty = Files.createDirectory(dir.resolve("empty"));
		Path model = dir.resolve("m.npad");
		String reason = refused(run(context, TrainCommand.class, "folder", empty.toFile(), "model_file", model.toFile(), "advanced", SMALL));
		assertTrue(reason.contains(empty.toString()) && reason.contains("no image files"), reason);

		reason = refused(run(context, TrainCommand.class, "folder", NOMINAL.toFile(), "model_file", model.toFile(), "advanced", "crop=96 top_kk=3"));
		assertTrue(reason.contains("unknown setting 'top_kk'"), reason);

		reason = refused(run(context, TrainCommand.class, "folder", NOMINAL.toFile(), "model_file", model.toFile(), "advanced", SMALL + " channels=0"));
		assertTrue(reason.contains("channels"), reason);

		reason = refused(run(context, TrainCommand.class, "folder", NOMINAL.toFile(), "model_file", dir.resolve("no/such/folder/m.npad").toFile()));
		assertTrue(reason.contains("does not exist"), reason);
		assertFalse(Files.exists(model));
	}

	@Test
	void trainsOnTheSlicesOfAnOpenStack(@TempDir Path dir) throws Exception {
		ImageStack stack = null;
		for (int i = 0; i < 6; i++) {
			ImagePlus slice = FijiTestSupport.open(NOMINAL.resolve(String.format("train_free_%02d.png", i)));
			if (stack == null) stack = new ImageStack(slice.getWidth(), slice.getHeight());
			stack.addSlice(slice.getProcessor());
		}
		Path model = dir.resolve("stack.npad");
		succeeded(run(context, TrainOnImageCommand.class, "image", new ImagePlus("surfaces", stack), "model_file", model.toFile(),
				"advanced", SMALL, "calibration_every", 3));
		assertEquals(List.of("surfaces#1", "surfaces#2", "surfaces#4", "surfaces#5"), ModelFile.readHeader(model).provenance().trainingImages());
	}

	/** A warning that does not stop training reaches Fiji's log (its Console), where a user sees it. */
	@Test
	void darkSixteenBitImagesAreWarnedAboutInTheLog(@TempDir Path dir) throws Exception {
		ImageStack stack = null;
		for (int i = 0; i < 3; i++) {
			ImageProcessor ip = FijiTestSupport.open(NOMINAL.resolve(String.format("train_free_%02d.png", i))).getProcessor().convertToShort(false);
			ip.multiply(16); // a 12-bit camera's range
			if (stack == null) stack = new ImageStack(ip.getWidth(), ip.getHeight());
			stack.addSlice(ip);
		}
		FijiTestSupport.Logged logged = runLogged(context, TrainOnImageCommand.class, "image", new ImagePlus("twelve-bit", stack), "model_file",
				dir.resolve("dark.npad").toFile(), "advanced", SMALL, "calibration_every", 0);
		succeeded(logged.module());
		List<String> warnings = logged.warnings();
		assertEquals(1, warnings.size(), warnings.toString());
		assertTrue(warnings.get(0).startsWith("N-pad: the training images reach the network no brighter than") && warnings.get(0).contains("type_range"), warnings.get(0));
	}

	@Test
	void refusesImagesWhoseSlicesAreNotImages(@TempDir Path dir) throws Exception {
		Path model = dir.resolve("m.npad");
		// an indexed-colour picture (as a GIF opens): pixel values are palette indices
		byte[] r = new byte[256], g = new byte[256], b = new byte[256];
		java.util.Random random = new java.util.Random(1);
		random.nextBytes(r);
		random.nextBytes(g);
		random.nextBytes(b);
		ByteProcessor palette = new ByteProcessor(64, 64);
		palette.setColorModel(new java.awt.image.IndexColorModel(8, 256, r, g, b));
		ImagePlus indexed = new ImagePlus("palette", palette);
		indexed.setTypeToColor256();
		assertEquals(ImagePlus.COLOR_256, indexed.getType());
		String reason = refused(run(context, TrainOnImageCommand.class, "image", indexed, "model_file", model.toFile(), "advanced", SMALL));
		assertTrue(reason.contains("palette") && reason.contains("indexed-colour"), reason);

		ImageStack channels = new ImageStack(64, 64);
		channels.addSlice(new ByteProcessor(64, 64));
		channels.addSlice(new ByteProcessor(64, 64));
		ImagePlus composite = new ImagePlus("two channels", channels);
		composite.setDimensions(2, 1, 1);
		reason = refused(run(context, TrainOnImageCommand.class, "image", composite, "model_file", model.toFile(), "advanced", SMALL));
		assertTrue(reason.contains("2 channels"), reason);

		reason = refused(run(context, TrainOnImageCommand.class, "model_file", model.toFile(), "advanced", SMALL));
		assertTrue(reason.contains("'image' is required"), reason); // SciJava's own check of required inputs
		assertFalse(Files.exists(model));
	}

	@Test
	void cancellingWhileTrainingLeavesNoFile(@TempDir Path dir) throws Exception {
		Path model = dir.resolve("cancelled.npad");
		CommandService commands = context.service(CommandService.class);
		CommandModule module = (CommandModule) context.service(ModuleService.class).createModule(commands.getCommand(TrainCommand.class));
		// cancel as soon as training reports its first image, as a user pressing cancel would
		Object canceller = new Object() {
			@EventHandler
			void onEvent(StatusEvent e) {
				if (e.getStatusMessage() != null && e.getStatusMessage().startsWith("Learning nominal statistics")) module.cancel("stopped by the test");
			}
		};
		var subscribers = context.service(EventService.class).subscribe(canceller);
		Future<?> f = context.service(ModuleService.class).run(module, true, Map.of("folder", NOMINAL.toFile(), "file_filter", "train_*.png",
				"model_file", model.toFile(), "advanced", SMALL, "batch_size", 1));
		f.get();
		context.service(EventService.class).unsubscribe(subscribers);
		assertTrue(module.isCanceled());
		assertEquals("stopped by the test", module.getCancelReason());
		try (Stream<Path> left = Files.list(dir)) {
			assertArrayEquals(new Path[0], left.toArray(Path[]::new), "no model file and no temporary file");
		}
	}
}
