package org.npad.image.sample;

import java.util.Random;

/**
 * A polished-metal surface as a microscope or line camera sees it: fine grain, a slow mottle, streaks
 * along the polishing direction, shallow machining grooves at a fixed period (whose phase shifts a little
 * from image to image) and an uneven illumination. Every step is seeded noise and separable Gaussian
 * filtering in {@link StrictMath}, so the same seed gives the same values on every JVM.
 */
final class SurfaceTexture {

	private static final double GROOVE_PERIOD = 9.5;

	private SurfaceTexture() {}

	/** A width x height row-major image with values around 120 and a spread of about 20 grey levels. */
	static float[] render(int width, int height, Random rng) {
		float[] grain = normalised(filteredNoise(width, height, 1.0, 1.0, rng));
		float[] mottle = normalised(filteredNoise(width, height, 9.0, 9.0, rng));
		float[] streaks = normalised(filteredNoise(width, height, 24.0, 0.8, rng));
		double base = 120 + 4 * rng.nextGaussian();
		double phase = rng.nextDouble() * GROOVE_PERIOD;
		double tilt = rng.nextDouble() * 2 * StrictMath.PI;
		double gradient = 0.06 + 0.1 * rng.nextDouble();
		float[] out = new float[width * height];
		for (int y = 0; y < height; y++) {
			double groove = 4 * StrictMath.sin(2 * StrictMath.PI * (y + phase) / GROOVE_PERIOD);
			for (int x = 0; x < width; x++) {
				int i = y * width + x;
				double light = 1 + gradient * (StrictMath.cos(tilt) * (x / (double) width - 0.5) + StrictMath.sin(tilt) * (y / (double) height - 0.5));
				out[i] = (float) (light * (base + 12 * grain[i] + 8 * mottle[i] + 7 * streaks[i] + groove));
			}
		}
		return out;
	}

	/**
	 * Gaussian-filtered white noise. The noise is drawn on a canvas larger by the kernel radius on every
	 * side and only fully filtered pixels are kept, so the border looks like the middle (padding by edge
	 * repetition would smear one noise value into long stripes).
	 */
	static float[] filteredNoise(int width, int height, double sigmaX, double sigmaY, Random rng) {
		double[] kx = kernel(sigmaX);
		double[] ky = kernel(sigmaY);
		int rx = kx.length / 2;
		int ry = ky.length / 2;
		int cw = width + 2 * rx;
		int chh = height + 2 * ry;
		float[] noise = new float[cw * chh];
		for (int i = 0; i < noise.length; i++) noise[i] = (float) rng.nextGaussian();
		float[] rows = new float[width * chh];
		for (int y = 0; y < chh; y++) {
			for (int x = 0; x < width; x++) {
				double s = 0;
				for (int k = 0; k < kx.length; k++) s += kx[k] * noise[y * cw + x + k];
				rows[y * width + x] = (float) s;
			}
		}
		float[] out = new float[width * height];
		for (int y = 0; y < height; y++) {
			for (int x = 0; x < width; x++) {
				double s = 0;
				for (int k = 0; k < ky.length; k++) s += ky[k] * rows[(y + k) * width + x];
				out[y * width + x] = (float) s;
			}
		}
		return out;
	}

	private static double[] kernel(double sigma) {
		int radius = (int) StrictMath.ceil(3 * sigma);
		double[] k = new double[2 * radius + 1];
		double sum = 0;
		for (int i = -radius; i <= radius; i++) {
			k[i + radius] = StrictMath.exp(-(i * i) / (2 * sigma * sigma));
			sum += k[i + radius];
		}
		for (int i = 0; i < k.length; i++) k[i] /= sum;
		return k;
	}

	/** Zero mean, unit standard deviation. */
	private static float[] normalised(float[] a) {
		double mean = 0;
		for (float v : a) mean += v;
		mean /= a.length;
		double var = 0;
		for (float v : a) var += (v - mean) * (v - mean);
		double sd = StrictMath.sqrt(var / a.length);
		for (int i = 0; i < a.length; i++) a[i] = (float) ((a[i] - mean) / sd);
		return a;
	}
}
