package org.npad.fiji;

import ij.ImagePlus;
import ij.ImageStack;
import ij.measure.Calibration;
import ij.plugin.LutLoader;
import ij.process.ByteProcessor;
import ij.process.FloatProcessor;
import ij.process.LUT;

import java.util.List;

/**
 * The images detection makes for the user: the 32-bit anomaly heatmap (the detection map itself,
 * NaN where the network saw nothing) and the binary mask (255 where anomalous), one slice per
 * detected image, with the original's spatial calibration (the first detection's: the slices of one
 * image share it) so measurements stay in its units.
 */
final class HeatmapImages {

	private HeatmapImages() {
	}

	static ImagePlus heatmap(List<ImageVerdict> verdicts, String title) {
		ImageStack stack = new ImageStack(verdicts.get(0).detection().width(), verdicts.get(0).detection().height());
		for (ImageVerdict v : verdicts) {
			FloatProcessor fp = new FloatProcessor(v.detection().width(), v.detection().height(), v.detection().map().clone());
			stack.addSlice(v.detection().name(), fp);
		}
		ImagePlus imp = new ImagePlus(title, stack);
		HeatScale scale = HeatScale.around(verdicts.get(0).thresholds().pixel());
		imp.setLut(new LUT(LutLoader.getLut("fire"), scale.low(), scale.high()));
		imp.setDisplayRange(scale.low(), scale.high());
		imp.setCalibration(calibration(verdicts));
		return imp;
	}

	static ImagePlus mask(List<ImageVerdict> verdicts, String title) {
		ImageStack stack = new ImageStack(verdicts.get(0).detection().width(), verdicts.get(0).detection().height());
		for (ImageVerdict v : verdicts) stack.addSlice(v.detection().name(), mask(v));
		ImagePlus imp = new ImagePlus(title, stack);
		imp.setCalibration(calibration(verdicts));
		return imp;
	}

	private static Calibration calibration(List<ImageVerdict> verdicts) {
		return verdicts.get(0).detection().calibration().copy();
	}

	static ByteProcessor mask(ImageVerdict v) {
		boolean[] mask = v.mask();
		byte[] pixels = new byte[mask.length];
		for (int i = 0; i < mask.length; i++) pixels[i] = mask[i] ? (byte) 255 : 0;
		return new ByteProcessor(v.detection().width(), v.detection().height(), pixels);
	}
}
