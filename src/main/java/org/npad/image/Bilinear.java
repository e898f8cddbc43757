package org.npad.image;

/**
 * Bilinear resampling as PyTorch's {@code interpolate(mode="bilinear", align_corners=False)} does it:
 * pixel centres at half-integers, so output sample i reads source coordinate
 * {@code (i + 0.5) * in / out - 0.5} (pixel centres at integers). Two variants:
 * <ul>
 * <li>plain ({@code antialias=False}): the two neighbouring pixels, coordinates outside the first/last
 * pixel centre take the edge value; shrinking by more than 2 skips pixels and aliases;</li>
 * <li>antialiased ({@code antialias=True}, also what PIL's BILINEAR resize and torchvision's Resize
 * do): when shrinking by a factor s > 1 the triangle filter is stretched to half-width s, so every
 * source pixel contributes; weights are cut at the image border and renormalised. When enlarging
 * (s <= 1) it is exactly the plain variant.</li>
 * </ul>
 * Weights are computed per axis and applied separably.
 */
final class Bilinear {

	private Bilinear() {}

	/** For each output sample along one axis: {@code taps} source indices and their weights (summing to 1). */
	record Weights(int taps, int[] index, float[] weight) {

		int size() {
			return index.length / taps;
		}

		int minIndex() {
			int m = Integer.MAX_VALUE;
			for (int i : index) m = Math.min(m, i);
			return m;
		}

		int maxIndex() {
			int m = Integer.MIN_VALUE;
			for (int i : index) m = Math.max(m, i);
			return m;
		}
	}

	/**
	 * Plain bilinear weights.
	 *
	 * @param positions continuous source coordinates (pixel centres at integers)
	 * @param min       first valid source index; smaller coordinates take its value
	 * @param max       last valid source index; larger coordinates take its value
	 */
	static Weights plain(double[] positions, int min, int max) {
		int n = positions.length;
		int[] index = new int[2 * n];
		float[] weight = new float[2 * n];
		for (int i = 0; i < n; i++) {
			double p = Math.min(Math.max(positions[i], min), max);
			int lo = (int) Math.floor(p);
			float f = (float) (p - lo);
			index[2 * i] = lo;
			index[2 * i + 1] = Math.min(lo + 1, max);
			weight[2 * i] = 1 - f;
			weight[2 * i + 1] = f;
		}
		return new Weights(2, index, weight);
	}

	/**
	 * Antialiased weights: source pixel j gets 1 - |j - p| / s for |j - p| < s, s = max(1, scale);
	 * pixels outside min..max are dropped and the rest renormalised. Coordinates are not clamped (as in
	 * PyTorch), so they must lie within s of a valid pixel.
	 *
	 * @param scale source pixels per output sample along this axis
	 */
	static Weights antialiased(double[] positions, double scale, int min, int max) {
		if (scale <= 1) return plain(positions, min, max);
		int n = positions.length;
		int taps = (int) Math.ceil(2 * scale) + 1;
		int[] index = new int[taps * n];
		float[] weight = new float[taps * n];
		for (int i = 0; i < n; i++) {
			double p = positions[i];
			int first = Math.max(min, (int) Math.floor(p - scale) + 1);
			int last = Math.min(max, (int) Math.ceil(p + scale) - 1);
			double total = 0;
			for (int j = first; j <= last; j++) total += 1 - Math.abs(j - p) / scale;
			if (!(total > 0)) throw new IllegalArgumentException("no source pixel within " + scale + " of coordinate " + p);
			for (int t = 0; t < taps; t++) {
				int j = first + t;
				index[i * taps + t] = j <= last ? j : first; // unused taps: weight 0
				weight[i * taps + t] = j <= last ? (float) ((1 - Math.abs(j - p) / scale) / total) : 0;
			}
		}
		return new Weights(taps, index, weight);
	}

	/** The interpolated value of {@code src} (row length {@code width}) at sample (i, j). */
	static float value(float[] src, int width, Weights xs, int i, Weights ys, int j) {
		float sum = 0;
		for (int a = 0; a < ys.taps; a++) {
			float wy = ys.weight[j * ys.taps + a];
			if (wy == 0) continue;
			int row = ys.index[j * ys.taps + a] * width;
			float line = 0;
			for (int b = 0; b < xs.taps; b++) line += xs.weight[i * xs.taps + b] * src[row + xs.index[i * xs.taps + b]];
			sum += wy * line;
		}
		return sum;
	}

	/** A new row-major array of xs.size() x ys.size() values: rows first, then columns. */
	static float[] resample(float[] src, int width, Weights xs, Weights ys) {
		int w = xs.size();
		int h = ys.size();
		int top = ys.minIndex();
		int rows = ys.maxIndex() - top + 1;
		float[] horizontal = new float[rows * w];
		for (int r = 0; r < rows; r++) {
			int offset = (top + r) * width;
			for (int i = 0; i < w; i++) {
				float s = 0;
				for (int b = 0; b < xs.taps; b++) s += xs.weight[i * xs.taps + b] * src[offset + xs.index[i * xs.taps + b]];
				horizontal[r * w + i] = s;
			}
		}
		float[] out = new float[w * h];
		for (int j = 0; j < h; j++) {
			for (int i = 0; i < w; i++) {
				float s = 0;
				for (int a = 0; a < ys.taps; a++) s += ys.weight[j * ys.taps + a] * horizontal[(ys.index[j * ys.taps + a] - top) * w + i];
				out[j * w + i] = s;
			}
		}
		return out;
	}
}
