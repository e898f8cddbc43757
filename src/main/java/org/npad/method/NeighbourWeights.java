package org.npad.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.npad.compute.BatchedInverse;

/**
 * The normalised similarity weights m'_a of eq. 4-6: for every position and every neighbour in its
 * window, exp(-BC / gamma) with the Bhattacharyya term of eq. 5, divided by the window's sum.
 *
 * <p>BC is symmetric, so it is computed once per unordered pair of positions: each pair is
 * reached through one "canonical" offset (pointing down, or right along the same row).
 */
public final class NeighbourWeights {


	private final Window window;
	private final int height;
	private final int width;
	private final float[] weights; // P x |window|, row-major
	private final double medianDistance;

	private NeighbourWeights(Window window, int height, int width, float[] weights, double medianDistance) {
		this.window = window;
		this.height = height;
		this.width = width;
		this.weights = weights;
		this.medianDistance = medianDistance;
	}

	/**
	 * @param moments per-position statistics of an h x w map
	 */
	public static NeighbourWeights estimate(PositionMoments moments, int height, int width, NpadConfig config) {
		Window window = new Window(config.trainNeighbourhood());
		List<int[]> offsets = window.offsets();
		int positions = height * width;
		List<int[]> canonical = canonicalOffsets(offsets);
		float[][] distances = new float[canonical.size()][];
		List<Float> all = new ArrayList<>();
		for (int c = 0; c < canonical.size(); c++) {
			distances[c] = pairDistances(moments, height, width, canonical.get(c), config.epsilon());
			for (float v : distances[c]) if (!Float.isNaN(v)) all.add(v);
		}
		double median = median(all);
		double scale = config.gammaScale() == GammaScale.MEDIAN && median > 0 ? config.gamma() * median : config.gamma();

		int k = offsets.size();
		float[] weights = new float[positions * k];
		for (int y = 0; y < height; y++)
			for (int x = 0; x < width; x++) {
				int p = y * width + x;
				double total = 0;
				for (int o = 0; o < k; o++) {
					int dy = offsets.get(o)[0], dx = offsets.get(o)[1];
					int ny = y + dy, nx = x + dx;
					if (ny < 0 || ny >= height || nx < 0 || nx >= width) continue;
					double m = dy == 0 && dx == 0 ? 1 : Math.exp(-distance(distances, canonical, p, ny * width + nx, dy, dx) / scale);
					weights[p * k + o] = (float) m;
					total += m;
				}
				for (int o = 0; o < k; o++) weights[p * k + o] /= (float) total;
			}
		return new NeighbourWeights(window, height, width, weights, median);
	}

	/** m'_a for position p and offset index o of {@link Window#offsets()}; 0 outside the map. */
	public float weight(int p, int o) {
		return weights[p * window.size() * window.size() + o];
	}

	/** All weights, P x |window|, on the manager's device. */
	public NDArray toArray(NDManager manager) {
		int k = window.size() * window.size();
		return manager.create(weights).reshape(height * width, k);
	}

	public Window window() {
		return window;
	}

	/** Median BC over all neighbour pairs: how far apart neighbouring Gaussians are on this data. */
	public double medianDistance() {
		return medianDistance;
	}

	private static double distance(float[][] distances, List<int[]> canonical, int p, int a, int dy, int dx) {
		for (int c = 0; c < canonical.size(); c++) {
			int[] o = canonical.get(c);
			if (o[0] == dy && o[1] == dx) return distances[c][p];
			if (o[0] == -dy && o[1] == -dx) return distances[c][a];
		}
		throw new IllegalStateException("offset " + dy + "," + dx + " has no canonical pair");
	}

	/** Non-zero offsets with their sign chosen to point down, or right within a row; each pair once. */
	static List<int[]> canonicalOffsets(List<int[]> offsets) {
		List<int[]> canonical = new ArrayList<>();
		for (int[] o : offsets) {
			if (o[0] == 0 && o[1] == 0) continue;
			int[] c = o[0] > 0 || (o[0] == 0 && o[1] > 0) ? o : new int[] {-o[0], -o[1]};
			if (canonical.stream().noneMatch(e -> Arrays.equals(e, c))) canonical.add(c);
		}
		return canonical;
	}

	/**
	 * BC(p, p + offset) = 1/8 delta^T ((S_p + S_a) / 2)^-1 delta for every p whose partner lies in
	 * the map; NaN elsewhere. S = scatter / (N - 1) + eps I, so (S_p + S_a) / 2 = (C_p + C_a) /
	 * (2 (N - 1)) + eps I.
	 */
	static float[] pairDistances(PositionMoments moments, int height, int width, int[] offset, double epsilon) {
		int dy = offset[0], dx = offset[1];
		List<Long> first = new ArrayList<>(), second = new ArrayList<>();
		for (int y = Math.max(0, -dy); y < Math.min(height, height - dy); y++)
			for (int x = Math.max(0, -dx); x < Math.min(width, width - dx); x++) {
				first.add((long) y * width + x);
				second.add((long) (y + dy) * width + x + dx);
			}
		float[] out = new float[height * width];
		Arrays.fill(out, Float.NaN);
		NDArray scatter = moments.scatter();
		long d = scatter.getShape().get(1);
		int chunk = PositionGaussians.chunk(d);
		NDManager manager = scatter.getManager();
		double denominator = 2.0 * (moments.count() - 1);
		for (int from = 0; from < first.size(); from += chunk) {
			int to = Math.min(first.size(), from + chunk);
			try (NDScope scope = new NDScope()) {
				NDArray p = manager.create(first.subList(from, to).stream().mapToLong(Long::longValue).toArray());
				NDArray a = manager.create(second.subList(from, to).stream().mapToLong(Long::longValue).toArray());
				NDArray mean = scatter.get(p).add(scatter.get(a)).div(denominator).add(manager.eye((int) d).mul(epsilon));
				NDArray delta = moments.mean().get(p).sub(moments.mean().get(a));
				float[] q = BatchedInverse.selected().quadraticForms(mean, delta).toFloatArray();
				for (int i = 0; i < q.length; i++) out[(int) (long) first.get(from + i)] = q[i] / 8f;
			}
		}
		return out;
	}

	private static double median(List<Float> values) {
		if (values.isEmpty()) return 0;
		float[] v = new float[values.size()];
		for (int i = 0; i < v.length; i++) v[i] = values.get(i);
		Arrays.sort(v);
		int n = v.length;
		return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2.0;
	}
}
