package org.npad.pipeline;

import org.npad.metrics.Percentile;
import org.npad.model.ScoreStatistics;
import org.npad.model.Thresholds;

import java.util.ArrayList;
import java.util.List;

/**
 * Decision thresholds from nominal images only (method.md section 5): the given percentile of the
 * nominal image scores and of all nominal pixel values.
 */
public final class Calibration {

	private Calibration() {
	}

	public static Thresholds of(List<Detection> nominal, double percentile, String source) {
		if (nominal.isEmpty()) return Thresholds.none(percentile);
		double[] scores = nominal.stream().mapToDouble(Detection::score).toArray();
		List<float[]> maps = new ArrayList<>();
		for (Detection d : nominal) maps.addAll(d.networkMaps());
		return new Thresholds(Percentile.of(scores, percentile), Percentile.ofPixels(maps, percentile), percentile,
				ScoreStatistics.of(scores), source);
	}
}
