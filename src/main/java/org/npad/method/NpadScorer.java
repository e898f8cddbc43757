package org.npad.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;

import java.util.List;

/**
 * Inference of eq. 8-14 on a batch of feature maps: D1 (minimum Mahalanobis distance to the
 * neighbour Gaussians of module A), D2 (distance of the aggregated feature to module B), the pixel
 * map and the image score. Shifting (eq. 15) needs the images themselves and lives with the
 * pipeline that owns the backbone.
 */
public final class NpadScorer {

	private final NpadModel model;
	private final FeatureAggregation aggregation;
	private final Window inference;
	private final MapResampler resampler;

	/** @param outHeight rows of the output maps (the network input's), likewise outWidth */
	public NpadScorer(NpadModel model, int outHeight, int outWidth) {
		this.model = model;
		this.aggregation = new FeatureAggregation(model.config().trainNeighbourhood());
		this.inference = new Window(model.config().inferNeighbourhood());
		this.resampler = new MapResampler(model.height(), model.width(), outHeight, outWidth, model.config().smoothingSigma());
	}

	/** Features without patch taps, for configurations without a patch bank. */
	public ScoredBatch score(NDArray features) {
		return score(new FeatureMaps(features, null));
	}

	/**
	 * With a patch bank the pixel map is the geometric mean of N-pad's map and the patch distance
	 * map (scale-free: neither map's unit matters to the ranking); the image score stays N-pad's,
	 * which detected anomalous images better than either the patch map or the mean (docs/benchmarks.md).
	 *
	 * @param maps N x d x H x W features of the kept channels, and the patch taps where the configuration uses a patch bank
	 */
	public ScoredBatch score(FeatureMaps maps) {
		NDArray features = maps.kept();
		Shape s = features.getShape();
		NpadConfig config = model.config();
		if (s.dimension() != 4 || s.get(1) != model.config().channels() || s.get(2) != model.height() || s.get(3) != model.width())
			throw new IllegalArgumentException("the model expects N x " + model.config().channels() + " x " + model.height()
					+ " x " + model.width() + " features, got " + s);
		try (NDScope scope = new NDScope()) {
			// what this configuration uses, not what the model holds: an inference variant of a fuller
			// model (d1 alone, say) leaves the other module unused
			NDArray e = FeatureLayout.positionMajor(features);
			NDArray phi = NpadModel.needsModuleB(config) || NpadModel.needsBank(config)
					? FeatureLayout.positionMajor(aggregation.apply(features)) : null;
			NDArray d1 = NpadModel.needsModuleA(config) ? neighbourhoodDistances(e) : null;      // P x N
			NDArray d2 = NpadModel.needsModuleB(config) ? distances(model.moduleB(), phi) : null; // P x N
			NDArray pixel = switch (config.pixelMap()) {
				case FUSED -> d1.mul(d2).sqrt();
				case D1 -> d1;
				case D2 -> d2;
			};
			int h = model.height(), w = model.width();
			NDArray npadMaps = resampler.apply(pixel.transpose().reshape(-1, h, w)); // N x outH x outW
			NDArray image = switch (config.imageScore()) {
				case MAX_PIXEL -> npadMaps.reshape(npadMaps.getShape().get(0), -1).max(new int[] {1});
				case TOP_PIXELS -> topPixelMeans(npadMaps);
				case TOP_K_CENTROID -> topKCentroidScores(d1 != null ? d1 : pixel, phi);
			};
			NDArray pixelMaps = NpadModel.needsPatches(config) ? npadMaps.mul(patchMaps(maps.patches())).sqrt() : npadMaps;
			return new ScoredBatch(image.toFloatArray(), pixelMaps.toFloatArray(), resampler.outHeight(), resampler.outWidth());
		}
	}

	/** Per map, the mean of its top_pixel_percent highest pixels (at least one). */
	private NDArray topPixelMeans(NDArray maps) {
		NDArray flat = maps.reshape(maps.getShape().get(0), -1);
		long pixels = flat.getShape().get(1);
		int k = (int) Math.max(1, Math.min(pixels, Math.round(model.config().topPixelPercent() / 100 * pixels)));
		return flat.topK(k, 1, true, false).get(0).mean(new int[] {1});
	}

	/** The patch distances brought to the output size and smoothed as N-pad's map. */
	private NDArray patchMaps(NDArray taps) {
		if (taps == null) throw new IllegalArgumentException("patch_bank = " + model.config().patchBank() + " needs the patch taps");
		Shape t = taps.getShape();
		MapResampler patchResampler = new MapResampler((int) t.get(2), (int) t.get(3), resampler.outHeight(), resampler.outWidth(),
				model.config().smoothingSigma());
		return patchResampler.apply(model.patches().distances(taps));
	}

	/**
	 * D1 of eq. 9: for each test position p, the minimum over the q-window neighbours a of the
	 * distance to Gaussian a. Organised by Gaussian, so that each precision matrix is read once for
	 * all test positions that use it: Gaussian a serves p = a - o for every window offset o.
	 */
	private NDArray neighbourhoodDistances(NDArray e) {
		PositionGaussians g = model.moduleA();
		int h = model.height(), w = model.width(), positions = h * w;
		List<int[]> offsets = inference.offsets();
		int k = offsets.size();
		long n = e.getShape().get(1), d = e.getShape().get(2);
		NDManager manager = e.getManager();
		if (k == 1) return distances(g, e);

		long[] source = new long[positions * k];   // for Gaussian a and offset o: test position a - o
		long[] back = new long[positions * k];     // for test position p and offset o: row (p + o) * k + o
		float[] outside = new float[positions * k];
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				for (int o = 0; o < k; o++) {
					int dy = offsets.get(o)[0], dx = offsets.get(o)[1];
					int row = (y * w + x) * k + o;
					int sy = y - dy, sx = x - dx;
					source[row] = sy >= 0 && sy < h && sx >= 0 && sx < w ? sy * w + sx : 0;
					int ay = y + dy, ax = x + dx;
					boolean inside = ay >= 0 && ay < h && ax >= 0 && ax < w;
					back[row] = inside ? (long) (ay * w + ax) * k + o : 0;
					outside[row] = inside ? 0 : Float.POSITIVE_INFINITY;
				}
		NDArray gathered = e.get(manager.create(source)).reshape(positions, k * n, d);
		NDArray squared = g.squaredDistances(gathered).reshape((long) positions * k, n);
		NDArray perOffset = squared.get(manager.create(back)).add(manager.create(outside).reshape(-1, 1));
		return perOffset.reshape(positions, k, n).min(new int[] {1}).sqrt();
	}

	/** Mahalanobis distance of x (P x N x d) to the Gaussian of its own position: P x N. */
	private static NDArray distances(PositionGaussians g, NDArray x) {
		return g.squaredDistances(x).sqrt();
	}

	/**
	 * Eq. 12-14: Q = the k largest values of the D1 map, E = distances from the aggregated features
	 * at those positions to the nearest centroid; both sorted ascending, score = sum Q_i E_i.
	 */
	private NDArray topKCentroidScores(NDArray d1, NDArray phi) {
		long positions = d1.getShape().get(0), n = d1.getShape().get(1);
		int k = (int) Math.min(model.config().topK(), positions);
		NDList top = d1.transpose().topK(k, 1, true, true); // values, indices: N x k
		NDArray q = top.get(0);
		NDArray index = top.get(1);
		NDArray images = phi.getManager().arange(n).reshape(-1, 1).repeat(1, k);
		NDArray rows = index.mul(n).add(images).flatten(); // row of (position, image) in P*N
		NDArray vectors = phi.reshape(positions * n, -1).get(rows);
		NDArray nearest = model.bank().nearestDistances(vectors).reshape(n, k);
		return q.sort(1).mul(nearest.sort(1)).sum(new int[] {1});
	}
}
