package org.npad.fiji;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ij.IJ;
import ij.ImagePlus;
import ij.gui.Plot;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npad.image.ImageFolder;
import org.npad.image.NamedSlice;
import org.npad.metrics.Percentile;
import org.npad.model.ModelFile;
import org.npad.model.ModelInfo;
import org.npad.model.TrainedModel;
import org.npad.pipeline.Detection;
import org.npad.pipeline.Detector;
import org.npad.pipeline.FeatureSource;
import org.npad.pipeline.Progress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npad.fiji.FijiTestSupport.NOMINAL;
import static org.npad.fiji.FijiTestSupport.refused;
import static org.npad.fiji.FijiTestSupport.run;
import static org.npad.fiji.FijiTestSupport.runLogged;
import static org.npad.fiji.FijiTestSupport.succeeded;

/**
 * Calibrating the sample model on the 8 nominal test images with another smoothing and percentile:
 * the thresholds against the percentiles of the same images detected on their own with those
 * settings; the statistics and the training record untouched; learned settings refused.
 */
class CalibrateCommandTest extends SampleModelTest {


	@Test
	void measuresTheThresholdsWithTheNewSettingsOnTheGivenImages(@TempDir Path out) throws Exception {
		Path calibrated = out.resolve("calibrated.npad");
		FijiTestSupport.Logged logged = runLogged(context, CalibrateCommand.class, "model_file", model.toFile(), "folder", NOMINAL.toFile(),
				"file_filter", "test_*.png", "threshold_percentile", 90.0, "advanced", "smoothing_sigma=3", "output_model_file", calibrated.toFile());
		succeeded(logged.module());
		assertEquals(List.of(), logged.warnings(), "8-bit images like the training images");
		Plot plot = (Plot) ((ImagePlus) logged.module().getOutput("score_plot")).getProperty(Plot.PROPERTY_KEY);

		ModelInfo before = ModelFile.readHeader(model), after = ModelFile.readHeader(calibrated);
		assertEquals("3.0", after.config().toMap().get("smoothing_sigma"));
		assertEquals(90.0, after.thresholds().percentile());
		assertEquals(8, after.thresholds().nominalImageScores().count(), "the 8 nominal test images");
		assertTrue(after.thresholds().calibration().contains(NOMINAL.toString()), after.thresholds().calibration());
		assertEquals(before.provenance(), after.provenance(), "still the model trained on the training images");
		assertEquals(before.config().withSmoothingSigma(3).withThresholdPercentile(90), after.config());

		List<NamedSlice> images = new ArrayList<>();
		new ImageFolder(NOMINAL, "test_*.png", false).slices().forEach(images::add);
		try (NDManager m = NDManager.newBaseManager(); TrainedModel trained = ModelFile.read(model, m)) {
			var settings = trained.model().withInference(after.config());
			Detector detector = new Detector(settings, trained.preprocessing(), FeatureSource.of(BackboneCache.get(Device.cpu(), Progress.NONE), settings, m), 1);
			double[] scores = new double[images.size()];
			List<float[]> maps = new ArrayList<>();
			for (int i = 0; i < scores.length; i++) {
				Detection d = detector.detect(images.get(i));
				scores[i] = d.score();
				maps.addAll(d.networkMaps());
			}
			assertEquals(Percentile.of(scores, 90), after.thresholds().image(), 1e-4 * Math.abs(after.thresholds().image()));
			float total = 0;
			for (float count : plot.getDataObjectArrays(0)[1]) total += count;
			assertEquals(scores.length, total, "the plot counts every nominal image");
			assertEquals((float) after.thresholds().image(), plot.getDataObjectArrays(1)[0][0], "and marks the new image threshold");
			assertEquals(Percentile.ofPixels(maps, 90), after.thresholds().pixel(), 1e-4 * Math.abs(after.thresholds().pixel()));
		}
	}

	/** Thresholds from images of another bit depth than the training images would be wrong: the log says so, once. */
	@Test
	void warnsOnceWhenTheNominalImagesReachTheNetworkFarDarkerThanTheTrainingImages(@TempDir Path out) throws Exception {
		Path sixteenBit = Files.createDirectory(out.resolve("sixteen-bit"));
		for (String name : List.of("test_free_00.png", "test_free_01.png")) {
			ImagePlus image = FijiTestSupport.open(NOMINAL.resolve(name));
			image.setProcessor(image.getProcessor().convertToShort(false));
			IJ.saveAsTiff(image, sixteenBit.resolve(name.replace(".png", ".tif")).toString());
		}
		Path calibrated = out.resolve("calibrated.npad");
		FijiTestSupport.Logged logged = runLogged(context, CalibrateCommand.class, "model_file", model.toFile(), "folder", sixteenBit.toFile(),
				"output_model_file", calibrated.toFile());
		succeeded(logged.module());
		assertEquals(1, logged.warnings().size(), logged.warnings().toString());
		assertTrue(logged.warnings().get(0).contains("image test_free_00.tif reaches the network no brighter than")
				&& logged.warnings().get(0).contains("bit depth"), logged.warnings().get(0));
	}

	@Test
	void refusesWhatTrainingFixedAndWritesNothing(@TempDir Path out) throws Exception {
		Path calibrated = out.resolve("calibrated.npad");
		String channels = refused(run(context, CalibrateCommand.class, "model_file", model.toFile(), "folder", NOMINAL.toFile(),
				"advanced", "channels=8", "output_model_file", calibrated.toFile()));
		assertTrue(channels.contains("'channels' is fixed by training"), channels);
		String crop = refused(run(context, CalibrateCommand.class, "model_file", model.toFile(), "folder", NOMINAL.toFile(),
				"advanced", "crop=64", "output_model_file", calibrated.toFile()));
		assertTrue(crop.contains("'crop' is fixed by training"), crop);
		String existing = refused(run(context, CalibrateCommand.class, "model_file", model.toFile(), "folder", NOMINAL.toFile(),
				"output_model_file", model.toFile()));
		assertTrue(existing.contains("already exists"), existing);
		assertFalse(Files.exists(calibrated));
	}
}
