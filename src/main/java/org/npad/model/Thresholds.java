package org.npad.model;

/**
 * The decision thresholds a model ships with (method.md section 5) and what they rest on.
 *
 * @param image        image-score threshold: above it an image is called anomalous; NaN if not calibrated
 * @param pixel        pixel-map threshold that makes masks and ROIs; NaN if not calibrated
 * @param percentile   percentile of the nominal scores both thresholds were taken at
 * @param nominalImageScores statistics of the nominal image scores the image threshold came from
 * @param calibration  how the nominal scores were obtained, in words, e.g. "held-out 10% of training images"
 */
public record Thresholds(double image, double pixel, double percentile, ScoreStatistics nominalImageScores,
		String calibration) {

	public Thresholds {
		if (nominalImageScores == null) throw new IllegalArgumentException("nominal score statistics are missing");
		if (calibration == null) throw new IllegalArgumentException("calibration description is missing");
	}

	/** A model that has not been calibrated yet. */
	public static Thresholds none(double percentile) {
		return new Thresholds(Double.NaN, Double.NaN, percentile, ScoreStatistics.none(), "not calibrated");
	}
}
