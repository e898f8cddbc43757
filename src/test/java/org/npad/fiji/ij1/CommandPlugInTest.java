package org.npad.fiji.ij1;

import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.measure.ResultsTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npad.fiji.DetectCommand;
import org.npad.fiji.FijiTestSupport;
import org.npad.fiji.TrainCommand;
import org.npad.model.ModelFile;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandService;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The ImageJ 1 bridge, headless and in this JVM: macro options become command inputs by name, the
 * current image fills the image input, and an unknown option is refused before anything runs.
 * (The whole path through ImageJ 1's menus and macro interpreter is ImageJ1MacroTest, under Xvfb.)
 */
class CommandPlugInTest {

	static final Path SAMPLES = FijiTestSupport.SAMPLES;

	static void runAsMacro(Class<?> command, String options) throws InterruptedException {
		runAsMacro(command, options, null);
	}

	/**
	 * As ImageJ 1's IJ.run does it: in a "Run$_" thread (the only ones Macro.getOptions answers), with
	 * the options, and the current image (headless, a per-thread setting), set for it.
	 */
	static void runAsMacro(Class<?> command, String options, ImagePlus current) throws InterruptedException {
		Thread thread = new Thread(() -> {
			if (current != null) WindowManager.setTempCurrentImage(current);
			Macro.setOptions(options);
			new CommandPlugIn().run(command.getName());
			Macro.setOptions(null);
		}, "Run$_" + command.getSimpleName());
		thread.start();
		thread.join();
	}

	@Test
	void macroOptionsBecomeInputsByNameWithImageJ1AndFijiStyleCheckboxes() {
		CommandInfo info = ImageJ1Context.get().service(CommandService.class).getCommand(DetectCommand.class);
		Map<String, Object> inputs = CommandInputs.fromMacro(info, "model_file=[/m n.npad] add_rois=false create_mask pixel_threshold=3.5", "Detect...");
		assertEquals(Map.of("model_file", "/m n.npad", "add_rois", "false", "create_mask", "true", "pixel_threshold", "3.5"), inputs);

		String message = assertThrows(IllegalArgumentException.class, () -> CommandInputs.fromMacro(info, "model_file=/m.npad treshold=3", "Detect...")).getMessage();
		assertTrue(message.startsWith("Detect... has no option 'treshold'; its options are model_file, image_threshold, pixel_threshold"), message);
		message = assertThrows(IllegalArgumentException.class, () -> CommandInputs.fromMacro(info, "model_file", "Detect...")).getMessage();
		assertEquals("Detect...: option 'model_file' needs a value (model_file=...)", message);
	}

	@Test
	void trainsAndDetectsTheCurrentImageFromMacroOptions(@TempDir Path dir) throws Exception {
		FijiTestSupport.useTestBackbone();
		Path model = dir.resolve("bridge.npad");
		runAsMacro(TrainCommand.class, "folder=[" + SAMPLES.resolve("images/Free") + "] file_filter=train_free_0*.png model_file=["
				+ model + "] advanced=[" + FijiTestSupport.SMALL + "] calibration_every=0");
		assertEquals(10, ModelFile.readHeader(model).provenance().trainingImages().size());

		ImagePlus image = ij.IJ.openImage(SAMPLES.resolve("images/Pit/test_pit_00.png").toString());
		ResultsTable table = ResultsTable.getResultsTable();
		table.reset();
		runAsMacro(DetectCommand.class, "model_file=[" + model + "] add_rois=false", image);
		assertEquals(0, table.size(), "a model trained without calibration has no thresholds of its own");
		runAsMacro(DetectCommand.class, "model_file=[" + model + "] add_rois=false image_threshold=50 pixel_threshold=20", image);
		assertEquals(1, table.size());
		assertEquals("test_pit_00.png", table.getStringValue("image", 0));
		assertEquals(20, table.getValue("pixel_threshold", 0));
		assertNotNull(image.getOverlay(), "the current image got the heatmap overlay");

		runAsMacro(DetectCommand.class, "model_file=[" + model + "] no_such_option=1", image);
		assertEquals(1, table.size(), "an unknown option stops the command before it runs");
		Path missing = dir.resolve("missing.npad");
		runAsMacro(DetectCommand.class, "model_file=[" + missing + "]", image);
		assertEquals(1, table.size(), "a failing command adds no row");
		assertFalse(Files.exists(missing));
	}
}
