package org.npad.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/**
 * Bilinear resizing by PyTorch's {@code align_corners=false} rule, the one the N-pad paper's code
 * uses to bring taps to a common grid: output pixel i samples the input at
 * {@code (i + 0.5) * in / out - 0.5}, clamped at the borders.
 *
 * <p>Resizing is separable and linear, so it is two small matrix products:
 * {@code out = R . x . C^T} with R (out_h x in_h) and C (out_w x in_w). That is exact, runs on any
 * engine and device through {@code matMul}, and needs no engine-specific interpolation call.
 */
public final class BilinearResize {

	private BilinearResize() {}

	/**
	 * @param x      ... x h x w (any leading dimensions, e.g. N x C x h x w)
	 * @return ... x height x width, on x's manager
	 */
	public static NDArray resize(NDArray x, int height, int width) {
		Shape shape = x.getShape();
		int dims = shape.dimension();
		if (dims < 2) throw new IllegalArgumentException("resize needs at least 2 dimensions, got " + shape);
		int h = (int) shape.get(dims - 2), w = (int) shape.get(dims - 1);
		NDManager manager = x.getManager();
		try (NDArray columnsT = manager.create(transpose(matrix(w, width), width, w), new Shape(w, width));
				NDArray rows = manager.create(matrix(h, height), new Shape(height, h));
				NDArray widened = x.matMul(columnsT)) {
			return rows.matMul(widened);
		}
	}

	/**
	 * The out x in matrix (row-major) of 1-D linear interpolation: row i holds the weights of the two
	 * input samples around {@code max(0, (i + 0.5) * in / out - 0.5)}.
	 */
	static float[] matrix(int in, int out) {
		if (in < 1 || out < 1) throw new IllegalArgumentException("sizes must be positive: " + in + " -> " + out);
		float[] m = new float[out * in];
		double scale = (double) in / out;
		for (int i = 0; i < out; i++) {
			double source = Math.max(0, (i + 0.5) * scale - 0.5);
			int lower = Math.min((int) source, in - 1);
			int upper = Math.min(lower + 1, in - 1);
			double fraction = source - lower;
			if (lower == in - 1) fraction = 0;
			m[i * in + lower] += (float) (1 - fraction);
			m[i * in + upper] += (float) fraction;
		}
		return m;
	}

	private static float[] transpose(float[] m, int rows, int cols) {
		float[] t = new float[m.length];
		for (int r = 0; r < rows; r++)
			for (int c = 0; c < cols; c++) t[c * rows + r] = m[r * cols + c];
		return t;
	}
}
