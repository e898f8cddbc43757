package org.npad.pipeline;

import ai.djl.ndarray.NDManager;
import org.npad.backbone.Backbone;
import org.npad.image.InputBrightness;
import org.npad.image.NamedSlice;
import org.npad.image.NetworkInput;
import org.npad.image.PixelSizeRange;
import org.npad.image.Preprocessing;
import org.npad.image.Preprocessor;
import org.npad.image.SizeRange;
import org.npad.method.ChannelSelection;
import org.npad.method.FeatureMaps;
import org.npad.method.NpadConfig;
import org.npad.method.NpadModel;
import org.npad.method.NpadTrainer;
import org.npad.method.PhaseTimes;
import org.npad.method.PrecisionFormat;
import org.npad.model.Provenance;
import org.npad.model.Thresholds;
import org.npad.model.TrainedModel;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.StreamSupport;

/**
 * Trains a model from nominal images, streaming: a counting pass when the channel rule needs one,
 * the statistics pass, then scoring of the held-out calibration images. Every image is read again
 * in each pass instead of being kept, so memory never grows with the number of images.
 */
public final class Training {

	/** The stage after the statistics pass; each of its steps is named in brackets as it starts. */
	static final String ESTIMATING = "Estimating Gaussians";

	/**
	 * @param batchSize        network inputs per backbone call
	 * @param calibrationEvery every k-th image is held out to calibrate the thresholds; with fewer
	 *                         than k images the training images are scored instead (optimistic
	 *                         thresholds); 0 skips calibration (evaluation runs that need no thresholds)
	 */
	public record Options(int batchSize, int calibrationEvery) {
		public Options {
			if (batchSize < 1) throw new IllegalArgumentException("batch_size must be at least 1, got " + batchSize);
			if (calibrationEvery < 0 || calibrationEvery == 1)
				throw new IllegalArgumentException("calibration_every must be 0 (off) or at least 2, got " + calibrationEvery);
		}

		public static Options defaults() {
			return new Options(8, 10);
		}
	}

	private final Preprocessing preprocessing;
	private final NpadConfig config;
	private final Backbone backbone;
	private final Options options;
	private final Progress progress;
	private final NDManager manager;
	private final PhaseTimes times = new PhaseTimes();
	private HalvingBatches batches; // the backbone's batches, halved for good where they run out of memory
	private double[] calibrationScores = new double[0];

	public Training(Preprocessing preprocessing, NpadConfig config, Backbone backbone, Options options, Progress progress, NDManager manager) {
		this.preprocessing = preprocessing;
		this.config = config;
		this.backbone = backbone;
		this.options = options;
		this.progress = progress;
		this.manager = manager;
	}

	/** @param images re-iterable; each pass reads them again */
	public TrainedModel run(Iterable<NamedSlice> images) {
		Preprocessor preprocessor = new Preprocessor(preprocessing);
		batches = new HalvingBatches(options.batchSize());
		calibrationScores = new double[0];
		int[] channels;
		if (ChannelSelection.needsCounts(config.channelRule())) {
			FeatureSource all = FeatureSource.allChannels(backbone, manager);
			ChannelSelection selection = new ChannelSelection(all.channels());
			forEachBatch(images, preprocessor, "Counting channel activity", all,
					features -> times.time("channel counting", () -> selection.count(features.kept())));
			channels = selection.select(config);
		} else {
			channels = new ChannelSelection(totalChannels()).select(config);
		}

		FeatureSource kept = FeatureSource.of(backbone, config, channels, config.patchBank() > 0, manager);
		NpadTrainer[] trainer = new NpadTrainer[1];
		Pass pass = forEachBatch(images, preprocessor, "Learning nominal statistics", kept, features -> {
			if (trainer[0] == null)
				trainer[0] = new NpadTrainer(config, channels, (int) features.kept().getShape().get(2), (int) features.kept().getShape().get(3), manager);
			trainer[0].add(features);
		});
		pass.brightness().trainingWarning(preprocessing).ifPresent(progress::warn); // before the estimation's minutes
		List<String> names = pass.names();
		if (trainer[0] == null || trainer[0].count() < 2)
			throw new IllegalArgumentException("N-pad needs at least 2 nominal images (or tiles) to learn from, got "
					+ names.size() + (names.isEmpty() ? "" : ": " + names)
					+ (options.calibrationEvery() > 0 ? " (every " + ordinal(options.calibrationEvery()) + " image is held out for calibration)" : ""));
		NpadModel model = trainer[0].finish(manager, PrecisionFormat.selected(), step -> { // as a loaded model holds them
			progress.checkCancelled();
			progress.report(ESTIMATING + " (" + step + ")", 0, 1);
		});
		times.addAll(trainer[0].times());
		progress.report(ESTIMATING, 1, 1);
		Provenance provenance = Provenance.now(names, pass.brightness().typical(), pass.sizes(),
				PixelSizeRange.of(pass.calibrations()));

		if (options.calibrationEvery() == 0)
			return new TrainedModel(model, backbone.identity(), preprocessing, Thresholds.none(config.thresholdPercentile()), provenance);
		Detector detector = new Detector(model, preprocessing, kept, batches.size());
		boolean useHeldOut = pass.heldOut() > 0;
		Iterable<NamedSlice> chosen = () -> {
			int[] index = {0};
			return StreamSupport.stream(images.spliterator(), false).filter(slice -> isHeldOut(index[0]++) == useHeldOut).iterator();
		};
		long start = System.nanoTime();
		List<Detection> calibration = Calibration.detect(detector, chosen, progress);
		times.add("calibration", System.nanoTime() - start);
		calibrationScores = calibration.stream().mapToDouble(Detection::score).toArray();
		String source = useHeldOut ? "held-out every " + ordinal(options.calibrationEvery()) + " nominal image (" + calibration.size() + ")"
				: "the training images themselves (too few images to hold any out: thresholds are optimistic)";
		return new TrainedModel(model, backbone.identity(), preprocessing,
				Calibration.of(calibration, config.thresholdPercentile(), source), provenance);
	}

	/**
	 * The image scores the last run's thresholds were taken from (the held-out images, or the training
	 * images where there were too few to hold any out), for a plot; empty without calibration.
	 */
	public double[] calibrationScores() {
		return calibrationScores.clone();
	}

	/**
	 * Seconds per step of the last run: reading images, backbone, channel counting, moments,
	 * centroid bank, the finish's inverses and weights, calibration.
	 */
	public PhaseTimes times() {
		return times;
	}

	private int totalChannels() {
		int total = 0;
		for (int c : backbone.tapChannels()) total += c;
		return total;
	}

	/** 2nd, 3rd, 10th, 11th, 21st: the held-out share is spelled into messages and model files. */
	static String ordinal(int k) {
		int lastTwo = k % 100, last = k % 10;
		String suffix = lastTwo >= 11 && lastTwo <= 13 ? "th" : last == 1 ? "st" : last == 2 ? "nd" : last == 3 ? "rd" : "th";
		return k + suffix;
	}

	private boolean isHeldOut(int index) {
		int k = options.calibrationEvery();
		return k > 0 && index % k == k - 1;
	}

	/** What one pass over the images saw: the names of the images used, how many were held out, their brightness, sizes and calibrations. */
	private record Pass(List<String> names, int heldOut, InputBrightness brightness, SizeRange sizes, List<ij.measure.Calibration> calibrations) {}

	/** Feeds the training images' features to a consumer in batches. */
	private Pass forEachBatch(Iterable<NamedSlice> images, Preprocessor preprocessor, String stage,
			FeatureSource source, Consumer<FeatureMaps> consumer) {
		List<String> names = new ArrayList<>();
		InputBrightness brightness = new InputBrightness();
		SizeRange sizes = SizeRange.UNKNOWN;
		List<ij.measure.Calibration> calibrations = new ArrayList<>(); // ij's spatial calibration, not this package's thresholds
		List<float[]> batch = new ArrayList<>();
		int[] size = new int[2];
		int index = 0, heldOut = 0;
		Iterator<NamedSlice> slices = images.iterator();
		while (times.time(Steps.READING, slices::hasNext)) {
			NamedSlice slice = times.time(Steps.READING, slices::next);
			progress.checkCancelled();
			if (isHeldOut(index++)) {
				heldOut++;
				continue;
			}
			names.add(slice.name());
			sizes = sizes.including(slice.width(), slice.height());
			calibrations.add(slice.calibration());
			List<NetworkInput> inputs = times.time(Steps.READING, () -> preprocessor.inputs(slice.processor()));
			brightness.addImage(inputs);
			for (NetworkInput input : inputs) {
				size[0] = input.width();
				size[1] = input.height();
				batch.add(input.pixels());
				if (batch.size() >= batches.size()) flush(batch, size, source, consumer);
			}
			progress.report(stage, names.size(), -1);
		}
		if (!batch.isEmpty()) flush(batch, size, source, consumer);
		return new Pass(names, heldOut, brightness, sizes, calibrations);
	}

	/**
	 * Feeds a batch's features to the consumer; the batch is emptied. Only the backbone is retried
	 * where it runs out of memory ({@link HalvingBatches}): a consumer that failed may have added part
	 * of the batch to its statistics already.
	 */
	private void flush(List<float[]> batch, int[] size, FeatureSource source, Consumer<FeatureMaps> consumer) {
		batches.forEach(batch, part -> times.time(Steps.BACKBONE, () -> source.features(part, size[0], size[1])),
				(from, features) -> consumer.accept(features));
		batch.clear();
	}
}
