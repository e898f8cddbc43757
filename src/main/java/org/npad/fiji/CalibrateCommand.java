package org.npad.fiji;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ij.ImagePlus;
import org.npad.backbone.Backbone;
import org.npad.image.ImageFolder;
import org.npad.image.NamedSlice;
import org.npad.method.NpadConfig;
import org.npad.model.ModelFile;
import org.npad.model.TrainedModel;
import org.npad.pipeline.Calibration;
import org.npad.pipeline.Progress;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import java.io.File;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Plugins > N-pad > Calibrate Thresholds...: measures a model's thresholds anew on a folder of nominal images,
 * optionally with other inference settings (shifting, smoothing, the image score) or percentile, and
 * writes the model with them; the statistics are not learned again. Thresholds are valid only for the
 * settings they were measured with, and training holds out few images (every 10th), so this is how a
 * kept model gets truer thresholds from more nominal images, or shifting, without training again.
 */
@Plugin(type = Command.class, label = "N-pad: calibrate a model's thresholds on nominal images", menu = {
		@Menu(label = "Plugins"), @Menu(label = "N-pad", weight = 30), @Menu(label = "Calibrate Thresholds...", weight = 2.5)})
public class CalibrateCommand extends NpadCommand {

	@Parameter(label = "Model file", style = FileWidget.OPEN_STYLE, persist = false)
	private File model_file;

	@Parameter(label = "Nominal images folder", style = FileWidget.DIRECTORY_STYLE, persist = false,
			description = "Defect-free images the model was not trained on; every slice of a stack is an image of its own")
	private File folder;

	@Parameter(label = "File filter", required = false, persist = false,
			description = "Which files count, e.g. '*.png' or 'regex:.*_ok\\.tif'; empty for the usual image types")
	private String file_filter = "";

	@Parameter(label = "Include sub-folders", persist = false)
	private boolean recursive = false;

	@Parameter(label = "Threshold percentile (0 = the model's)", min = "0", max = "100", persist = false,
			description = "The percentile of the nominal image scores and pixel values that becomes the thresholds")
	private double threshold_percentile = 0;

	@Parameter(label = "Inference settings", required = false, persist = false,
			description = "name=value pairs, e.g. 'shift=4 smoothing_sigma=2': shift, shift_aggregation, smoothing_sigma, pixel_map,"
					+ " image_score, top_k, top_pixel_percent, infer_neighbourhood")
	private String advanced = "";

	@Parameter(label = "Calibrated model file", style = FileWidget.SAVE_STYLE, persist = false,
			description = "Where the calibrated model is written; may be the model file itself, with overwrite")
	private File output_model_file;

	@Parameter(label = "Overwrite an existing model file", persist = false)
	private boolean overwrite = false;

	@Parameter(label = "Batch size", min = "1", persist = false)
	private int batch_size = 8;

	@Parameter(label = "Device", choices = {Devices.CPU, Devices.GPU}, persist = false)
	private String device = Devices.CPU;

	@Parameter(type = ItemIO.OUTPUT, label = "Nominal image scores")
	private ImagePlus score_plot;

	@Override
	protected void execute() throws Exception {
		if (model_file == null) throw new IllegalArgumentException("the model file is missing");
		if (folder == null) throw new IllegalArgumentException("the nominal images folder is missing");
		Path target = output_model_file == null ? null : output_model_file.toPath();
		OutputFiles.requireWritable(target, overwrite, "calibrated model file");
		NamedSettings named = NamedSettings.parse(advanced);
		if (!named.preprocessing().isEmpty())
			throw new IllegalArgumentException("'" + String.join("', '", named.preprocessing().keySet())
					+ "' is fixed by training and stored in the model; a trained model takes only inference settings");
		NpadConfig.requireInferenceSettings(named.config().keySet());
		Map<String, String> settings = new HashMap<>(named.config());
		if (threshold_percentile > 0) settings.put("threshold_percentile", Double.toString(threshold_percentile));
		Iterable<NamedSlice> nominal = new ImageFolder(folder.toPath(), file_filter, recursive).slices(); // an empty folder fails here
		ModelFile.Storage storage = ModelFile.readHeader(model_file.toPath()).storage();

		Device d = Devices.parse(device);
		Progress progress = progress();
		Backbone backbone = BackboneCache.get(d, progress);
		try (ModelCache.Lease lease = ModelCache.open(model_file.toPath(), d, backbone.identity());
				NDManager manager = NDManager.newBaseManager(d)) {
			TrainedModel trained = lease.model();
			NpadConfig config = trained.model().config().with(settings);
			// shares the leased arrays: the lease closes them, not this model
			Calibration.Recalibrated result = Calibration.recalibrate(trained, config, nominal, backbone, batch_size, progress, manager,
					"nominal images of " + folder);
			TrainedModel calibrated = result.model();
			progress.checkCancelled();
			OutputFiles.requireWritable(target, overwrite, "calibrated model file"); // it may have appeared meanwhile
			status.showStatus("N-pad: writing " + target.getFileName());
			ModelFile.write(calibrated, target, storage);
			log.info("N-pad: " + target + " calibrated on " + calibrated.thresholds().calibration() + ": image threshold "
					+ calibrated.thresholds().image() + ", pixel threshold " + calibrated.thresholds().pixel());
			status.showStatus("N-pad: calibrated model written to " + target.getFileName());
			score_plot = CurvePlots.calibration(result.nominalScores(), calibrated.thresholds().image(), calibrated.thresholds().percentile(),
					"N-pad calibration on " + folder.getName());
		}
	}
}
