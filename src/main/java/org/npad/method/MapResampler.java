package org.npad.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;

/**
 * Brings feature-resolution maps to image resolution: bilinear upsampling (align_corners = false,
 * as torch's interpolate) followed by a Gaussian blur (scipy's gaussian_filter: reflect border,
 * kernel truncated at 4 sigma). Both are linear and separable, so each axis is one small matrix and
 * a whole batch of maps is two matrix products: out = R_y M R_x^T.
 */
public final class MapResampler {

	private final float[] rows;    // outH x inH
	private final float[] columns; // outW x inW
	private final int inHeight, inWidth, outHeight, outWidth;

	public MapResampler(int inHeight, int inWidth, int outHeight, int outWidth, double sigma) {
		this.inHeight = inHeight;
		this.inWidth = inWidth;
		this.outHeight = outHeight;
		this.outWidth = outWidth;
		this.rows = multiply(gaussian(outHeight, sigma), bilinear(inHeight, outHeight), outHeight, outHeight, inHeight);
		this.columns = multiply(gaussian(outWidth, sigma), bilinear(inWidth, outWidth), outWidth, outWidth, inWidth);
	}

	/** @param maps N x inH x inW; returns N x outH x outW */
	public NDArray apply(NDArray maps) {
		NDManager m = maps.getManager();
		NDArray ry = m.create(rows).reshape(outHeight, inHeight);
		NDArray rx = m.create(columns).reshape(outWidth, inWidth);
		NDArray out = ry.matMul(maps).matMul(rx.transpose());
		ry.close();
		rx.close();
		return out;
	}

	/** out x in interpolation matrix of align_corners = false bilinear resizing. */
	static float[] bilinear(int in, int out) {
		float[] m = new float[out * in];
		double scale = (double) in / out;
		for (int i = 0; i < out; i++) {
			double src = Math.max(0, (i + 0.5) * scale - 0.5);
			int i0 = Math.min((int) Math.floor(src), in - 1);
			int i1 = Math.min(i0 + 1, in - 1);
			double t = src - i0;
			m[i * in + i0] += (float) (1 - t);
			m[i * in + i1] += (float) t;
		}
		return m;
	}

	/** n x n blur matrix; the identity for sigma = 0. */
	static float[] gaussian(int n, double sigma) {
		float[] m = new float[n * n];
		if (sigma <= 0) {
			for (int i = 0; i < n; i++) m[i * n + i] = 1;
			return m;
		}
		int radius = (int) (4 * sigma + 0.5);
		double[] kernel = new double[2 * radius + 1];
		double total = 0;
		for (int j = -radius; j <= radius; j++) total += kernel[j + radius] = Math.exp(-0.5 * j * j / (sigma * sigma));
		for (int i = 0; i < n; i++)
			for (int j = -radius; j <= radius; j++)
				m[i * n + reflect(i + j, n)] += (float) (kernel[j + radius] / total);
		return m;
	}

	/** scipy's "reflect" (d c b a | a b c d | d c b a), repeated for kernels wider than the map. */
	static int reflect(int i, int n) {
		int period = 2 * n;
		int m = ((i % period) + period) % period;
		return m < n ? m : period - 1 - m;
	}

	private static float[] multiply(float[] a, float[] b, int rows, int inner, int columns) {
		float[] c = new float[rows * columns];
		for (int i = 0; i < rows; i++)
			for (int k = 0; k < inner; k++) {
				float v = a[i * inner + k];
				if (v == 0) continue;
				for (int j = 0; j < columns; j++) c[i * columns + j] += v * b[k * columns + j];
			}
		return c;
	}

	public int outHeight() {
		return outHeight;
	}

	public int outWidth() {
		return outWidth;
	}

	public int inHeight() {
		return inHeight;
	}

	public int inWidth() {
		return inWidth;
	}
}
