package org.npad.image;

import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.FloatProcessor;
import ij.process.ImageProcessor;
import ij.process.ShortProcessor;

/**
 * A slice after intensity mapping, at full resolution: one plane for gray images, three (R, G, B) for
 * colour, values 0-255. Mapping comes before any resampling so that min-max uses the whole image (the
 * same for every tile) and window clamping acts on raw values. Raw stored values are used: ImageJ
 * calibration functions, display ranges and lookup tables are ignored, as they are display choices.
 *
 * @param width  slice width
 * @param height slice height
 * @param planes one or three row-major planes
 */
record IntensityPlanes(int width, int height, float[][] planes) {

	static IntensityPlanes of(ImageProcessor ip, Preprocessing settings) {
		float[][] raw = rawPlanes(ip);
		IntensityMapping mapping = settings.intensityMapping();
		double low;
		double high;
		switch (mapping) {
			case TYPE_RANGE -> {
				if (ip instanceof FloatProcessor) {
					throw new IllegalArgumentException("a 32-bit image has no type range to scale by: "
							+ "use intensity_mapping min_max or fixed_window");
				}
				low = 0;
				high = ip instanceof ShortProcessor ? 65535 : 255;
			}
			case MIN_MAX -> {
				low = Double.POSITIVE_INFINITY;
				high = Double.NEGATIVE_INFINITY;
				for (float[] plane : raw) {
					for (float v : plane) {
						if (v < low) low = v;
						if (v > high) high = v;
					}
				}
			}
			case FIXED_WINDOW -> {
				low = settings.windowLow();
				high = settings.windowHigh();
			}
			default -> throw new IllegalStateException("unhandled intensity mapping " + mapping);
		}
		for (float[] plane : raw) stretch(plane, low, high);
		return new IntensityPlanes(ip.getWidth(), ip.getHeight(), raw);
	}

	/** low..high to 0..255, clamped; a flat image (high <= low, or no finite value) and NaN become 0. */
	private static void stretch(float[] plane, double low, double high) {
		boolean flat = !(high > low) || !Double.isFinite(high - low);
		double scale = flat ? 0 : 255.0 / (high - low);
		for (int i = 0; i < plane.length; i++) {
			double v = (plane[i] - low) * scale;
			plane[i] = flat || Double.isNaN(v) ? 0f : (float) Math.min(255, Math.max(0, v));
		}
	}

	private static float[][] rawPlanes(ImageProcessor ip) {
		int n = ip.getWidth() * ip.getHeight();
		if (ip instanceof ByteProcessor) {
			byte[] p = (byte[]) ip.getPixels();
			float[] f = new float[n];
			for (int i = 0; i < n; i++) f[i] = p[i] & 0xff;
			return new float[][] {f};
		}
		if (ip instanceof ShortProcessor) {
			short[] p = (short[]) ip.getPixels();
			float[] f = new float[n];
			for (int i = 0; i < n; i++) f[i] = p[i] & 0xffff;
			return new float[][] {f};
		}
		if (ip instanceof FloatProcessor) {
			return new float[][] {((float[]) ip.getPixels()).clone()};
		}
		if (ip instanceof ColorProcessor) {
			int[] p = (int[]) ip.getPixels();
			float[] r = new float[n];
			float[] g = new float[n];
			float[] b = new float[n];
			for (int i = 0; i < n; i++) {
				r[i] = (p[i] >> 16) & 0xff;
				g[i] = (p[i] >> 8) & 0xff;
				b[i] = p[i] & 0xff;
			}
			return new float[][] {r, g, b};
		}
		throw new IllegalArgumentException("unsupported image type " + ip.getClass().getSimpleName());
	}
}
