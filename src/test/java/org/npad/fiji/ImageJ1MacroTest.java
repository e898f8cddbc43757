package org.npad.fiji;

import ai.djl.engine.Engine;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npad.backbone.KerasResNet50Backbone;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Real ImageJ 1, with windows, on a virtual display (Xvfb): the N-pad commands come from the jar's
 * plugins.config, the recorded macro lines of Train, Calibrate Thresholds and Detect run, the Results table and the ROI
 * Manager are checked, scripts/npad-batch.ijm runs over a folder, and a screenshot of the heatmap
 * overlay is saved to target/. {@code mvn test -Dtest=ImageJ1MacroTest -Dnpad.docs.update=true}
 * copies it to the documentation (docs/images/heatmap-overlay.png); a plain test run leaves the
 * checkout as it was. Skipped where Xvfb is missing; scripts/setup.sh installs it.
 */
class ImageJ1MacroTest {

	static final Path SCREENSHOT = Path.of("target/heatmap-overlay.png");
	static final Path DOCS_SCREENSHOT = Path.of("docs/images/heatmap-overlay.png");

	@Test
	void recordedMacroLinesRunInRealImageJ1(@TempDir Path dir) throws Exception {
		Path xvfb = xvfb();
		Assumptions.assumeTrue(xvfb != null, "Xvfb is not installed (scripts/setup.sh installs it)");
		FijiTestSupport.useTestBackbone();
		Path plugins = Files.createDirectories(dir.resolve("plugins"));
		pluginsJar(plugins.resolve("npad_fiji_test.jar"));
		Path out = Files.createDirectories(dir.resolve("out"));
		Files.createDirectories(out.resolve("batch"));
		Path model = out.resolve("free.npad");
		Path pit = FijiTestSupport.SAMPLES.resolve("images/Pit/test_pit_00.png");

		// the lines as the macro recorder writes them (Fiji's and this plugin's ImageJ 1 dialog record every input as name=value)
		String macro = String.join("\n",
				"run(\"Train...\", \"folder=[" + FijiTestSupport.NOMINAL + "] file_filter=train_*.png recursive=false model_file=[" + model
						+ "] overwrite=false preset=accurate channels=48 channel_rule=random gamma=0 shift=0 geometry=full_resize resize=256 crop=96"
						+ " intensity_mapping=type_range tile_overlap=32 advanced=[smoothing_sigma=2] batch_size=4 calibration_every=10 device=cpu\");",
				"run(\"Calibrate Thresholds...\", \"model_file=[" + model + "] folder=[" + FijiTestSupport.NOMINAL + "] file_filter=test_*.png"
						+ " advanced=[shift=2] output_model_file=[" + out.resolve("shift2.npad") + "]\");",
				"open(\"" + pit + "\");",
				"run(\"Detect...\", \"model_file=[" + model + "] image_threshold=0 pixel_threshold=0 create_heatmap=true create_mask=true"
						+ " show_overlay=true add_rois=true show_regions=true batch_size=8 device=cpu\");",
				"if (isOpen(\"" + ImageJ1Outputs.REGIONS_TABLE + "\")) Table.save(\"" + out.resolve("regions.csv") + "\", \"" + ImageJ1Outputs.REGIONS_TABLE + "\");",
				"File.saveString(\"\" + roiManager(\"count\") + \" \" + nImages + \" \" + isOpen(\"N-pad calibration of free.npad\") + \" \" + isOpen(\"N-pad calibration on Free\") + \" \" + getTitle(), \""
						+ out.resolve("state.txt") + "\");",
				"saveAs(\"Results\", \"" + out.resolve("results.csv") + "\");",
				"selectImage(\"test_pit_00.png\");",
				"run(\"Flatten\");",
				"run(\"Scale...\", \"x=2 y=2 interpolation=None create title=overlay\");",
				"saveAs(\"PNG\", \"" + out.resolve("heatmap-overlay.png") + "\");",
				"runMacro(\"" + Path.of("scripts/npad-batch.ijm").toAbsolutePath() + "\", \"input=[" + FijiTestSupport.SAMPLES.resolve("images/Pit")
						+ "] model=[" + model + "] output=[" + out.resolve("batch") + "] suffix=.png\");",
				"return \"done\";");
		Path macroFile = out.resolve("session.ijm");
		Files.writeString(macroFile, macro);

		Process display = startXvfb(xvfb);
		try {
			int rc = imageJ(plugins, macroFile, out.resolve("returned.txt"), display, out.resolve("imagej.log"));
			String log = Files.readString(out.resolve("imagej.log"));
			assertEquals(0, rc, log);
			assertEquals("done", Files.readString(out.resolve("returned.txt")), log);
		} finally {
			display.destroy();
		}

		List<String> results = Files.readAllLines(out.resolve("results.csv"));
		assertEquals(2, results.size(), String.join("\n", results));
		List<String> header = List.of(results.get(0).split(","));
		String[] row = results.get(1).split(",");
		for (String column : DetectionRow.COLUMNS) assertTrue(header.contains(column), "column " + column + " in " + header);
		assertEquals("test_pit_00.png", row[header.indexOf("image")]);
		int regions = Integer.parseInt(row[header.indexOf("regions")]);
		String[] state = Files.readString(out.resolve("state.txt")).split(" ", 5);
		assertEquals(regions, Integer.parseInt(state[0]), "the ROI Manager holds one ROI per region");
		assertTrue(regions > 0, "the pit is found");
		List<String> regionRows = Files.readAllLines(out.resolve("regions.csv"));
		assertEquals(regions + 1, regionRows.size(), "the regions table: a header and one row per region\n" + String.join("\n", regionRows));
		for (String column : RegionRow.COLUMNS) assertTrue(regionRows.get(0).contains(column), "column " + column + " in " + regionRows.get(0));
		assertEquals(5, Integer.parseInt(state[1]), "Train's and Calibrate's score plots, the original, its heatmap and its mask are open");
		assertEquals("1", state[2], "the score plot of Train is shown");
		assertEquals("1", state[3], "the score plot of Calibrate Thresholds is shown");
		assertEquals("test_pit_00_mask", state[4], "the mask, shown last, is the current image");
		assertEquals(18, org.npad.model.ModelFile.readHeader(model).provenance().trainingImages().size());
		var calibrated = org.npad.model.ModelFile.readHeader(out.resolve("shift2.npad"));
		assertEquals("2", calibrated.config().toMap().get("shift"), "Calibrate Thresholds with shifting, as the docs' macro line");
		assertEquals(8, calibrated.thresholds().nominalImageScores().count(), "the 8 nominal test images");

		for (String stem : new String[] {"test_pit_00", "test_pit_01", "test_pit_02"}) {
			assertTrue(Files.size(out.resolve("batch/" + stem + "_heatmap.tif")) > 0, stem);
			assertTrue(Files.size(out.resolve("batch/" + stem + "_mask.png")) > 0, stem);
		}
		assertEquals(4, Files.readAllLines(out.resolve("batch/npad-batch-results.csv")).size(), "header and one row per image");

		Files.createDirectories(SCREENSHOT.getParent());
		Files.copy(out.resolve("heatmap-overlay.png"), SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
		if (Boolean.getBoolean("npad.docs.update")) Files.copy(SCREENSHOT, DOCS_SCREENSHOT, StandardCopyOption.REPLACE_EXISTING);
	}

	/** A plugins folder entry as an installation has one: a jar holding the plugins.config (the classes come from the class path). */
	static void pluginsJar(Path jar) throws IOException {
		Path config = Path.of("target/classes/plugins.config");
		try (OutputStream os = Files.newOutputStream(jar); JarOutputStream out = new JarOutputStream(os)) {
			out.putNextEntry(new JarEntry("plugins.config"));
			out.write(Files.readAllBytes(config));
			out.closeEntry();
		}
	}

	static Path xvfb() {
		for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(File.pathSeparator)) {
			Path p = Path.of(dir, "Xvfb");
			if (Files.isExecutable(p)) return p;
		}
		return null;
	}

	private static int displayNumber;

	/** Xvfb on the first free display from :91, waiting until its socket is there. */
	static Process startXvfb(Path xvfb) throws Exception {
		for (int n = 91; n < 120; n++) {
			if (Files.exists(Path.of("/tmp/.X" + n + "-lock")) || Files.exists(Path.of("/tmp/.X11-unix/X" + n))) continue;
			Process p = new ProcessBuilder(xvfb.toString(), ":" + n, "-screen", "0", "1280x1024x24", "-nolisten", "tcp")
					.redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
			for (int i = 0; i < 100 && p.isAlive(); i++) {
				if (Files.exists(Path.of("/tmp/.X11-unix/X" + n))) {
					displayNumber = n;
					return p;
				}
				Thread.sleep(100);
			}
			p.destroy();
		}
		throw new IllegalStateException("Xvfb did not start on any display :91..:119");
	}

	/** ImageJ 1 in its own JVM on the virtual display, with this JVM's class path and DJL settings. */
	static int imageJ(Path plugins, Path macro, Path returned, Process display, Path log) throws Exception {
		String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
		List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
				"-Xmx2g", "-Djava.awt.headless=false", "-Dplugins.dir=" + plugins.getParent(),
				"-D" + KerasResNet50Backbone.WEIGHTS_PROPERTY + "=" + System.getProperty(KerasResNet50Backbone.WEIGHTS_PROPERTY)));
		for (String p : new String[] {"ai.djl.offline", "DJL_CACHE_DIR", "ENGINE_CACHE_DIR", "PYTORCH_FLAVOR"})
			if (System.getProperty(p) != null) command.add("-D" + p + "=" + System.getProperty(p));
		command.addAll(List.of("-cp", classPath, ImageJ1Session.class.getName(), macro.toString(), returned.toString()));
		ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile());
		pb.environment().put("DISPLAY", ":" + displayNumber);
		Process p = pb.start();
		if (!p.waitFor(5, TimeUnit.MINUTES)) {
			p.destroyForcibly();
			throw new IllegalStateException("ImageJ did not finish within 5 minutes; log:\n" + Files.readString(log));
		}
		Engine.class.getName(); // keeps DJL on this class path for the child
		return p.exitValue();
	}
}
