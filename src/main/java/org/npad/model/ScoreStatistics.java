package org.npad.model;

/**
 * Summary of the nominal image scores a threshold was taken from, kept in the model so that a user
 * can judge a new score against what nominal images gave (e.g. how many standard deviations out).
 *
 * @param count number of scores
 * @param mean  their mean
 * @param std   sample standard deviation (divisor count - 1), NaN for fewer than two scores
 * @param min   smallest score
 * @param max   largest score
 */
public record ScoreStatistics(long count, double mean, double std, double min, double max) {

	/** No calibration scores: count 0, every statistic NaN. */
	public static ScoreStatistics none() {
		return new ScoreStatistics(0, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
	}

	public static ScoreStatistics of(double[] scores) {
		if (scores.length == 0) return none();
		double sum = 0, min = Double.POSITIVE_INFINITY, max = Double.NEGATIVE_INFINITY;
		for (double s : scores) {
			sum += s;
			min = Math.min(min, s);
			max = Math.max(max, s);
		}
		double mean = sum / scores.length, squares = 0;
		for (double s : scores) squares += (s - mean) * (s - mean);
		double std = scores.length < 2 ? Double.NaN : Math.sqrt(squares / (scores.length - 1));
		return new ScoreStatistics(scores.length, mean, std, min, max);
	}
}
