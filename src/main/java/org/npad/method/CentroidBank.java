package org.npad.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;

import java.util.ArrayList;
import java.util.List;

/**
 * The set C of eq. 13: centroids of the aggregated nominal features, against which the image score
 * measures how far a suspicious position lies from anything seen in training.
 *
 * <p>Exact k-means at ratio 0.1 needs all N H W aggregated vectors at once and K = 0.1 N H W
 * centroids: 2.4 million vectors and 239 thousand centroids on MTD, far beyond a laptop. The bank
 * is therefore built image by image: each image's H W vectors are reduced to ratio x H W centroids
 * (seeded sample start, a few Lloyd iterations), so the bank has exactly the paper's size, keeps
 * every image's patterns and costs memory and time linear in N. {@link #exact} is the global
 * k-means, kept to measure what the streaming bank changes.
 */
public final class CentroidBank implements AutoCloseable {

	private final NDArray centroids; // K x d
	private final NDArray squaredNorms; // 1 x K, kept: every image score needs them

	public CentroidBank(NDArray centroids) {
		this.centroids = centroids;
		this.squaredNorms = centroids.square().sum(new int[] {1}).expandDims(0);
		NDScope.unregister(squaredNorms);
	}

	public NDArray centroids() {
		return centroids;
	}

	public int size() {
		return (int) centroids.getShape().get(0);
	}

	/** Smallest Euclidean distance from each row of x (m x d) to the bank. */
	public NDArray nearestDistances(NDArray x) {
		return KMeans.nearestDistances(x, centroids, squaredNorms);
	}

	/** Global k-means++ / Lloyd over all vectors at once (n x d), K = max(1, round(ratio n)). */
	public static CentroidBank exact(NDArray vectors, NpadConfig config) {
		int n = (int) vectors.getShape().get(0);
		int k = centroidCount(n, config.centroidRatio());
		return new CentroidBank(KMeans.fit(vectors, k, config.kmeansIterations(), config.seed(), KMeans.Start.PLUS_PLUS));
	}

	static int centroidCount(long vectors, double ratio) {
		return (int) Math.max(1, Math.min(vectors, Math.round(ratio * vectors)));
	}

	@Override
	public void close() {
		centroids.close();
		squaredNorms.close();
	}

	/** Builds the bank image by image, see the class comment. */
	public static final class Builder implements AutoCloseable {

		private final NpadConfig config;
		private final NDManager manager;
		private final List<NDArray> parts = new ArrayList<>();
		private long images;

		public Builder(NpadConfig config, NDManager parent) {
			this.config = config;
			this.manager = parent.newSubManager();
		}

		/** @param aggregated P x N x d aggregated features (position-major) */
		public void add(NDArray aggregated) {
			long n = aggregated.getShape().get(1);
			for (int i = 0; i < n; i++) {
				try (NDScope scope = new NDScope()) {
					NDArray vectors = aggregated.get(":," + i + ",:").toType(DataType.FLOAT32, true);
					int k = centroidCount(vectors.getShape().get(0), config.centroidRatio());
					NDArray part = KMeans.fit(vectors, k, config.kmeansIterations(), config.seed() + images, KMeans.Start.SAMPLE);
					NDScope.unregister(part);
					part.attach(manager);
					parts.add(part);
				}
				images++;
			}
		}

		public CentroidBank build(NDManager owner) {
			if (parts.isEmpty()) throw new IllegalStateException("no feature maps were added to the centroid bank");
			NDArray all = parts.size() == 1 ? parts.get(0).duplicate() : ai.djl.ndarray.NDArrays.concat(new ai.djl.ndarray.NDList(parts));
			all.attach(owner);
			return new CentroidBank(all);
		}

		@Override
		public void close() {
			manager.close();
		}
	}
}
