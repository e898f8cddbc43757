package org.npad.fiji;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.npad.backbone.Backbone;
import org.npad.image.NamedSlice;
import org.npad.image.Preprocessing;
import org.npad.method.NpadConfig;
import org.npad.model.TrainedModel;
import org.npad.pipeline.Progress;
import org.npad.pipeline.Training;
import org.scijava.plugin.Parameter;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The training settings of every command that trains (Train, Train on Image, Evaluate): the main
 * settings have their own fields, every other setting is reachable by name in "advanced", which wins
 * over the fields. Parameters are not persisted, so a recorded macro line means the same thing every
 * time it runs.
 */
abstract class TrainingSettingsCommand extends NpadCommand {

	static final String FROM_PRESET = "preset";

	@Parameter(label = "Preset", choices = {"accurate", "fast", "paper", "padim"}, persist = false,
			description = "accurate: the paper with random channels, median-relative gamma, no shifting (docs/settings.md); fast: accurate with 150 channels; paper: as published; padim: PaDiM from the same code")
	private String preset = "accurate";

	@Parameter(label = "Channels d (0 = preset)", min = "0", persist = false)
	private int channels = 0;

	@Parameter(label = "Channel rule", choices = {FROM_PRESET, "fewest_nonzero", "most_nonzero", "random", "semi_orthogonal"}, persist = false)
	private String channel_rule = FROM_PRESET;

	@Parameter(label = "Gamma (0 = preset)", min = "0", persist = false)
	private double gamma = 0;

	@Parameter(label = "Shift r (-1 = preset, 0 = off)", min = "-1", max = "16", persist = false)
	private int shift = -1;

	@Parameter(label = "Geometry", choices = {"center_crop", "full_resize", "tiled"}, persist = false,
			description = "full_resize: whole image to crop x crop; center_crop: resize then centre crop (the paper; borders unseen); tiled: full-resolution tiles")
	private String geometry = "full_resize";

	@Parameter(label = "Resize (center_crop)", min = "1", persist = false)
	private int resize = 256;

	@Parameter(label = "Crop (network input side)", min = "1", persist = false)
	private int crop = 224;

	@Parameter(label = "Intensity mapping", choices = {"type_range", "min_max", "fixed_window"}, persist = false)
	private String intensity_mapping = "type_range";

	@Parameter(label = "Tile overlap (tiled)", min = "0", persist = false)
	private int tile_overlap = 32;

	@Parameter(label = "Advanced settings", required = false, persist = false,
			description = "name=value pairs for any other setting, e.g. 'top_k=5 window_low=100 window_high=4000'; they win over the fields above")
	private String advanced = "";

	@Parameter(label = "Batch size", min = "1", persist = false)
	private int batch_size = 8;

	@Parameter(label = "Hold out every k-th image for calibration (0 = no thresholds)", min = "0", persist = false,
			description = "Thresholds are a percentile of these held-out images' scores; with 0 the model has none and Detect needs them given")
	private int calibration_every = 10;

	@Parameter(label = "Device", choices = {Devices.CPU, Devices.GPU}, persist = false)
	private String device = Devices.CPU;

	/**
	 * Trains on nominal images with the settings of the dialog and calibrates the thresholds.
	 *
	 * @param images            re-iterable; each pass of training reads them again
	 * @param calibrationScores given the image scores the thresholds were taken from (empty without calibration)
	 * @return the model, with its arrays in {@code manager}
	 */
	protected TrainedModel train(Iterable<NamedSlice> images, NDManager manager, Consumer<double[]> calibrationScores) throws IOException {
		NamedSettings named = NamedSettings.parse(advanced);
		NpadConfig config = config(named);
		Preprocessing preprocessing = preprocessing(named);
		Training.Options options = new Training.Options(batch_size, calibration_every);
		Progress progress = progress();
		Backbone backbone = BackboneCache.get(device(), progress);
		Training training = new Training(preprocessing, config, backbone, options, progress, manager);
		TrainedModel model = training.run(images);
		calibrationScores.accept(training.calibrationScores());
		log.info("N-pad trained on " + model.provenance().trainingImages().size() + " images; thresholds: " + model.thresholds().calibration());
		return model;
	}

	/** The device chosen in the dialog; training and detection run there. */
	protected Device device() {
		return Devices.parse(device);
	}

	protected int batchSize() {
		return batch_size;
	}

	/** Checks the settings without training, so that a typing error fails before any image is read. */
	protected void checkSettings() {
		NamedSettings named = NamedSettings.parse(advanced);
		config(named);
		preprocessing(named);
		new Training.Options(batch_size, calibration_every);
		device();
	}

	NpadConfig config(NamedSettings named) {
		Map<String, String> m = new LinkedHashMap<>();
		if (channels > 0) m.put("channels", Integer.toString(channels));
		if (!FROM_PRESET.equals(channel_rule)) m.put("channel_rule", channel_rule);
		if (gamma > 0) m.put("gamma", Double.toString(gamma));
		if (shift >= 0) m.put("shift", Integer.toString(shift));
		m.putAll(named.config());
		return NpadConfig.preset(preset).with(m);
	}

	Preprocessing preprocessing(NamedSettings named) {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("geometry", geometry);
		m.put("resize", Integer.toString(resize));
		m.put("crop", Integer.toString(crop));
		m.put("intensity_mapping", intensity_mapping);
		m.put("tile_overlap", Integer.toString(tile_overlap));
		m.putAll(named.preprocessing());
		return Preprocessing.fromMap(m);
	}
}
