package org.npad.fiji;

/**
 * The colour scale of heatmaps, tied to the pixel threshold so that colours mean the same on every
 * image: half the threshold and below are transparent (or the darkest colour), the threshold sits in
 * the middle of the scale, 1.5 times the threshold and above are the brightest. A scale relative to
 * each image's own range would paint a perfectly nominal image as hot as a defective one.
 *
 * @param low  the value shown as index 0
 * @param high the value shown as index 255
 */
public record HeatScale(double low, double high) {

	public HeatScale {
		if (!(high > low)) throw new IllegalArgumentException("heat scale needs low < high, got " + low + ", " + high);
	}

	public static HeatScale around(double pixelThreshold) {
		return new HeatScale(0.5 * pixelThreshold, 1.5 * pixelThreshold);
	}

	/** 0..255 for a map value; 0 for NaN. */
	public int index(float value) {
		if (Float.isNaN(value)) return 0;
		double t = (value - low) / (high - low);
		return (int) Math.round(255 * Math.min(1, Math.max(0, t)));
	}
}
