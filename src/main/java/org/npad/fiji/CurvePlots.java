package org.npad.fiji;

import ij.ImagePlus;
import ij.gui.Plot;
import org.npad.metrics.Pro;
import org.npad.metrics.Roc;

import java.awt.Color;
import java.util.Locale;

/** The evaluation's curves as ImageJ plots: the image and pixel ROC together, and the PRO curve. */
final class CurvePlots {

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
}
