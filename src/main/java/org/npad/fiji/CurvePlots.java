package org.npad.fiji;

import ij.ImagePlus;
import ij.gui.Plot;
import org.npad.metrics.Pro;
import org.npad.metrics.Roc;

import java.awt.Color;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The evaluation's curves as ImageJ plots: the image and pixel ROC together, the PRO curve, and the
 * image scores of nominal and defective images with the thresholds; and the nominal scores a
 * calibration took its threshold from.
 */
final class CurvePlots {

	/** Bins of the score histogram: enough to show the overlap of a few hundred images. */
	private static final int BINS = 30;

	private CurvePlots() {
	}

	static ImagePlus roc(Roc image, Roc pixel, String title) {
		Plot plot = new Plot(title, "false positive rate", "true positive rate");
		plot.setLimits(0, 1, 0, 1);
		plot.setColor(Color.LIGHT_GRAY);
		plot.addPoints(new double[] {0, 1}, new double[] {0, 1}, Plot.LINE);
		plot.setColor(Color.BLUE);
		plot.addPoints(image.fpr(), image.tpr(), Plot.LINE);
		plot.setColor(Color.RED);
		plot.addPoints(pixel.fpr(), pixel.tpr(), Plot.LINE);
		plot.setColor(Color.BLACK);
		plot.addLegend(String.format(Locale.ROOT, "chance\nimage ROC, AUROC %.4f\npixel ROC, AUROC %.4f", image.auroc(), pixel.auroc()));
		return plot.getImagePlus();
	}

	static ImagePlus pro(Pro pro, String title) {
		Plot plot = new Plot(title, "false positive rate (nominal pixels)", "per-region overlap");
		plot.setLimits(0, 1, 0, 1);
		plot.setColor(Color.LIGHT_GRAY);
		plot.addPoints(new double[] {Pro.STANDARD_MAX_FPR, Pro.STANDARD_MAX_FPR}, new double[] {0, 1}, Plot.LINE);
		plot.setColor(Color.BLUE);
		plot.addPoints(pro.fpr(), pro.pro(), Plot.LINE);
		plot.setColor(Color.BLACK);
		plot.addLegend(String.format(Locale.ROOT, "integration limit, FPR %.1f\nPRO curve, normalised area %.4f (%d regions)",
				Pro.STANDARD_MAX_FPR, pro.integrated(), pro.regions()));
		return plot.getImagePlus();
	}

	/**
	 * The image scores of the nominal and the defective test images as two histograms on shared bins,
	 * with the model's nominal-only threshold and the F1-max threshold: how far apart the two kinds
	 * are, and where each threshold cuts. A NaN threshold (a model trained without calibration) is left out.
	 */
	static ImagePlus scores(double[] scores, boolean[] labels, double modelThreshold, double f1Threshold, String title) {
		List<Line> lines = new ArrayList<>(List.of(new Line("F1-max threshold", f1Threshold, Color.DARK_GRAY)));
		if (!Double.isNaN(modelThreshold)) lines.add(new Line("model's threshold", modelThreshold, Color.MAGENTA));
		return histograms(title, "test images", scores, labels, true, lines);
	}

	/**
	 * The nominal images' scores that a threshold was calibrated on, with the threshold: whether it
	 * sits just above the bulk of them or far out in a tail, which a percentile alone does not show.
	 */
	static ImagePlus calibration(double[] nominalScores, double threshold, double percentile, String title) {
		String name = String.format(Locale.ROOT, "image threshold (percentile %.4g)", percentile);
		return histograms(title, "nominal images", nominalScores, new boolean[nominalScores.length], false,
				List.of(new Line(name, threshold, Color.MAGENTA)));
	}

	/** A vertical line across the histograms at a score. */
	private record Line(String name, double score, Color color) {}

	/** Nominal (and, if asked, defective) scores as bars on BINS shared bins, then the lines; the legend says which is which. */
	private static ImagePlus histograms(String title, String count, double[] scores, boolean[] labels, boolean defectiveBars, List<Line> lines) {
		double min = Arrays.stream(scores).min().orElse(0), max = Arrays.stream(scores).max().orElse(1);
		double width = max > min ? (max - min) / BINS : 1;
		double[] nominal = new double[BINS], defective = new double[BINS], centres = new double[BINS];
		int defects = 0;
		for (int i = 0; i < scores.length; i++) {
			int bin = Math.min(BINS - 1, (int) ((scores[i] - min) / width));
			if (labels[i]) defective[bin]++;
			else nominal[bin]++;
			if (labels[i]) defects++;
		}
		for (int b = 0; b < BINS; b++) centres[b] = min + (b + 0.5) * width;
		double top = Math.max(Arrays.stream(nominal).max().orElse(1), Arrays.stream(defective).max().orElse(1));
		Plot plot = new Plot(title, "image score", count);
		plot.setColor(Color.BLUE);
		plot.addPoints(centres, nominal, Plot.BAR);
		StringBuilder legend = new StringBuilder(String.format(Locale.ROOT, "nominal (%d)", scores.length - defects));
		if (defectiveBars) {
			plot.setColor(Color.RED);
			plot.addPoints(centres, defective, Plot.BAR);
			legend.append(String.format(Locale.ROOT, "%ndefective (%d)", defects));
		}
		for (Line line : lines) {
			plot.setColor(line.color());
			plot.addPoints(new double[] {line.score(), line.score()}, new double[] {0, top}, Plot.LINE);
			legend.append(String.format(Locale.ROOT, "%n%s %.4g", line.name(), line.score()));
		}
		plot.setColor(Color.BLACK);
		plot.addLegend(legend.toString());
		return plot.getImagePlus();
	}
}
