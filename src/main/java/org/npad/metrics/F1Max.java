package org.npad.metrics;

/**
 * The best F1 score over all thresholds of a ROC sweep, and the threshold reaching it: the decision
 * threshold to report where labelled anomalies exist. F1 = 2 TP / (2 TP + FP + FN). Where several
 * thresholds reach the same F1, the highest one is taken.
 *
 * @param f1        the maximum F1
 * @param threshold predict anomalous at or above this score to reach it
 * @param precision precision at that threshold
 * @param recall    recall at that threshold
 */
public record F1Max(double f1, double threshold, double precision, double recall) {

	public static F1Max of(double[] scores, boolean[] labels) {
		return of(Roc.of(scores, labels));
	}

	/** From a ROC; exact, as the ROC keeps every corner where the maximum can lie. */
	public static F1Max of(Roc roc) {
		int best = 0;
		double bestF1 = -1;
		for (int i = 1; i < roc.size(); i++) {
			double f1 = 2.0 * roc.truePositives(i) / ((double) roc.truePositives(i) + roc.falsePositives(i) + roc.positives());
			if (f1 > bestF1) {
				bestF1 = f1;
				best = i;
			}
		}
		int tp = roc.truePositives(best);
		return new F1Max(bestF1, roc.threshold(best), tp / (double) (tp + roc.falsePositives(best)), tp / (double) roc.positives());
	}
}
