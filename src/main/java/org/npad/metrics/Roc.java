package org.npad.metrics;

import java.util.List;

/**
 * The exact ROC curve of anomaly scores against binary labels, and the area under it.
 * <p>
 * Every distinct score is a threshold; a sample is predicted anomalous when its score is at or above
 * it. Tied scores form one step of the curve, so the area equals the Mann-Whitney statistic: the
 * share of (anomalous, nominal) pairs where the anomalous sample scores higher, a tie counting one
 * half. The area is computed in integer counts, exact up to the final division.
 * <p>
 * The curve starts at (0, 0) with threshold +infinity and ends at (1, 1); points inside straight
 * vertical or horizontal runs are left out (they lie on the drawn segments).
 */
public final class Roc {

	private final SweepCurve curve;
	private final int positives;
	private final int negatives;

	Roc(SweepCurve curve, int positives, int negatives) {
		this.curve = curve;
		this.positives = positives;
		this.negatives = negatives;
	}

	/**
	 * Image-level ROC.
	 *
	 * @param scores one finite score per image, higher = more anomalous
	 * @param labels true for an anomalous image; both kinds must occur
	 */
	public static Roc of(double[] scores, boolean[] labels) {
		int positives = checkedPositives(scores, labels);
		SweepCurve curve = RankedSamples.ofScores(scores, labels).sweep(new double[] {0, 1});
		return new Roc(curve, positives, labels.length - positives);
	}

	/**
	 * Pixel-level ROC over all pixels of all images together.
	 *
	 * @param maps  one row-major score map per image
	 * @param masks the ground truth of each image, same size as its map (an empty mask is fine)
	 */
	public static Roc ofPixels(List<float[]> maps, List<boolean[]> masks) {
		PixelInputs inputs = PixelInputs.check(maps, masks, -1, "pixel AUROC");
		SweepCurve curve = RankedSamples.ofMaps(maps, image -> asPayloads(masks.get(image))).sweep(new double[] {0, 1});
		return new Roc(curve, inputs.anomalousPixels, inputs.nominalPixels);
	}

	/** Checks image scores and labels; returns the number of positive labels. */
	private static int checkedPositives(double[] scores, boolean[] labels) {
		if (scores == null || labels == null) {
			throw new IllegalArgumentException("AUROC: the scores or the labels are missing");
		}
		if (scores.length != labels.length) {
			throw new IllegalArgumentException("AUROC: " + scores.length + " scores but " + labels.length + " labels");
		}
		int positives = 0;
		for (boolean b : labels) {
			if (b) {
				positives++;
			}
		}
		if (positives == 0) {
			throw new IllegalArgumentException("AUROC needs at least one anomalous sample, but none of the " + labels.length + " labels is anomalous");
		}
		if (positives == labels.length) {
			throw new IllegalArgumentException("AUROC needs at least one nominal sample, but all " + labels.length + " labels are anomalous");
		}
		return positives;
	}

	private static int[] asPayloads(boolean[] mask) {
		int[] payloads = new int[mask.length];
		for (int i = 0; i < mask.length; i++) {
			payloads[i] = mask[i] ? 1 : 0;
		}
		return payloads;
	}

	/** Area under the curve, in [0, 1]. */
	public double auroc() {
		long twiceArea = 0;
		for (int i = 1; i < curve.size(); i++) {
			long width = curve.falsePositives(i) - curve.falsePositives(i - 1);
			twiceArea += width * ((long) truePositives(i) + truePositives(i - 1));
		}
		return twiceArea / (2.0 * positives * negatives);
	}

	public int positives() {
		return positives;
	}

	public int negatives() {
		return negatives;
	}

	/** Number of points of the curve. */
	public int size() {
		return curve.size();
	}

	/** Point i predicts anomalous every sample scoring at or above threshold i. */
	public double threshold(int i) {
		return curve.threshold(i);
	}

	public int truePositives(int i) {
		return (int) curve.hits(i);
	}

	public int falsePositives(int i) {
		return curve.falsePositives(i);
	}

	public double[] thresholds() {
		return curve.thresholds();
	}

	public double[] fpr() {
		return curve.falsePositiveRates(negatives);
	}

	public double[] tpr() {
		return curve.hitRates(positives);
	}
}
