package org.npad.fiji;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ij.IJ;
import ij.ImagePlus;
import ij.measure.ResultsTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npad.dataset.LabelledSet;
import org.npad.model.ModelFile;
import org.npad.model.TrainedModel;
import org.npad.pipeline.ClassMetrics;
import org.npad.pipeline.Evaluation;
import org.npad.pipeline.FeatureSource;
import org.npad.pipeline.Progress;
import org.scijava.command.CommandModule;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npad.fiji.FijiTestSupport.SAMPLES;
import static org.npad.fiji.FijiTestSupport.SMALL;
import static org.npad.fiji.FijiTestSupport.refused;
import static org.npad.fiji.FijiTestSupport.run;
import static org.npad.fiji.FijiTestSupport.runLogged;
import static org.npad.fiji.FijiTestSupport.succeeded;

/** Evaluate on the sample data's split.csv: the table against the evaluation computed on its own, the plots, training on the set. */
class EvaluateCommandTest extends SampleModelTest {

	static final Path SPLIT = SAMPLES.resolve("split.csv");

	@Test
	void reportsTheMetricsOfTheGivenModelAndSavesTheCurves(@TempDir Path out) throws Exception {
		ResultsTable table = FijiTestSupport.clearedResults();
		CommandModule module = succeeded(run(context, EvaluateCommand.class, "dataset", SPLIT.toFile(), "model_file", model.toFile(),
				"output_folder", out.toFile()));

		LabelledSet set = LabelledSet.read(SPLIT);
		Evaluation.Result expected;
		try (NDManager m = NDManager.newBaseManager(); TrainedModel trained = ModelFile.read(model, m)) {
			expected = Evaluation.run(trained, FeatureSource.of(BackboneCache.get(Device.cpu(), Progress.NONE),
					trained.model(), m), 8, set.test(), SAMPLES, Progress.NONE);
		}
		assertEquals(5, table.size(), "the whole set, then Crack, Pit, Scratch and Stain");
		assertEquals("split.csv", table.getStringValue("dataset", 0));
		assertEquals(EvaluateCommand.ALL_CLASSES, table.getStringValue("class", 0));
		assertEquals(20, table.getValue("test_images", 0), "8 nominal and 12 defective test images");
		assertEquals(12, table.getValue("anomalous_images", 0));
		assertEquals(expected.imageAuroc(), table.getValue("image_auroc", 0), 1e-9);
		assertEquals(expected.pixelAuroc(), table.getValue("pixel_auroc", 0), 1e-9);
		assertEquals(expected.pro(), table.getValue("pro", 0), 1e-9);
		assertEquals(expected.imageF1().f1(), table.getValue("image_f1_max", 0), 1e-9);
		assertEquals(expected.imageF1().threshold(), table.getValue("image_f1_threshold", 0), 1e-6);
		assertEquals(expected.pixels().f1Max().f1(), table.getValue("pixel_f1_max", 0), 1e-9);
		assertEquals(ModelFile.readHeader(model).thresholds().pixel(), table.getValue("model_pixel_threshold", 0), 1e-9);
		assertEquals(4, expected.classes().size());
		double weighted = 0;
		for (int row = 1; row < 5; row++) {
			ClassMetrics c = expected.classes().get(row - 1);
			assertEquals(c.name(), table.getStringValue("class", row));
			assertEquals(3, table.getValue("anomalous_images", row), "3 test images per defect kind");
			assertEquals(11, table.getValue("test_images", row), "its 3 and the 8 nominal ones");
			assertEquals(c.imageAuroc(), table.getValue("image_auroc", row), 1e-9);
			assertEquals(c.pixelAuroc(), table.getValue("pixel_auroc", row), 1e-9);
			assertEquals(c.pro(), table.getValue("pro", row), 1e-9);
			assertEquals(c.defectPixelShare(), table.getValue("defect_pixel_share", row), 1e-9);
			assertEquals(c.pooledPixelAuroc(), table.getValue("pooled_pixel_auroc", row), 1e-9);
			weighted += c.defectPixelShare() * c.pooledPixelAuroc();
			assertTrue(Double.isNaN(table.getValue("pixel_f1_max", row)), "not measured per class");
		}
		assertEquals(expected.pixelAuroc(), weighted, 1e-9, "the class rows make up the pooled pixel AUROC");
		assertEquals(List.of("Crack", "Pit", "Scratch", "Stain"), expected.classes().stream().map(ClassMetrics::name).sorted().toList());

		List<String> images = Files.readAllLines(out.resolve(EvaluateCommand.IMAGES_CSV));
		assertEquals("image,class,defective,score,called_anomalous", images.get(0));
		assertEquals(21, images.size(), "a line per test image");
		for (int i = 0; i < 20; i++) {
			String[] f = images.get(i + 1).split(",");
			assertEquals(expected.names().get(i), f[0]);
			assertEquals(expected.labels()[i] ? "1" : "0", f[2]);
			assertEquals(expected.scores()[i], Double.parseDouble(f[3]), 1e-12);
		}
		for (String png : new String[] {EvaluateCommand.ROC_PNG, EvaluateCommand.PRO_PNG, EvaluateCommand.SCORES_PNG}) {
			ImagePlus plot = FijiTestSupport.open(out.resolve(png));
			assertTrue(plot.getWidth() > 300 && plot.getHeight() > 200, png + " is a plot");
		}
		assertTrue(((ImagePlus) module.getOutput("roc_plot")).getTitle().contains("ROC"));
		assertTrue(((ImagePlus) module.getOutput("pro_plot")).getTitle().contains("PRO"));
		assertTrue(((ImagePlus) module.getOutput("score_plot")).getTitle().contains("image scores"));

		String reason = refused(run(context, EvaluateCommand.class, "dataset", SPLIT.toFile(), "model_file", model.toFile(),
				"output_folder", out.toFile()));
		assertTrue(reason.contains(EvaluateCommand.ROC_PNG) && reason.contains("already exists"), reason);
	}

	@Test
	void trainsOnTheSetWhenNoModelIsGiven(@TempDir Path out) throws Exception {
		ResultsTable table = FijiTestSupport.clearedResults();
		succeeded(run(context, EvaluateCommand.class, "dataset", SPLIT.toFile(), "output_folder", out.toFile(), "advanced", SMALL));
		double auroc = table.getValue("image_auroc", 0);
		assertTrue(auroc > 0.5 && auroc <= 1, "the synthetic defects are found better than by chance: " + auroc);
		assertTrue(Files.exists(out.resolve(EvaluateCommand.PRO_PNG)));
	}

	@Test
	void readsTheMvtecFolderLayout(@TempDir Path dir) throws Exception {
		Path category = dir.resolve("surface");
		copy("images/Free/train_free_00.png", category.resolve("train/good/000.png"));
		copy("images/Free/test_free_00.png", category.resolve("test/good/000.png"));
		copy("images/Free/test_free_01.png", category.resolve("test/good/001.png"));
		copy("images/Pit/test_pit_00.png", category.resolve("test/pit/000.png"));
		copy("masks/Pit/test_pit_00.png", category.resolve("ground_truth/pit/000_mask.png"));
		ResultsTable table = FijiTestSupport.clearedResults();
		FijiTestSupport.Logged logged = runLogged(context, EvaluateCommand.class, "dataset", category.toFile(), "model_file", model.toFile(),
				"output_folder", dir.toFile());
		succeeded(logged.module());
		assertEquals("surface", table.getStringValue("dataset", 0));
		assertEquals(3, table.getValue("test_images", 0));
		assertEquals(1, table.getValue("anomalous_images", 0));
		assertEquals(List.of(), logged.warnings(), "8-bit test images like the training images");
	}

	/** Scores of 16-bit test images under a model trained on 8-bit ones measure the bit depth, not the defects: the log says so, once. */
	@Test
	void warnsOnceWhenTheTestImagesReachTheNetworkFarDarkerThanTheTrainingImages(@TempDir Path dir) throws Exception {
		Path category = dir.resolve("surface");
		sixteenBitCopy("images/Free/train_free_00.png", category.resolve("train/good/000.tif")); // a given model does not train on it
		sixteenBitCopy("images/Free/test_free_00.png", category.resolve("test/good/000.tif"));
		sixteenBitCopy("images/Pit/test_pit_00.png", category.resolve("test/pit/000.tif"));
		copy("masks/Pit/test_pit_00.png", category.resolve("ground_truth/pit/000_mask.png"));
		FijiTestSupport.Logged logged = runLogged(context, EvaluateCommand.class, "dataset", category.toFile(), "model_file", model.toFile(),
				"output_folder", dir.toFile());
		succeeded(logged.module());
		assertEquals(1, logged.warnings().size(), logged.warnings().toString());
		assertTrue(logged.warnings().get(0).contains("reaches the network no brighter than") && logged.warnings().get(0).contains("bit depth"),
				logged.warnings().get(0));
	}

	private static void sixteenBitCopy(String sample, Path to) throws Exception {
		Files.createDirectories(to.getParent());
		ImagePlus image = FijiTestSupport.open(SAMPLES.resolve(sample));
		image.setProcessor(image.getProcessor().convertToShort(false));
		IJ.saveAsTiff(image, to.toString());
	}

	static void copy(String sample, Path to) throws Exception {
		Files.createDirectories(to.getParent());
		Files.copy(SAMPLES.resolve(sample), to);
	}

	@Test
	void refusesASetWithoutTheNeededColumns(@TempDir Path dir) throws Exception {
		Path csv = dir.resolve("bad.csv");
		Files.writeString(csv, "image,label\na.png,0\n");
		String reason = refused(run(context, EvaluateCommand.class, "dataset", csv.toFile(), "model_file", model.toFile(),
				"output_folder", dir.toFile()));
		assertTrue(reason.contains(csv.toString()) && reason.contains("mask"), reason);
	}
}
