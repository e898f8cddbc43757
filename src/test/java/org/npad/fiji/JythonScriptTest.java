package org.npad.fiji;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npad.model.ModelFile;
import org.npad.pipeline.Detection;
import org.python.core.PyDictionary;
import org.python.core.PyList;
import org.python.util.PythonInterpreter;
import org.scijava.Context;
import org.scijava.command.CommandService;

import java.nio.file.Path;
import java.util.Properties;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * scripts/npad_train_detect.py run by real Jython, with the script parameters set as Fiji's script
 * editor would set them: it trains, detects, and reads the Results table through the commands.
 */
class JythonScriptTest {

	@Test
	void theScriptTrainsDetectsAndReadsTheResults(@TempDir Path dir) throws Exception {
		Path model = dir.resolve("script.npad");
		Path image = FijiTestSupport.SAMPLES.resolve("images/Pit/test_pit_01.png");
		Properties jython = new Properties();
		jython.setProperty("python.import.site", "false");
		jython.setProperty("python.cachedir.skip", "true");
		PythonInterpreter.initialize(System.getProperties(), jython, new String[0]);
		Context context = FijiTestSupport.context();
		try (PythonInterpreter python = new PythonInterpreter()) {
			python.set("command", context.service(CommandService.class));
			python.set("nominal_folder", FijiTestSupport.NOMINAL.toFile());
			python.set("file_filter", "train_*.png");
			python.set("image_file", image.toFile());
			python.set("model_file", model.toFile());
			python.set("advanced", FijiTestSupport.SMALL);
			python.execfile(Path.of("scripts/npad_train_detect.py").toString());

			assertEquals(18, ModelFile.readHeader(model).provenance().trainingImages().size(), "the script trained the model");
			PyList rows = (PyList) python.get("rows");
			assertEquals(1, rows.size());
			PyDictionary row = (PyDictionary) rows.get(0);
			Detection expected = DetectCommandTest.pipelineDetection(FijiTestSupport.open(image).getProcessor(), "x", model);
			assertEquals("test_pit_01.png", row.get("image"));
			assertEquals(expected.score(), ((Number) row.get("score")).doubleValue(), 1e-6);
			String summary = python.get("summary", String.class);
			assertTrue(summary.startsWith("test_pit_01.png: score "), summary);
			assertTrue(summary.endsWith(" anomalous pixels (" + row.get("anomalous_area") + " pixel^2)"), "an uncalibrated PNG: " + summary);
		} finally {
			context.dispose();
		}
	}
}
