package org.npad.fiji;

import ij.IJ;
import ij.ImagePlus;
import ij.gui.Plot;
import ij.gui.Roi;
import ij.io.RoiDecoder;
import ij.measure.Calibration;
import ij.measure.ResultsTable;
import ij.plugin.LutLoader;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npad.metrics.ConnectedComponents;
import org.npad.model.ModelFile;
import org.npad.pipeline.Detection;
import org.scijava.app.event.StatusEvent;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.event.EventHandler;
import org.scijava.event.EventService;
import org.scijava.module.ModuleService;

import java.awt.image.IndexColorModel;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npad.fiji.FijiTestSupport.SAMPLES;
import static org.npad.fiji.FijiTestSupport.refused;
import static org.npad.fiji.FijiTestSupport.run;
import static org.npad.fiji.FijiTestSupport.succeeded;

/** Detect Folder, headless: the files it writes, the CSV, and its refusal to overwrite. */
class DetectFolderCommandTest extends SampleModelTest {


	/** Three sample images, one of them in a sub-folder. */
	static Path images(Path dir) throws Exception {
		Path in = Files.createDirectories(dir.resolve("in/crack"));
		Files.copy(SAMPLES.resolve("images/Pit/test_pit_00.png"), dir.resolve("in/pit.png"));
		Files.copy(SAMPLES.resolve("images/Free/test_free_00.png"), dir.resolve("in/free.png"));
		Files.copy(SAMPLES.resolve("images/Crack/test_crack_00.png"), in.resolve("crack.png"));
		return dir.resolve("in");
	}

	@Test
	void writesHeatmapsMasksRoisAndACsvThatAgreeWithTheDetections(@TempDir Path dir) throws Exception {
		Path in = images(dir);
		Path out = Files.createDirectory(dir.resolve("out"));
		ResultsTable table = FijiTestSupport.clearedResults();
		CommandModule module = succeeded(run(context, DetectFolderCommand.class, "folder", in.toFile(), "recursive", true, "model_file",
				model.toFile(), "output_folder", out.toFile()));

		double pixelThreshold = ModelFile.readHeader(model).thresholds().pixel();
		List<String> csv = Files.readAllLines(out.resolve(DetectFolderCommand.CSV));
		assertEquals(String.join(",", DetectionRow.COLUMNS), csv.get(0));
		assertEquals(List.of("crack/crack.png", "free.png", "pit.png"), List.of(csv.get(1).split(",")[0], csv.get(2).split(",")[0], csv.get(3).split(",")[0]),
				"one row per image, in the folder's order, sub-folders included");
		assertEquals(3, table.size(), "the same rows reach the Results table");

		String[] names = {"crack/crack", "free", "pit"};
		String[] files = {"crack/crack.png", "free.png", "pit.png"};
		for (int k = 0; k < 3; k++) {
			Detection d = DetectCommandTest.pipelineDetection(FijiTestSupport.open(in.resolve(files[k])).getProcessor(), files[k], model);
			ImagePlus heat = FijiTestSupport.open(out.resolve(names[k] + "_heatmap.tif"));
			// batch rounding (values about 15, float32): see DetectCommandTest
			assertArrayEquals(d.map(), (float[]) heat.getProcessor().getPixels(), 1e-3f, "heatmap file of " + files[k]);
			byte[] mask = (byte[]) FijiTestSupport.open(out.resolve(names[k] + "_mask.png")).getProcessor().getPixels();
			boolean[] expected = new boolean[d.map().length];
			for (int i = 0; i < mask.length; i++) {
				expected[i] = d.map()[i] >= pixelThreshold;
				assertEquals(expected[i] ? (byte) 255 : 0, mask[i], "mask of " + files[k] + " at " + i);
			}
			ConnectedComponents regions = ConnectedComponents.of(expected, d.width(), d.height());
			String[] row = csv.get(k + 1).split(",");
			assertEquals(d.score(), Double.parseDouble(row[1]), 1e-6 * d.score());
			assertEquals(regions.count(), Integer.parseInt(row[5]));
			Path rois = out.resolve(names[k] + "_rois.zip");
			assertEquals(regions.count() > 0, Files.exists(rois));
			if (regions.count() > 0) {
				List<Roi> decoded = decode(rois);
				assertEquals(regions.count(), decoded.size());
				assertArrayEquals(expected, DetectCommandTest.toMask(decoded, d.width(), d.height()), "the ROI set covers the mask");
			}
			assertOverlayBlendsHeatIntoTheImage(FijiTestSupport.open(in.resolve(files[k])), d, expected, pixelThreshold,
					FijiTestSupport.open(out.resolve(names[k] + "_overlay.png")));
		}
		List<String> regionLines = Files.readAllLines(out.resolve(DetectFolderCommand.REGIONS_CSV));
		assertEquals(String.join(",", RegionRow.COLUMNS), regionLines.get(0));
		for (int k = 0; k < 3; k++) {
			String[] row = csv.get(k + 1).split(",");
			String image = row[0];
			List<String[]> regionsOfImage = regionLines.stream().skip(1).map(l -> l.split(",")).filter(r -> r[0].equals(image)).toList();
			assertEquals(Integer.parseInt(row[5]), regionsOfImage.size(), "one regions row per region of " + image);
			assertEquals(Integer.parseInt(row[6]), regionsOfImage.stream().mapToInt(r -> Integer.parseInt(r[2])).sum(),
					"the regions' areas add up to the image's anomalous area");
		}
		long anomalous = csv.stream().skip(1).filter(l -> l.split(",")[2].equals("anomalous")).count();
		Plot plot = (Plot) ((ImagePlus) module.getOutput("score_plot")).getProperty(Plot.PROPERTY_KEY);
		assertEquals(3 - anomalous, sum(plot.getDataObjectArrays(0)[1]), "called nominal, as in the CSV");
		assertEquals(anomalous, sum(plot.getDataObjectArrays(1)[1]), "called anomalous, as in the CSV");
		assertEquals(plot.getImagePlus().getWidth(), FijiTestSupport.open(out.resolve(DetectFolderCommand.SCORES_PNG)).getWidth());
		try (Stream<Path> all = Files.walk(out)) {
			assertFalse(all.anyMatch(p -> p.getFileName().toString().startsWith(".")), "no temporary files are left");
		}
	}

	/**
	 * Away from the region outlines (drawn on the mask's edge), each pixel of the overlay picture is the
	 * grey original with the heat colour laid over it at the heat's opacity: "fire" at the pixel's index
	 * on the threshold's scale, opacity from 0 at index 0 to {@link HeatmapOverlay#MAX_OPACITY} at 255.
	 */
	private static void assertOverlayBlendsHeatIntoTheImage(ImagePlus original, Detection d, boolean[] mask, double pixelThreshold, ImagePlus overlay) {
		assertEquals(ImagePlus.COLOR_RGB, overlay.getType());
		assertEquals(List.of(d.width(), d.height()), List.of(overlay.getWidth(), overlay.getHeight()));
		HeatScale scale = HeatScale.around(pixelThreshold);
		IndexColorModel fire = LutLoader.getLut("fire");
		int compared = 0, warm = 0;
		for (int y = 1; y < d.height() - 1; y++) {
			for (int x = 1; x < d.width() - 1; x++) {
				if (nearEdge(mask, d.width(), x, y)) continue;
				int index = scale.index(d.map()[y * d.width() + x]);
				double alpha = Math.round(255 * HeatmapOverlay.MAX_OPACITY * index / 255.0) / 255.0;
				int grey = original.getProcessor().get(x, y);
				int rgb = overlay.getProcessor().get(x, y);
				int[] heat = {fire.getRed(index), fire.getGreen(index), fire.getBlue(index)};
				for (int c = 0; c < 3; c++) {
					double expected = alpha * heat[c] + (1 - alpha) * grey;
					assertEquals(expected, (rgb >> (16 - 8 * c)) & 0xff, 2, "channel " + c + " of the overlay at " + x + "," + y);
				}
				compared++;
				if (alpha > 0.1) warm++;
			}
		}
		assertTrue(compared > d.width() * d.height() / 2, "most pixels are compared");
		assertTrue(warm > 0, "the heat shows (every sample map has values above 0.64 of the threshold)");
	}

	private static boolean nearEdge(boolean[] mask, int width, int x, int y) {
		boolean centre = mask[y * width + x];
		for (int dy = -1; dy <= 1; dy++)
			for (int dx = -1; dx <= 1; dx++)
				if (mask[(y + dy) * width + x + dx] != centre) return true;
		return false;
	}

	private static double sum(float[] counts) {
		double n = 0;
		for (float c : counts) n += c;
		return n;
	}

	/** A TIFF's pixel size reaches the heatmap file and the area columns; an uncalibrated PNG's areas stay in pixels. */
	@Test
	void areasAndHeatmapsKeepEachImagesSpatialCalibration(@TempDir Path dir) throws Exception {
		Path in = Files.createDirectory(dir.resolve("in")), out = Files.createDirectory(dir.resolve("out"));
		ImagePlus pit = FijiTestSupport.open(SAMPLES.resolve("images/Pit/test_pit_00.png"));
		Calibration micrometres = new Calibration();
		micrometres.pixelWidth = 2;
		micrometres.pixelHeight = 3;
		micrometres.setUnit("um");
		pit.setCalibration(micrometres);
		IJ.saveAsTiff(pit, in.resolve("a-pit.tif").toString());
		Files.copy(SAMPLES.resolve("images/Pit/test_pit_01.png"), in.resolve("b-pit.png"));
		succeeded(run(context, DetectFolderCommand.class, "folder", in.toFile(), "model_file", model.toFile(), "output_folder", out.toFile()));

		List<String> csv = Files.readAllLines(out.resolve(DetectFolderCommand.CSV));
		int area = DetectionRow.COLUMNS.indexOf("anomalous_area"), largest = DetectionRow.COLUMNS.indexOf("largest_region");
		String[] tiff = csv.get(1).split(","), png = csv.get(2).split(",");
		assertTrue(Integer.parseInt(tiff[area]) > 0 && Integer.parseInt(png[area]) > 0, "both pits are found: " + csv);
		Calibration read = FijiTestSupport.open(in.resolve("a-pit.tif")).getCalibration(); // TIFF keeps 2 and 3 to about 1e-6
		double pixelArea = read.pixelWidth * read.pixelHeight;
		assertEquals(6, pixelArea, 1e-4);
		assertEquals(pixelArea * Integer.parseInt(tiff[area]), Double.parseDouble(tiff[DetectionRow.COLUMNS.indexOf("anomalous_area_cal")]), 1e-9);
		assertEquals(pixelArea * Integer.parseInt(tiff[largest]), Double.parseDouble(tiff[DetectionRow.COLUMNS.indexOf("largest_region_cal")]), 1e-9);
		assertEquals("\u00b5m", tiff[DetectionRow.COLUMNS.indexOf("unit")]);
		assertEquals(Double.parseDouble(png[area]), Double.parseDouble(png[DetectionRow.COLUMNS.indexOf("anomalous_area_cal")]));
		assertEquals("pixel", png[DetectionRow.COLUMNS.indexOf("unit")]);

		Calibration heat = FijiTestSupport.open(out.resolve("a-pit_heatmap.tif")).getCalibration();
		assertEquals(2, heat.pixelWidth, 1e-4);
		assertEquals(3, heat.pixelHeight, 1e-4);
		assertEquals("\u00b5m", heat.getUnit());
	}

	/**
	 * A damaged file stops the run, naming it; with skip_unreadable the other images are scored and the
	 * damaged one is listed with its problem, and a folder of damaged files only is still refused.
	 */
	@Test
	void skipsUnreadableFilesOnlyWhenAskedAndListsThem(@TempDir Path dir) throws Exception {
		Path in = images(dir);
		Files.writeString(in.resolve("damaged.png"), "not a PNG at all");
		Path out = Files.createDirectory(dir.resolve("out"));
		String reason = refused(run(context, DetectFolderCommand.class, "folder", in.toFile(), "recursive", true, "model_file", model.toFile(),
				"output_folder", out.toFile()));
		assertTrue(reason.contains(in.resolve("damaged.png").toString()) && reason.contains("not an image ImageJ can read"), reason);
		assertFalse(Files.exists(out.resolve(DetectFolderCommand.CSV)), "no table after a failed run");

		Path skipping = Files.createDirectory(dir.resolve("skipping"));
		succeeded(run(context, DetectFolderCommand.class, "folder", in.toFile(), "recursive", true, "model_file", model.toFile(),
				"output_folder", skipping.toFile(), "skip_unreadable", true));
		List<String> csv = Files.readAllLines(skipping.resolve(DetectFolderCommand.CSV));
		assertEquals(List.of("crack/crack.png", "free.png", "pit.png"), csv.subList(1, csv.size()).stream().map(l -> l.split(",")[0]).toList());
		List<String> unreadable = Files.readAllLines(skipping.resolve(DetectFolderCommand.UNREADABLE_CSV));
		assertEquals(2, unreadable.size(), "header and one file: " + unreadable);
		assertEquals("file,problem", unreadable.get(0));
		assertTrue(unreadable.get(1).startsWith("damaged.png,") && unreadable.get(1).contains("not an image ImageJ can read"), unreadable.get(1));
		assertFalse(Files.exists(skipping.resolve("damaged_heatmap.tif")));

		Path onlyDamaged = Files.createDirectory(dir.resolve("only-damaged"));
		Files.writeString(onlyDamaged.resolve("a.png"), "");
		reason = refused(run(context, DetectFolderCommand.class, "folder", onlyDamaged.toFile(), "model_file", model.toFile(),
				"output_folder", Files.createDirectory(dir.resolve("out3")).toFile(), "skip_unreadable", true));
		assertTrue(reason.contains("none of its 1 image files could be read") && reason.contains("a.png: the file is empty (0 bytes)"), reason);
	}

	@Test
	void neverOverwritesWithoutBeingTold(@TempDir Path dir) throws Exception {
		Path in = images(dir);
		Path out = Files.createDirectory(dir.resolve("out"));
		succeeded(run(context, DetectFolderCommand.class, "folder", in.toFile(), "model_file", model.toFile(), "output_folder", out.toFile()));
		Path heat = out.resolve("pit_heatmap.tif");
		FileTime before = Files.getLastModifiedTime(heat);
		Files.setLastModifiedTime(heat, FileTime.fromMillis(before.toMillis() - 60_000));
		FileTime old = Files.getLastModifiedTime(heat);

		String reason = refused(run(context, DetectFolderCommand.class, "folder", in.toFile(), "model_file", model.toFile(),
				"output_folder", out.toFile()));
		assertTrue(reason.contains("already exists"), reason);
		assertEquals(old, Files.getLastModifiedTime(heat), "nothing was rewritten");

		succeeded(run(context, DetectFolderCommand.class, "folder", in.toFile(), "model_file", model.toFile(), "output_folder", out.toFile(),
				"overwrite", true));
		assertTrue(Files.getLastModifiedTime(heat).compareTo(old) > 0);
	}

	@Test
	void refusesAnEmptyFolderAMissingOutputFolderAndCollidingNames(@TempDir Path dir) throws Exception {
		Path empty = Files.createDirectory(dir.resolve("empty"));
		Files.writeString(empty.resolve("notes.txt"), "not an image");
		String reason = refused(run(context, DetectFolderCommand.class, "folder", empty.toFile(), "model_file", model.toFile(),
				"output_folder", dir.toFile()));
		assertTrue(reason.contains(empty.toString()) && reason.contains("no image files"), reason);

		Path in = images(dir);
		reason = refused(run(context, DetectFolderCommand.class, "folder", in.toFile(), "model_file", model.toFile(),
				"output_folder", dir.resolve("nowhere").toFile()));
		assertTrue(reason.contains("nowhere") && reason.contains("does not exist"), reason);

		Files.copy(in.resolve("pit.png"), in.resolve("pit.tif"));
		reason = refused(run(context, DetectFolderCommand.class, "folder", in.toFile(), "model_file", model.toFile(), "output_folder", dir.toFile()));
		assertTrue(reason.contains("would both be written to") && reason.contains("pit_heatmap.tif"), reason);
	}

	@Test
	void cancellingLeavesOnlyCompleteFilesAndNoTable(@TempDir Path dir) throws Exception {
		Path in = images(dir);
		Path out = Files.createDirectory(dir.resolve("out"));
		CommandModule module = (CommandModule) context.service(ModuleService.class)
				.createModule(context.service(CommandService.class).getCommand(DetectFolderCommand.class));
		Object canceller = new Object() {
			@EventHandler
			void onEvent(StatusEvent e) {
				if (e.getStatusMessage() != null && e.getStatusMessage().startsWith("N-pad: detecting")) module.cancel("stopped by the test");
			}
		};
		var subscribers = context.service(EventService.class).subscribe(canceller);
		// one image per batch: the status event that cancels arrives asynchronously, while the next image is scored
		context.service(ModuleService.class).run(module, true, Map.of("folder", in.toFile(), "recursive", true,
				"model_file", model.toFile(), "output_folder", out.toFile(), "batch_size", 1)).get();
		context.service(EventService.class).unsubscribe(subscribers);

		assertTrue(module.isCanceled());
		assertFalse(Files.exists(out.resolve(DetectFolderCommand.CSV)), "no results table for a cancelled run");
		assertFalse(Files.exists(out.resolve(DetectFolderCommand.SCORES_PNG)), "no score plot for a cancelled run");
		try (Stream<Path> all = Files.walk(out)) {
			List<String> written = all.filter(Files::isRegularFile).map(p -> out.relativize(p).toString()).sorted().toList();
			assertTrue(written.containsAll(List.of("crack/crack_heatmap.tif", "crack/crack_mask.png")), written.toString());
			assertFalse(written.stream().anyMatch(n -> n.startsWith("free") || n.startsWith("pit") || n.contains("/.")), "only the first image's files: " + written);
		}
		assertEquals(256, FijiTestSupport.open(out.resolve("crack/crack_heatmap.tif")).getWidth(), "the files written are whole");
	}

	static List<Roi> decode(Path zip) throws Exception {
		List<Roi> rois = new ArrayList<>();
		try (ZipFile z = new ZipFile(zip.toFile())) {
			for (ZipEntry e : java.util.Collections.list(z.entries())) {
				try (InputStream in = z.getInputStream(e)) {
					rois.add(RoiDecoder.openFromByteArray(in.readAllBytes()));
				}
			}
		}
		return rois;
	}
}
