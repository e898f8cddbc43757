package org.npad.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;

import java.util.Arrays;
import java.util.Random;

/**
 * Lloyd's k-means on tensors, for the centroid bank. Assignments are batched distance matrices
 * (||x||^2 - 2 x.c + ||c||^2) and updates one-hot matrix products, so each iteration is a few
 * large matrix multiplications on the data's device.
 */
public final class KMeans {

	/** How the first centroids are chosen. */
	public enum Start {
		/** k-means++ (D^2 sampling): better spread, k sequential steps. */
		PLUS_PLUS,
		/** k distinct vectors drawn uniformly: one step; enough when k is a tenth of the data. */
		SAMPLE
	}

	private static final long DISTANCE_ELEMENTS = 1L << 24;

	private KMeans() {
	}

	/**
	 * @param x          n x d
	 * @param k          number of centroids, 1 ≤ k ≤ n
	 * @param iterations cap on Lloyd iterations; stops earlier when no assignment changes
	 * @return k x d centroids, in x's manager
	 */
	public static NDArray fit(NDArray x, int k, int iterations, long seed, Start start) {
		int n = (int) x.getShape().get(0);
		if (k < 1 || k > n) throw new IllegalArgumentException("k must be in 1.." + n + ", got " + k);
		NDManager manager = x.getManager();
		NDArray centroids = start == Start.PLUS_PLUS ? plusPlus(x, k, new Random(seed)) : sample(x, k, new Random(seed));
		long[] previous = null;
		for (int it = 0; it < iterations; it++) {
			try (NDScope scope = new NDScope()) {
				long[] assignment = nearest(x, centroids).toLongArray();
				if (Arrays.equals(assignment, previous)) break;
				previous = assignment;
				NDArray oneHot = manager.create(assignment).reshape(-1, 1)
						.eq(manager.arange(0, k, 1, DataType.INT64).reshape(1, -1)).toType(DataType.FLOAT32, false); // n x k
				NDArray counts = oneHot.sum(new int[] {0}).reshape(-1, 1);
				NDArray sums = oneHot.transpose().matMul(x);
				NDArray empty = counts.eq(0).toType(DataType.FLOAT32, false);
				// an empty cluster keeps its old centroid
				NDArray updated = sums.div(counts.maximum(1)).mul(empty.neg().add(1)).add(centroids.mul(empty));
				NDScope.unregister(updated);
				centroids.close();
				centroids = updated;
			}
		}
		return centroids;
	}

	/** Index of the nearest centroid for each row of x. */
	public static NDArray nearest(NDArray x, NDArray centroids) {
		return squaredDistances(x, centroids).argMin(1);
	}

	/** n x k squared Euclidean distances. */
	public static NDArray squaredDistances(NDArray x, NDArray centroids) {
		return squaredDistances(x, centroids, centroids.square().sum(new int[] {1}).expandDims(0));
	}

	/** The same with the centroids' squared norms (1 x k) given, for a bank that is queried often. */
	static NDArray squaredDistances(NDArray x, NDArray centroids, NDArray centroidNorms) {
		NDArray x2 = x.square().sum(new int[] {1}, true);
		return x2.sub(x.matMul(centroids.transpose()).mul(2)).add(centroidNorms).maximum(0);
	}

	/** Smallest Euclidean distance of each row of x to any centroid, in chunks of centroids that bound the temporaries. */
	static NDArray nearestDistances(NDArray x, NDArray centroids, NDArray centroidNorms) {
		long k = centroids.getShape().get(0);
		long rows = Math.max(1, DISTANCE_ELEMENTS / Math.max(1, x.getShape().get(0)));
		NDArray best = null;
		for (long from = 0; from < k; from += rows) {
			long to = Math.min(k, from + rows);
			NDIndex range = new NDIndex(from + ":" + to);
			NDArray part = squaredDistances(x, centroids.get(range), centroidNorms.get(new NDIndex(":, " + from + ":" + to))).min(new int[] {1});
			best = best == null ? part : best.minimum(part);
		}
		return best.sqrt();
	}

	private static NDArray sample(NDArray x, int k, Random random) {
		int n = (int) x.getShape().get(0);
		long[] index = new long[k];
		int[] order = new int[n];
		for (int i = 0; i < n; i++) order[i] = i;
		for (int i = 0; i < k; i++) { // partial Fisher-Yates
			int j = i + random.nextInt(n - i);
			int t = order[i]; order[i] = order[j]; order[j] = t;
			index[i] = order[i];
		}
		return x.get(x.getManager().create(index));
	}

	private static NDArray plusPlus(NDArray x, int k, Random random) {
		int n = (int) x.getShape().get(0);
		long[] chosen = new long[k];
		chosen[0] = random.nextInt(n);
		float[] best = null;
		for (int c = 1; c < k; c++) {
			float[] d2;
			try (NDScope scope = new NDScope()) {
				NDArray last = x.get(new NDIndex(chosen[c - 1] + ":" + (chosen[c - 1] + 1)));
				d2 = x.sub(last).square().sum(new int[] {1}).toFloatArray();
			}
			if (best == null) best = d2;
			else for (int i = 0; i < n; i++) best[i] = Math.min(best[i], d2[i]);
			double total = 0;
			for (float v : best) total += v;
			double target = random.nextDouble() * total;
			int pick = n - 1;
			for (int i = 0; i < n; i++) {
				target -= best[i];
				if (target < 0) { pick = i; break; }
			}
			chosen[c] = pick;
		}
		return x.get(x.getManager().create(chosen));
	}
}
