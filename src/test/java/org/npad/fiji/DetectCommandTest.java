package org.npad.fiji;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ij.ImagePlus;
import ij.ImageStack;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.measure.Calibration;
import ij.measure.ResultsTable;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npad.backbone.BackboneIdentity;
import org.npad.image.NamedSlice;
import org.npad.metrics.ConnectedComponents;
import org.npad.model.ModelFile;
import org.npad.model.Thresholds;
import org.npad.model.TrainedModel;
import org.npad.pipeline.Detection;
import org.npad.pipeline.Detector;
import org.npad.pipeline.FeatureSource;
import org.npad.pipeline.Progress;
import org.scijava.command.CommandModule;

import java.awt.image.IndexColorModel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npad.fiji.FijiTestSupport.SAMPLES;
import static org.npad.fiji.FijiTestSupport.refused;
import static org.npad.fiji.FijiTestSupport.run;
import static org.npad.fiji.FijiTestSupport.runLogged;
import static org.npad.fiji.FijiTestSupport.succeeded;

/**
 * Detect on the current image, headless: every output checked against the pipeline run on its own
 * (heatmap = the detection map, mask = map >= threshold, ROIs = the mask's 8-connected regions,
 * table row = score, decision and areas), the original untouched, and bad inputs refused.
 */
class DetectCommandTest extends SampleModelTest {

	@TempDir
	static Path dir;
	static final Path PIT = SAMPLES.resolve("images/Pit/test_pit_00.png");
	static final Path FREE = SAMPLES.resolve("images/Free/test_free_00.png");

	/** The pipeline's own detection of a slice with the model file, without any command. */
	static Detection pipelineDetection(ImageProcessor ip, String name) throws Exception {
		return pipelineDetection(ip, name, model);
	}

	static Detection pipelineDetection(ImageProcessor ip, String name, Path model) throws Exception {
		try (NDManager m = NDManager.newBaseManager(); TrainedModel trained = ModelFile.read(model, m)) {
			Detector detector = new Detector(trained.model(), trained.preprocessing(),
					FeatureSource.of(BackboneCache.get(Device.cpu(), Progress.NONE), trained.model(), m), 8);
			return detector.detect(new NamedSlice(name, null, 1, ip, new Calibration()));
		}
	}

	@Test
	void outputsAgreeWithThePipelineTheThresholdAndTheRegions() throws Exception {
		ImagePlus image = FijiTestSupport.open(PIT);
		Calibration micrometres = new Calibration();
		micrometres.pixelWidth = 0.5;
		micrometres.pixelHeight = 0.25;
		micrometres.setUnit("um");
		image.setCalibration(micrometres);
		byte[] original = ((byte[]) image.getProcessor().getPixels()).clone();
		ResultsTable table = FijiTestSupport.clearedResults();
		CommandModule module = succeeded(run(context, DetectCommand.class, "image", image, "model_file", model.toFile()));

		Detection expected = pipelineDetection(FijiTestSupport.open(PIT).getProcessor(), image.getTitle());
		Thresholds t = ModelFile.readHeader(model).thresholds();
		ImagePlus heatmap = (ImagePlus) module.getOutput("heatmap");
		assertEquals(32, heatmap.getBitDepth());
		assertArrayEquals(expected.map(), (float[]) heatmap.getProcessor().getPixels(), "the heatmap is the detection map");
		for (String output : List.of("heatmap", "mask")) {
			Calibration c = ((ImagePlus) module.getOutput(output)).getCalibration();
			assertEquals(List.of(0.5, 0.25, "\u00b5m"), List.of(c.pixelWidth, c.pixelHeight, c.getUnit()), output + " keeps the image's scale");
		}

		boolean[] mask = new boolean[expected.map().length];
		for (int i = 0; i < mask.length; i++) mask[i] = expected.map()[i] >= t.pixel();
		byte[] maskPixels = (byte[]) ((ImagePlus) module.getOutput("mask")).getProcessor().getPixels();
		for (int i = 0; i < mask.length; i++) assertEquals(mask[i] ? (byte) 255 : 0, maskPixels[i], "mask pixel " + i);

		ConnectedComponents regions = ConnectedComponents.of(mask, expected.width(), expected.height());
		List<Roi> outlines = new ArrayList<>();
		ImageRoi heat = null;
		for (Roi roi : image.getOverlay().toArray()) {
			if (roi instanceof ImageRoi ir) heat = ir;
			else outlines.add(roi);
		}
		assertEquals(regions.count(), outlines.size(), "one ROI per connected region");
		assertArrayEquals(mask, toMask(outlines, expected.width(), expected.height()), "the ROIs cover exactly the mask");
		for (int k = 0; k < outlines.size(); k++)
			assertEquals(regions.region(k + 1).area(), pixels(outlines.get(k)), "area of region " + (k + 1));
		assertTrue(regions.count() > 0, "the pit is found");

		assertNotNull(heat, "the heatmap is an overlay image");
		IndexColorModel lut = (IndexColorModel) heat.getProcessor().getColorModel();
		assertEquals(0, lut.getAlpha(0), "cold pixels are transparent");
		assertEquals(Math.round(255 * HeatmapOverlay.MAX_OPACITY), lut.getAlpha(255));
		assertArrayEquals(original, (byte[]) image.getProcessor().getPixels(), "the original pixels are untouched");

		assertEquals(1, table.size());
		assertEquals(image.getTitle(), table.getStringValue("image", 0));
		assertEquals(expected.score(), table.getValue("score", 0), 1e-6);
		assertEquals(expected.score() >= t.image() ? "anomalous" : "nominal", table.getStringValue("decision", 0));
		assertEquals(t.image(), table.getValue("threshold", 0), 1e-9);
		assertEquals(t.pixel(), table.getValue("pixel_threshold", 0), 1e-9);
		assertEquals(regions.count(), table.getValue("regions", 0));
		int area = 0, largest = 0;
		for (boolean b : mask) area += b ? 1 : 0;
		for (ConnectedComponents.Region r : regions.regions()) largest = Math.max(largest, r.area());
		assertEquals(area, table.getValue("anomalous_area", 0));
		assertEquals(largest, table.getValue("largest_region", 0));
		assertEquals(area * 0.125, table.getValue("anomalous_area_cal", 0), 1e-9, "0.5 x 0.25 um per pixel");
		assertEquals(largest * 0.125, table.getValue("largest_region_cal", 0), 1e-9);
		assertEquals("\u00b5m", table.getStringValue("unit", 0));
	}

	@Test
	void userThresholdsReplaceTheModels() throws Exception {
		ImagePlus image = FijiTestSupport.open(FREE);
		Detection expected = pipelineDetection(FijiTestSupport.open(FREE).getProcessor(), "free");
		float[] sorted = expected.map().clone();
		Arrays.sort(sorted);
		double pixel = sorted[sorted.length * 9 / 10]; // the hottest tenth of the image
		double imageThreshold = expected.score() / 2;
		ResultsTable table = FijiTestSupport.clearedResults();
		CommandModule module = succeeded(run(context, DetectCommand.class, "image", image, "model_file", model.toFile(),
				"pixel_threshold", pixel, "image_threshold", imageThreshold, "create_heatmap", false, "show_overlay", false));
		assertNull(module.getOutput("heatmap"));
		assertNull(image.getOverlay());
		byte[] maskPixels = (byte[]) ((ImagePlus) module.getOutput("mask")).getProcessor().getPixels();
		int area = 0;
		for (int i = 0; i < maskPixels.length; i++) {
			assertEquals(expected.map()[i] >= pixel ? (byte) 255 : 0, maskPixels[i]);
			area += maskPixels[i] != 0 ? 1 : 0;
		}
		assertEquals("anomalous", table.getStringValue("decision", 0), "score above the user's image threshold");
		assertEquals(imageThreshold, table.getValue("threshold", 0), 1e-9);
		assertEquals(area, table.getValue("anomalous_area", 0));
	}

	@Test
	void eachSliceOfAStackIsAnImage() throws Exception {
		ImagePlus pit = FijiTestSupport.open(PIT), free = FijiTestSupport.open(FREE);
		ImageStack stack = new ImageStack(pit.getWidth(), pit.getHeight());
		stack.addSlice(pit.getProcessor());
		stack.addSlice(free.getProcessor());
		ImagePlus image = new ImagePlus("pair", stack);
		ResultsTable table = FijiTestSupport.clearedResults();
		CommandModule module = succeeded(run(context, DetectCommand.class, "image", image, "model_file", model.toFile()));

		assertEquals(2, table.size());
		assertEquals("pair#1", table.getStringValue("image", 0));
		assertEquals("pair#2", table.getStringValue("image", 1));
		ImagePlus heatmap = (ImagePlus) module.getOutput("heatmap");
		assertEquals(2, heatmap.getStackSize());
		// the slices are scored as one batch: its matrix products round slightly differently from one image's
		assertArrayEquals(pipelineDetection(free.getProcessor(), "free").map(), (float[]) heatmap.getStack().getPixels(2), 1e-3f);
		Overlay overlay = image.getOverlay();
		List<Integer> positions = new ArrayList<>();
		for (Roi roi : overlay.toArray()) if (roi instanceof ImageRoi) positions.add(roi.getPosition());
		assertEquals(List.of(1, 2), positions, "each slice shows its own heatmap");
	}

	/**
	 * 16-bit copies of 8-bit images (same values) reach a type_range model as 0..1 of 0..255: the scores
	 * mean little, and the log says so once for the run, naming the first such image; the 8-bit
	 * originals give no warning.
	 */
	@Test
	void imagesOfAnotherBitDepthThanTrainingAreWarnedAboutOnce() throws Exception {
		ImageStack sixteenBit = new ImageStack(256, 256);
		for (Path file : List.of(PIT, FREE)) sixteenBit.addSlice(FijiTestSupport.open(file).getProcessor().convertToShort(false));
		FijiTestSupport.Logged logged = runLogged(context, DetectCommand.class, "image", new ImagePlus("raw", sixteenBit), "model_file", model.toFile());
		succeeded(logged.module());
		assertEquals(1, logged.warnings().size(), logged.warnings().toString());
		String warning = logged.warnings().get(0);
		assertTrue(warning.contains("image raw#1 reaches the network no brighter than") && warning.contains("bit depth"), warning);
		double brightest = Double.parseDouble(warning.replaceAll(".* no brighter than ([0-9.]+) of 0..255.*", "$1"));
		assertTrue(brightest > 0.5 && brightest <= 255 * 255 / 65535.0 + 0.05, "8-bit values read as 16-bit: " + brightest);

		ImageStack eightBit = new ImageStack(256, 256);
		for (Path file : List.of(PIT, FREE)) eightBit.addSlice(FijiTestSupport.open(file).getProcessor());
		FijiTestSupport.Logged plain = runLogged(context, DetectCommand.class, "image", new ImagePlus("plain", eightBit), "model_file", model.toFile());
		succeeded(plain.module());
		assertEquals(List.of(), plain.warnings());
	}

	/**
	 * The sample model learned from images of 240 to 300 pixels a side: a 512 x 512 enlargement reaches the
	 * network at another scale, and the log says so once, naming the image and the training sizes.
	 */
	@Test
	void imagesFarLargerThanTheTrainingImagesAreWarnedAbout() throws Exception {
		int minWidth = Integer.MAX_VALUE, maxWidth = 0, minHeight = Integer.MAX_VALUE, maxHeight = 0;
		for (String name : ModelFile.readHeader(model).provenance().trainingImages()) {
			ImagePlus image = FijiTestSupport.open(FijiTestSupport.NOMINAL.resolve(name));
			minWidth = Math.min(minWidth, image.getWidth());
			maxWidth = Math.max(maxWidth, image.getWidth());
			minHeight = Math.min(minHeight, image.getHeight());
			maxHeight = Math.max(maxHeight, image.getHeight());
		}
		assertTrue(512 > 1.5 * maxWidth, "512 is more than 1.5 times the widest training image");
		ImagePlus enlarged = new ImagePlus("enlarged", FijiTestSupport.open(PIT).getProcessor().resize(512, 512));
		FijiTestSupport.Logged logged = runLogged(context, DetectCommand.class, "image", enlarged, "model_file", model.toFile());
		succeeded(logged.module());
		assertEquals(1, logged.warnings().size(), logged.warnings().toString());
		String expected = "N-pad: image enlarged is 512 x 512 pixels, outside the training images' sizes (" + minWidth + ".." + maxWidth
				+ " x " + minHeight + ".." + maxHeight + " pixels)";
		assertTrue(logged.warnings().get(0).startsWith(expected), logged.warnings().get(0));
	}

	/**
	 * A model trained on a stack of 256 x 256 pixels at 0.5 µm: the same images at 1 µm per pixel (another
	 * objective, same camera: twice the field of view) are warned of once; the model's own calibration and a
	 * binned camera (128 x 128 pixels at 1 µm, the same field of view) are not.
	 */
	@Test
	void imagesOfAnotherFieldOfViewThanTheTrainingImagesAreWarnedAbout(@TempDir Path dir) throws Exception {
		Path calibratedModel = dir.resolve("calibrated.npad");
		succeeded(run(context, TrainOnImageCommand.class, "image", calibratedStack(256, 0.5, 4), "model_file", calibratedModel.toFile(),
				"advanced", FijiTestSupport.SMALL, "calibration_every", 0));
		for (ImagePlus alike : List.of(calibratedStack(256, 0.5, 2), calibratedStack(128, 1.0, 2))) {
			FijiTestSupport.Logged logged = runLogged(context, DetectCommand.class, "image", alike, "model_file",
					calibratedModel.toFile(), "image_threshold", 1e9, "pixel_threshold", 1e9);
			succeeded(logged.module());
			assertEquals(List.of(), logged.warnings(), alike.getWidth() + " pixels at " + alike.getCalibration().pixelWidth + " µm");
		}
		FijiTestSupport.Logged coarse = runLogged(context, DetectCommand.class, "image", calibratedStack(256, 1.0, 2), "model_file",
				calibratedModel.toFile(), "image_threshold", 1e9, "pixel_threshold", 1e9);
		succeeded(coarse.module());
		assertEquals(1, coarse.warnings().size(), coarse.warnings().toString());
		assertTrue(coarse.warnings().get(0).startsWith(
				"N-pad: image surfaces#1 shows 256 x 256 µm, outside the training images' fields of view (128 x 128 µm)"), coarse.warnings().get(0));
	}

	/** The first nominal sample images as a stack of side x side pixels of the given width in micrometres. */
	private static ImagePlus calibratedStack(int side, double micrometres, int slices) {
		ImageStack stack = new ImageStack(side, side);
		for (int i = 0; i < slices; i++)
			stack.addSlice(FijiTestSupport.open(FijiTestSupport.NOMINAL.resolve(String.format("train_free_%02d.png", i))).getProcessor()
					.resize(side, side));
		ImagePlus image = new ImagePlus("surfaces", stack);
		Calibration um = new Calibration();
		um.pixelWidth = um.pixelHeight = micrometres;
		um.setUnit("µm");
		image.setCalibration(um);
		return image;
	}

	@Test
	void refusesWrongModelsAndUnsupportedImages() throws Exception {
		ImagePlus image = FijiTestSupport.open(PIT);
		Path text = dir.resolve("not-a-model.npad");
		Files.writeString(text, "hello, I am not a model");
		String reason = refused(run(context, DetectCommand.class, "image", image, "model_file", text.toFile()));
		assertTrue(reason.contains(text.toString()), reason);

		Path missing = dir.resolve("missing.npad");
		reason = refused(run(context, DetectCommand.class, "image", image, "model_file", missing.toFile()));
		assertTrue(reason.contains(missing.toString()) && reason.contains("no such model file"), reason);

		Path foreign = dir.resolve("other-backbone.npad");
		try (NDManager m = NDManager.newBaseManager(); TrainedModel trained = ModelFile.read(model, m)) {
			ModelFile.write(new TrainedModel(trained.model(), new BackboneIdentity("some-other-net", "0123abcd"), trained.preprocessing(),
					trained.thresholds(), trained.provenance()), foreign);
		}
		reason = refused(run(context, DetectCommand.class, "image", image, "model_file", foreign.toFile()));
		assertTrue(reason.contains("some-other-net"), reason);

		ImagePlus float32 = new ImagePlus("float", new FloatProcessor(64, 64));
		reason = refused(run(context, DetectCommand.class, "image", float32, "model_file", model.toFile()));
		assertTrue(reason.contains("32-bit"), reason);
	}

	/** The union of the ROIs' pixels as a row-major mask. */
	static boolean[] toMask(List<Roi> rois, int width, int height) {
		boolean[] mask = new boolean[width * height];
		for (Roi roi : rois)
			for (java.awt.Point p : roi.getContainedPoints()) mask[p.y * width + p.x] = true;
		return mask;
	}

	static int pixels(Roi roi) {
		return roi.getContainedPoints().length;
	}
}
