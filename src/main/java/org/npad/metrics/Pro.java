package org.npad.metrics;

import java.util.List;

/**
 * The per-region overlap (PRO) curve of method.md section 5, as in the MVTec AD evaluation.
 * <p>
 * For a threshold t, each 8-connected ground-truth region (labelled per image) has an overlap: the
 * share of its pixels scoring at or above t. PRO(t) is the mean overlap over all regions of all
 * images, so a small defect weighs as much as a large one; unlike the pixel TPR. It is plotted
 * against the false-positive rate on nominal pixels (pixels outside every region, of all images).
 * Every distinct score is a threshold (no binning): all pixels are sorted once and swept, each region
 * pixel adding 1 / (area of its region) to the running sum of overlaps.
 * <p>
 * The curve starts at (0, 0) with threshold +infinity and ends at (1, 1).
 */
public final class Pro {

	/** The usual integration limit of the PRO curve. */
	public static final double STANDARD_MAX_FPR = 0.3;

	private final SweepCurve curve;
	private final int regions;
	private final int nominalPixels;

	Pro(SweepCurve curve, int regions, int nominalPixels) {
		this.curve = curve;
		this.regions = regions;
		this.nominalPixels = nominalPixels;
	}

	/**
	 * @param maps   one row-major score map of width x height per image
	 * @param masks  the ground truth of each image, same size (an empty mask is fine; at least one
	 *               region and one nominal pixel must exist over the set)
	 */
	public static Pro of(List<float[]> maps, List<boolean[]> masks, int width, int height) {
		PixelInputs inputs = PixelInputs.check(maps, masks, width, height, "PRO");
		GroundTruthRegions regions = GroundTruthRegions.of(masks, width, height);
		RankedSamples ranked = RankedSamples.ofMaps(maps, regions::labelsOf);
		return of(ranked, regions, inputs);
	}

	static Pro of(RankedSamples ranked, GroundTruthRegions regions, PixelInputs inputs) {
		return new Pro(ranked.sweep(regions.overlapWeights()), regions.count(), inputs.nominalPixels);
	}

	/**
	 * The area under the PRO curve from FPR 0 to {@code maxFpr} (trapezoid rule, the curve
	 * interpolated linearly at exactly {@code maxFpr}), divided by {@code maxFpr}: 1 is perfect.
	 */
	public double integrated(double maxFpr) {
		if (!(maxFpr > 0 && maxFpr <= 1)) {
			throw new IllegalArgumentException("the FPR limit of the PRO integral must be in (0, 1], got " + maxFpr);
		}
		double area = 0;
		double x0 = 0, y0 = 0;
		for (int i = 1; i < curve.size(); i++) {
			double x1 = fpr(i), y1 = pro(i);
			if (x1 > maxFpr) {
				double y = y0 + (y1 - y0) * (maxFpr - x0) / (x1 - x0);
				area += (maxFpr - x0) * (y0 + y) / 2;
				break;
			}
			area += (x1 - x0) * (y0 + y1) / 2;
			x0 = x1;
			y0 = y1;
		}
		return area / maxFpr;
	}

	/** {@link #integrated(double)} at {@link #STANDARD_MAX_FPR}. */
	public double integrated() {
		return integrated(STANDARD_MAX_FPR);
	}

	/** Number of ground-truth regions over all images. */
	public int regions() {
		return regions;
	}

	public int nominalPixels() {
		return nominalPixels;
	}

	public int size() {
		return curve.size();
	}

	private double fpr(int i) {
		return curve.falsePositives(i) / (double) nominalPixels;
	}

	private double pro(int i) {
		return curve.hits(i) / regions;
	}

	/** Point i predicts anomalous every pixel scoring at or above threshold i. */
	public double[] thresholds() {
		return curve.thresholds();
	}

	public double[] fpr() {
		return curve.falsePositiveRates(nominalPixels);
	}

	public double[] pro() {
		return curve.hitRates(regions);
	}
}
