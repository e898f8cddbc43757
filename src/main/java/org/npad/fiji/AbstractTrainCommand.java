package org.npad.fiji;

import ai.djl.ndarray.NDManager;
import ij.ImagePlus;
import org.npad.image.NamedSlice;
import org.npad.model.ModelFile;
import org.npad.model.TrainedModel;
import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;
import org.scijava.widget.FileWidget;

import java.io.File;
import java.nio.file.Path;

/**
 * Training that ends in a model file, whichever way the nominal images come (a folder, the open
 * image). The file is written only after training and calibration finished, atomically, and an
 * existing file is replaced only when the user said so. With calibration, the scores the thresholds
 * were taken from come as a plot: whether the image threshold sits just above a few held-out images or
 * in a tail of many, which its value alone does not say.
 */
abstract class AbstractTrainCommand extends TrainingSettingsCommand {

	@Parameter(label = "Model file", style = FileWidget.SAVE_STYLE, persist = false,
			description = "Where the trained model is written; an existing file is kept unless overwrite is set.")
	private File model_file;

	@Parameter(label = "Overwrite an existing model file", persist = false)
	private boolean overwrite = false;

	@Parameter(label = "Model file storage", choices = {"float32_packed", "float16_packed"}, persist = false,
			description = "float16_packed: half the file; on MTD it gave the same AUROC and PRO to 0.01 points (docs/benchmarks.md)")
	private String model_storage = "float32_packed";

	@Parameter(type = ItemIO.OUTPUT, label = "Calibration scores")
	private ImagePlus score_plot;

	private double[] calibrationScores = new double[0];

	/** The nominal images; each pass of training reads them again. */
	protected abstract Iterable<NamedSlice> nominalImages();

	@Override
	protected void execute() throws Exception {
		Path target = model_file == null ? null : model_file.toPath();
		OutputFiles.requireWritable(target, overwrite, "model file");
		ModelFile.Storage storage = ModelFile.Storage.fromFileName(model_storage); // a typing error fails before training
		checkSettings();
		Iterable<NamedSlice> images = nominalImages();
		try (NDManager manager = NDManager.newBaseManager(device()); TrainedModel model = train(images, manager, scores -> calibrationScores = scores)) {
			progress().checkCancelled();
			OutputFiles.requireWritable(target, overwrite, "model file"); // it may have appeared while training
			status.showStatus("N-pad: writing " + target.getFileName());
			ModelFile.write(model, target, storage);
			log.info("N-pad model written to " + target);
			status.showStatus("N-pad: model written to " + target.getFileName());
			if (calibrationScores.length > 0)
				score_plot = CurvePlots.calibration(calibrationScores, model.thresholds().image(), model.thresholds().percentile(),
						"N-pad calibration of " + target.getFileName());
		}
	}
}
