package org.npad.fiji;

import ij.ImagePlus;
import ij.measure.ResultsTable;
import org.npad.backbone.BackboneWeights;
import org.npad.backbone.KerasResNet50Backbone;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.command.Command;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.log.LogLevel;
import org.scijava.log.LogListener;
import org.scijava.log.LogService;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What the command tests share: a headless SciJava context, the real backbone, the project's sample
 * images, and settings small enough for a 2-core machine (96 x 96 inputs, 48 random channels, no
 * shifting).
 */
public final class FijiTestSupport {

	/** The sample data of the repository: 20 nominal training images, test images with defects, masks, split.csv. */
	public static final Path SAMPLES = Path.of("sample-data").toAbsolutePath();
	public static final Path NOMINAL = SAMPLES.resolve("images/Free");
	public static final String SMALL = "geometry=full_resize crop=96 channels=48 channel_rule=random shift=0 smoothing_sigma=2";

	private FijiTestSupport() {
	}

	/** Points the backbone cache at the converted weights (fetched on first use). */
	public static void useTestBackbone() {
		try {
			System.setProperty(KerasResNet50Backbone.WEIGHTS_PROPERTY, BackboneWeights.stage4().toString());
		} catch (IOException e) {
			throw new UncheckedIOException(e);
		}
	}

	static Context context() {
		useTestBackbone();
		return new Context(CommandService.class, StatusService.class);
	}

	/** Runs a command with pre- and postprocessing, as Fiji and scripts do, and waits for it. */
	static CommandModule run(Context context, Class<? extends Command> command, Object... keysAndValues) throws Exception {
		Map<String, Object> inputs = new LinkedHashMap<>();
		for (int i = 0; i < keysAndValues.length; i += 2) inputs.put((String) keysAndValues[i], keysAndValues[i + 1]);
		return context.service(CommandService.class).run(command, true, inputs).get();
	}

	/** The warnings a command run logged (Fiji shows them in its Console), with the run's module. */
	record Logged(CommandModule module, List<String> warnings) {}

	static Logged runLogged(Context context, Class<? extends Command> command, Object... keysAndValues) throws Exception {
		List<String> warnings = new ArrayList<>();
		LogListener listener = message -> {
			if (message.level() == LogLevel.WARN) warnings.add(message.text());
		};
		LogService log = context.getService(LogService.class);
		log.addLogListener(listener);
		try {
			return new Logged(run(context, command, keysAndValues), warnings);
		} finally {
			log.removeLogListener(listener);
		}
	}

	static CommandModule succeeded(CommandModule module) {
		assertFalse(module.isCanceled(), () -> "the command was cancelled: " + module.getCancelReason());
		return module;
	}

	/** The cancel reason of a command expected to refuse its inputs. */
	static String refused(CommandModule module) {
		assertTrue(module.isCanceled(), "the command should have refused its inputs");
		return module.getCancelReason();
	}

	private static Path sampleModel;

	/**
	 * A model of the sample data's nominal training images with the small settings, trained once per
	 * test JVM (by the Train command) and shared by the tests that only use it.
	 */
	public static synchronized Path sampleModel() throws Exception {
		if (sampleModel == null) {
			Path dir = Files.createTempDirectory("npad-fiji-test");
			Path file = dir.resolve("free.npad");
			Context context = context();
			try {
				trainSampleModel(context, file);
			} finally {
				context.dispose();
			}
			dir.toFile().deleteOnExit(); // registered first, deleted last: after the file in it
			file.toFile().deleteOnExit();
			sampleModel = file;
		}
		return sampleModel;
	}

	/** Trains the sample data's nominal training images into a model file with the small settings. */
	static CommandModule trainSampleModel(Context context, Path modelFile) throws Exception {
		return succeeded(run(context, TrainCommand.class, "folder", NOMINAL.toFile(), "file_filter", "train_*.png",
				"model_file", modelFile.toFile(), "advanced", SMALL, "batch_size", 4));
	}

	static ImagePlus open(Path file) {
		ImagePlus imp = ij.IJ.openImage(file.toString());
		if (imp == null) throw new IllegalStateException("cannot open " + file);
		return imp;
	}

	static ResultsTable clearedResults() {
		ResultsTable rt = ResultsTable.getResultsTable();
		rt.reset();
		return rt;
	}
}
