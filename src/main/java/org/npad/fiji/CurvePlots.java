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
 * image scores of nominal and defective images with the thresholds; the nominal scores a
 * calibration took its threshold from; and a batch's scores split by its decisions.
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
		return histograms(title, "test images", scores, labels, new Bars("nominal", "defective"), lines);
	}

	/**
	 * The nominal images' scores that a threshold was calibrated on, with the threshold: whether it
	 * sits just above the bulk of them or far out in a tail, which a percentile alone does not show.
	 */
	static ImagePlus calibration(double[] nominalScores, double threshold, double percentile, String title) {
		String name = String.format(Locale.ROOT, "image threshold (percentile %.4g)", percentile);
		return histograms(title, "nominal images", nominalScores, new boolean[nominalScores.length], new Bars("nominal", null),
				List.of(new Line(name, threshold, Color.MAGENTA)));
	}

	/**
	 * The image scores of a batch of unlabelled images, split by their decisions, with the image
	 * threshold the rows share: whether the anomalous calls stand far out or sit in a tail just past the
	 * threshold, where a slightly other threshold would change many of them.
	 */
	static ImagePlus decisions(List<DetectionRow> rows, String title) {
		double[] scores = new double[rows.size()];
		boolean[] anomalous = new boolean[rows.size()];
		for (int i = 0; i < scores.length; i++) {
			scores[i] = rows.get(i).score();
			anomalous[i] = rows.get(i).anomalous();
		}
		return histograms(title, "images", scores, anomalous, new Bars("called nominal", "called anomalous"),
				List.of(new Line("image threshold", rows.get(0).threshold(), Color.MAGENTA)));
	}

	/** The legend names of the bars of unmarked and of marked scores; no bars of marked scores where the second is null. */
	private record Bars(String unmarked, String marked) {}

	/** A vertical line across the histograms at a score. */
	private record Line(String name, double score, Color color) {}

	/** Unmarked (and, if asked, marked) scores as bars on BINS shared bins, then the lines; the legend says which is which. */
	private static ImagePlus histograms(String title, String count, double[] scores, boolean[] marks, Bars bars, List<Line> lines) {
		double min = Arrays.stream(scores).min().orElse(0), max = Arrays.stream(scores).max().orElse(1);
		double width = max > min ? (max - min) / BINS : 1;
		double[] unmarked = new double[BINS], marked = new double[BINS], centres = new double[BINS];
		int markedCount = 0;
		for (int i = 0; i < scores.length; i++) {
			int bin = Math.min(BINS - 1, (int) ((scores[i] - min) / width));
			if (marks[i]) marked[bin]++;
			else unmarked[bin]++;
			if (marks[i]) markedCount++;
		}
		for (int b = 0; b < BINS; b++) centres[b] = min + (b + 0.5) * width;
		double top = Math.max(Arrays.stream(unmarked).max().orElse(1), Arrays.stream(marked).max().orElse(1));
		Plot plot = new Plot(title, "image score", count);
		plot.setColor(Color.BLUE);
		plot.addPoints(centres, unmarked, Plot.BAR);
		StringBuilder legend = new StringBuilder(String.format(Locale.ROOT, "%s (%d)", bars.unmarked(), scores.length - markedCount));
		if (bars.marked() != null) {
			plot.setColor(Color.RED);
			plot.addPoints(centres, marked, Plot.BAR);
			legend.append(String.format(Locale.ROOT, "%n%s (%d)", bars.marked(), markedCount));
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
