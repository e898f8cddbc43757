package org.npad.image;

/**
 * Bilinear interpolation as PyTorch's {@code interpolate(mode="bilinear", align_corners=False,
 * antialias=False)} does it: pixel centres sit at half-integers, a source coordinate is
 * {@code (dst + 0.5) * in / out - 0.5}, coordinates outside the first/last pixel centre take the edge
 * value, and no low-pass filter is applied when shrinking (unlike PIL's resize, which averages). Split
 * per axis so that a 2D resample costs four look-ups per pixel and no trigonometry of indices.
 */
final class Bilinear {

	private Bilinear() {}

	/** For each output sample along one axis: the two source indices and the weight of the upper one. */
	record Weights(int[] lower, int[] upper, float[] fraction) {

		/**
		 * @param positions continuous source coordinates (pixel centres at integers)
		 * @param min       first valid source index; smaller coordinates take its value
		 * @param max       last valid source index; larger coordinates take its value
		 */
		static Weights of(double[] positions, int min, int max) {
			int n = positions.length;
			int[] lower = new int[n];
			int[] upper = new int[n];
			float[] fraction = new float[n];
			for (int i = 0; i < n; i++) {
				double p = Math.min(Math.max(positions[i], min), max);
				int lo = (int) Math.floor(p);
				lower[i] = lo;
				upper[i] = Math.min(lo + 1, max);
				fraction[i] = (float) (p - lo);
			}
			return new Weights(lower, upper, fraction);
		}

		int size() {
			return lower.length;
		}
	}

	/** The interpolated value of {@code src} (row length {@code width}) at sample (i, j). */
	static float value(float[] src, int width, Weights xs, int i, Weights ys, int j) {
		int r0 = ys.lower[j] * width;
		int r1 = ys.upper[j] * width;
		int c0 = xs.lower[i];
		int c1 = xs.upper[i];
		float fx = xs.fraction[i];
		float fy = ys.fraction[j];
		return (1 - fy) * ((1 - fx) * src[r0 + c0] + fx * src[r0 + c1])
				+ fy * ((1 - fx) * src[r1 + c0] + fx * src[r1 + c1]);
	}

	/** A new row-major array of xs.size() x ys.size() interpolated values. */
	static float[] resample(float[] src, int width, Weights xs, Weights ys) {
		int w = xs.size();
		int h = ys.size();
		float[] out = new float[w * h];
		for (int j = 0; j < h; j++) {
			for (int i = 0; i < w; i++) {
				out[j * w + i] = value(src, width, xs, i, ys, j);
			}
		}
		return out;
	}
}
