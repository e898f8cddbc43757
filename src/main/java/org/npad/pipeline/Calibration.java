package org.npad.pipeline;

import org.npad.metrics.Percentile;
import org.npad.model.ScoreStatistics;
import org.npad.model.Thresholds;

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

	public static Thresholds of(List<Detection> nominal, double percentile, String source) {
		if (nominal.isEmpty()) return Thresholds.none(percentile);
		double[] scores = nominal.stream().mapToDouble(Detection::score).toArray();
		List<float[]> maps = new ArrayList<>();
		for (Detection d : nominal) maps.addAll(d.networkMaps());
		return new Thresholds(Percentile.of(scores, percentile), Percentile.ofPixels(maps, percentile), percentile,
				ScoreStatistics.of(scores), source + caveat(scores.length, percentile));
	}
}
