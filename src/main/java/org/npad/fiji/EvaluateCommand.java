package org.npad.fiji;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ij.ImagePlus;
import org.npad.dataset.LabelledSet;
import org.npad.backbone.Backbone;
import org.npad.model.TrainedModel;
import org.npad.pipeline.ClassMetrics;
import org.npad.pipeline.Evaluation;
import org.npad.pipeline.FeatureSource;
import org.npad.pipeline.ImageOutcomes;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Plugins > N-pad > Evaluate...: judges N-pad on a labelled set (an MVTec AD category folder, or a
 * CSV with image, mask, split, label columns): trains on the set's training images with the settings
 * below, or takes a given model, scores the test images, and reports image AUROC, pixel AUROC, PRO,
 * F1-max and thresholds in the Results table (a row for the whole set, then one per defect class),
 * with the ROC and PRO curves and the image scores (nominal against defective, with the thresholds)
 * as plots saved as PNG, and each image's score and call in a CSV.
 */
@Plugin(type = Command.class, label = "N-pad: evaluate on a labelled data set", menu = {
		@Menu(label = "Plugins"), @Menu(label = "N-pad", weight = 30), @Menu(label = "Evaluate...", weight = 5)})
public class EvaluateCommand extends TrainingSettingsCommand {

	static final String ROC_PNG = "roc.png";
	static final String PRO_PNG = "pro.png";
	static final String SCORES_PNG = "scores.png";
	static final String IMAGES_CSV = "image-scores.csv";
	/** The class column of the row for the whole test set. */
	static final String ALL_CLASSES = "all";

	@Parameter(label = "Labelled data set (CSV file or MVTec folder)", style = FileWidget.FILE_AND_DIRECTORY_STYLE, persist = false)
	private File dataset;

	@Parameter(label = "Model file (empty: train on the set)", style = FileWidget.OPEN_STYLE, required = false, persist = false,
			description = "A model to evaluate; leave empty to train one on the set's training images with the settings below")
	private File model_file;

	@Parameter(label = "Output folder for the plots and the image scores", style = FileWidget.DIRECTORY_STYLE, persist = false)
	private File output_folder;

	@Parameter(label = "Overwrite existing plots and tables", persist = false)
	private boolean overwrite = false;

	@Parameter(type = ItemIO.OUTPUT, label = "ROC curves")
	private ImagePlus roc_plot;

	@Parameter(type = ItemIO.OUTPUT, label = "PRO curve")
	private ImagePlus pro_plot;

	@Parameter(type = ItemIO.OUTPUT, label = "Image scores")
	private ImagePlus score_plot;

	@Override
	protected void execute() throws Exception {
		if (dataset == null) throw new IllegalArgumentException("the labelled data set is missing");
		if (output_folder == null || !output_folder.isDirectory())
			throw new IllegalArgumentException("the output folder " + output_folder + " does not exist");
		Path out = output_folder.toPath();
		OutputFiles.requireWritable(out.resolve(ROC_PNG), overwrite, "ROC plot");
		OutputFiles.requireWritable(out.resolve(PRO_PNG), overwrite, "PRO plot");
		OutputFiles.requireWritable(out.resolve(SCORES_PNG), overwrite, "score plot");
		OutputFiles.requireWritable(out.resolve(IMAGES_CSV), overwrite, "table of image scores");
		Path setPath = dataset.toPath().toAbsolutePath().normalize();
		if (!Files.exists(setPath)) throw new IllegalArgumentException(setPath + ": no such data set file or folder");
		LabelledSet set = LabelledSet.read(setPath);
		Path base = Files.isDirectory(setPath) ? setPath : setPath.getParent();
		Device device = device();

		Backbone backbone = BackboneCache.get(device, progress());
		Evaluation.Result result;
		if (model_file != null && !model_file.getPath().isEmpty()) {
			try (ModelCache.Lease lease = ModelCache.open(model_file.toPath(), device, backbone.identity())) {
				result = evaluate(lease.model(), backbone, set, base);
			}
		} else {
			checkSettings();
			try (NDManager manager = NDManager.newBaseManager(device);
					TrainedModel model = train(Evaluation.slices(set.training(), base), manager, scores -> {})) {
				result = evaluate(model, backbone, set, base);
			}
		}
		String title = set.name();
		roc_plot = CurvePlots.roc(result.imageRoc(), result.pixels().roc(), "N-pad ROC " + title);
		pro_plot = CurvePlots.pro(result.pixels().pro(), "N-pad PRO " + title);
		OutputFiles.writePng(roc_plot, out.resolve(ROC_PNG));
		OutputFiles.writePng(pro_plot, out.resolve(PRO_PNG));
		OutputFiles.writePng(score_plot, out.resolve(SCORES_PNG));
		List<String> lines = new ArrayList<>(List.of(ImageOutcomes.HEADER));
		lines.addAll(ImageOutcomes.lines(result));
		OutputFiles.writeAtomically(out.resolve(IMAGES_CSV), temp -> Files.write(temp, lines));
	}

	private Evaluation.Result evaluate(TrainedModel model, Backbone backbone, LabelledSet set, Path base) {
		if (set.test().isEmpty()) throw new IllegalArgumentException("the data set " + set.name() + " has no test images");
		try (NDManager manager = NDManager.newBaseManager(device())) {
			FeatureSource features = FeatureSource.of(backbone, model.model(), manager);
			Evaluation.Result result = Evaluation.run(model, features, batchSize(), set.test(), base, progress());
			publish(set, model, result);
			score_plot = CurvePlots.scores(result.scores(), result.labels(), model.thresholds().image(), result.imageF1().threshold(),
					"N-pad image scores " + set.name());
			return result;
		}
	}

	/**
	 * One row for the whole test set (class "all"), then one per defect class against all nominal
	 * images; a class row leaves the F1 and threshold columns NaN, as they are not measured per class.
	 * The defect-pixel share and pooled pixel AUROC of the class rows add up, share-weighted, to the
	 * whole set's pixel AUROC, so a user sees which class makes the pooled figure ({@link ClassMetrics}).
	 */
	private static void publish(LabelledSet set, TrainedModel model, Evaluation.Result e) {
		ImageJ1Outputs.appendResults(table -> {
			table.incrementCounter();
			table.addValue("dataset", set.name());
			table.addValue("class", ALL_CLASSES);
			table.addValue("test_images", e.scores().length);
			table.addValue("anomalous_images", e.imageRoc().positives());
			table.addValue("image_auroc", e.imageAuroc());
			table.addValue("pixel_auroc", e.pixelAuroc());
			table.addValue("pro", e.pro());
			table.addValue("defect_pixel_share", 1.0);
			table.addValue("pooled_pixel_auroc", e.pixelAuroc());
			table.addValue("image_f1_max", e.imageF1().f1());
			table.addValue("image_f1_threshold", e.imageF1().threshold());
			table.addValue("pixel_f1_max", e.pixels().f1Max().f1());
			table.addValue("pixel_f1_threshold", e.pixels().f1Max().threshold());
			table.addValue("model_image_threshold", model.thresholds().image());
			table.addValue("model_pixel_threshold", model.thresholds().pixel());
			int nominal = e.imageRoc().negatives();
			for (ClassMetrics c : e.classes()) {
				table.incrementCounter();
				table.addValue("dataset", set.name());
				table.addValue("class", c.name());
				table.addValue("test_images", nominal + c.anomalousImages());
				table.addValue("anomalous_images", c.anomalousImages());
				table.addValue("image_auroc", c.imageAuroc());
				table.addValue("pixel_auroc", c.pixelAuroc());
				table.addValue("pro", c.pro());
				table.addValue("defect_pixel_share", c.defectPixelShare());
				table.addValue("pooled_pixel_auroc", c.pooledPixelAuroc());
				for (String unmeasured : List.of("image_f1_max", "image_f1_threshold", "pixel_f1_max", "pixel_f1_threshold",
						"model_image_threshold", "model_pixel_threshold"))
					table.addValue(unmeasured, Double.NaN);
			}
		});
	}
}
