package org.npad.method;

import java.util.Random;

/**
 * A seeded semi-orthogonal projection of all backbone channels onto d directions, the alternative
 * to keeping d of them (Kim et al. 2021, "Semi-orthogonal embedding for efficient unsupervised
 * anomaly segmentation"). A random subset drops most channels; orthonormal random directions keep a
 * share of every channel and, being orthonormal, neither stretch nor fold the feature space, so the
 * Gaussians see the same geometry at a fraction of its dimension. The matrix is not stored in a
 * model file: the seed makes it again, bit for bit (Java's Random and strict double arithmetic).
 */
public final class ChannelProjection {

	private ChannelProjection() {
	}

	/**
	 * Modified Gram-Schmidt on a seeded Gaussian matrix: the columns are orthonormal.
	 *
	 * @return total x d, row-major
	 */
	public static float[] semiOrthogonal(int total, int d, long seed) {
		if (d < 1 || d > total) throw new IllegalArgumentException("cannot project " + total + " channels onto " + d + " orthonormal directions");
		Random random = new Random(seed);
		double[][] columns = new double[d][total];
		for (int k = 0; k < d; k++) {
			double[] v = columns[k];
			for (int c = 0; c < total; c++) v[c] = random.nextGaussian();
			for (int j = 0; j < k; j++) {
				double dot = dot(v, columns[j]);
				for (int c = 0; c < total; c++) v[c] -= dot * columns[j][c];
			}
			double norm = Math.sqrt(dot(v, v));
			for (int c = 0; c < total; c++) v[c] /= norm;
		}
		float[] matrix = new float[total * d];
		for (int c = 0; c < total; c++)
			for (int k = 0; k < d; k++) matrix[c * d + k] = (float) columns[k][c];
		return matrix;
	}

	private static double dot(double[] a, double[] b) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
		return sum;
	}
}
