package org.npad.pipeline;

import ai.djl.ndarray.NDManager;
import org.npad.backbone.Backbone;
import org.npad.image.NamedSlice;
import org.npad.method.NpadConfig;
import org.npad.method.NpadModel;
import org.npad.metrics.Percentile;
import org.npad.model.ScoreStatistics;
import org.npad.model.Thresholds;
import org.npad.model.TrainedModel;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Decision thresholds from nominal images only (method.md section 5): the given percentile of the
 * nominal image scores and of all nominal pixel values.
 *
 * <p>With n images and a percentile above 100 (n - 1) / n, the image threshold is about their highest
 * score, and a new nominal image exceeds the highest of n exchangeable scores with probability
 * 1 / (n + 1), whatever their distribution. The description says so, because that false-alarm rate
 * (a third with 2 held-out images) is what a user with few images will see.
 */
public final class Calibration {

	private Calibration() {
	}

	static String caveat(int n, double percentile) {
		if (percentile <= 100.0 * (n - 1) / n) return "";
		return String.format(Locale.ROOT, "; %s too few for the %s percentile: the image threshold is about %s,"
				+ " so expect about 1 in %d nominal images above it (hold out more images for a truer threshold)",
				n == 1 ? "1 image is" : n + " images are", new DecimalFormat("0.##", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(percentile),
				n == 1 ? "its score" : "their highest score", n + 1);
	}

	/** Detects the nominal images in full batches (see {@link Detector#imagesPerBatch()}). */
	static List<Detection> detect(Detector detector, Iterable<NamedSlice> nominal, Progress progress) {
		List<Detection> detections = new ArrayList<>();
		List<NamedSlice> batch = new ArrayList<>();
		for (NamedSlice slice : nominal) {
			batch.add(slice);
			if (batch.size() == detector.imagesPerBatch()) detect(detector, batch, detections, progress);
		}
		if (!batch.isEmpty()) detect(detector, batch, detections, progress);
		return detections;
	}

	private static void detect(Detector detector, List<NamedSlice> batch, List<Detection> detections, Progress progress) {
		progress.checkCancelled();
		for (List<Detection> d : detector.detectAll(batch)) detections.add(d.get(0));
		batch.clear();
		progress.report("Calibrating thresholds", detections.size(), -1);
	}

	/** A model with thresholds measured anew, and the nominal image scores they were measured on (for a plot). */
	public record Recalibrated(TrainedModel model, double[] nominalScores) {}

	/**
	 * A trained model with other inference settings (shifting, smoothing, the image score) or another
	 * percentile, and thresholds measured anew on nominal images: the thresholds are only valid for
	 * the settings they were measured with, and more nominal images than training held out give truer
	 * ones, without training again. The result shares the given model's arrays: close only one of them.
	 *
	 * @param source described in the thresholds, e.g. the folder of the images
	 */
	public static Recalibrated recalibrate(TrainedModel trained, NpadConfig config, Iterable<NamedSlice> nominal, Backbone backbone,
			int batchSize, Progress progress, NDManager manager, String source) {
		NpadModel model = trained.model().withInference(config);
		Detector detector = new Detector(model, trained.preprocessing(), FeatureSource.of(backbone, model, manager), batchSize);
		List<Detection> detections = detect(detector, nominal, progress);
		if (detections.isEmpty()) throw new IllegalArgumentException("no nominal images to calibrate on in " + source);
		detections.forEach(new InputCheck(trained, progress)::check);
		TrainedModel calibrated = new TrainedModel(model, trained.backbone(), trained.preprocessing(),
				of(detections, config.thresholdPercentile(), source + " (" + detections.size() + " images)"), trained.provenance());
		return new Recalibrated(calibrated, detections.stream().mapToDouble(Detection::score).toArray());
	}

	public static Thresholds of(List<Detection> nominal, double percentile, String source) {
		if (nominal.isEmpty()) return Thresholds.none(percentile);
		double[] scores = nominal.stream().mapToDouble(Detection::score).toArray();
		List<float[]> maps = new ArrayList<>();
		for (Detection d : nominal) maps.addAll(d.networkMaps());
		return new Thresholds(Percentile.of(scores, percentile), Percentile.ofPixels(maps, percentile), percentile,
				ScoreStatistics.of(scores), source + caveat(scores.length, percentile));
	}
}
