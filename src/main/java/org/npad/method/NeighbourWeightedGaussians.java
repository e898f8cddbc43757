package org.npad.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Module A (eq. 6): per position, a Gaussian estimated from the features of the whole window,
 * each neighbour weighted by its similarity m'_a. Only the per-position moments are needed, since
 * sum_i sum_a m'_a (e_i^a - mu)(e_i^a - mu)^T = sum_a m'_a [C_a + N (mean_a - mu)(mean_a - mu)^T]
 * with C_a the centred scatter of position a.
 *
 * <p>The moments are consumed: each chunk's precisions overwrite scatter matrices that no later
 * chunk reads any more (the window reaches back about one map row), so the finish holds two
 * model-sized arrays (this and module B), not three: 7.6 GB instead of 11.4 GB at d = 550 on a
 * 56 x 56 map.
 */
public final class NeighbourWeightedGaussians {

	private NeighbourWeightedGaussians() {
	}

	public static PositionGaussians estimate(PositionMoments moments, NeighbourWeights weights, int height, int width,
			CovarianceEstimator estimator, double epsilon, NDManager owner) {
		return estimate(moments, weights, height, width, estimator, epsilon, owner, PositionGaussians.chunk(moments.mean().getShape().get(1)));
	}

	/** @param chunk positions per batched step (smaller in tests, to cross chunk borders on small maps) */
	static PositionGaussians estimate(PositionMoments moments, NeighbourWeights weights, int height, int width,
			CovarianceEstimator estimator, double epsilon, NDManager owner, int chunk) {
		List<int[]> offsets = weights.window().offsets();
		int positions = height * width, k = offsets.size();
		long n = moments.count();
		long d = moments.mean().getShape().get(1);
		int[] table = weights.window().neighbourTable(height, width);

		NDArray mean = owner.zeros(moments.mean().getShape());
		NDArray precision = moments.scatter();
		int[] firstRead = firstReadFrom(table, positions, k);
		Deque<Written> unwritten = new ArrayDeque<>();
		NDArray ridge = owner.eye((int) d).mul(epsilon);
		for (int from = 0; from < positions; from += chunk) {
			int to = Math.min(positions, from + chunk);
			try (NDScope scope = new NDScope()) {
				NDIndex range = new NDIndex(from + ":" + to);
				NDArray mu = mean.get(range);
				NDArray[] neighbours = new NDArray[k];
				NDArray[] w = new NDArray[k];
				float[] denominators = new float[to - from]; // sum of squared weights, then the unbiased divisor
				float[] samples = new float[to - from];
				for (int o = 0; o < k; o++) {
					long[] index = new long[to - from];
					float[] wo = new float[to - from];
					for (int p = from; p < to; p++) {
						int a = table[p * k + o];
						index[p - from] = Math.max(a, 0); // outside: weight 0, so what position 0 holds by then does not count
						wo[p - from] = weights.weight(p, o);
						denominators[p - from] += wo[p - from] * wo[p - from];
					}
					neighbours[o] = owner.create(index);
					w[o] = owner.create(wo).reshape(-1, 1);
					mu.addi(moments.mean().get(neighbours[o]).mul(w[o]));
				}
				NDArray scatter = owner.zeros(new Shape(to - from, d, d));
				for (int o = 0; o < k; o++) {
					try (NDScope offset = new NDScope()) { // one offset's chunk-sized temporaries at a time
						NDArray delta = moments.mean().get(neighbours[o]).sub(mu).expandDims(2);
						NDArray term = moments.scatter().get(neighbours[o]).addi(delta.batchMatMul(delta.transpose(0, 2, 1)).muli(n));
						scatter.addi(term.muli(w[o].expandDims(2)));
					}
				}
				for (int i = 0; i < denominators.length; i++) {
					samples[i] = n / denominators[i]; // Kish's effective sample size: N (sum w)^2 / (N sum w^2), sum w = 1
					denominators[i] = n - denominators[i];
				}
				NDArray covariance = scatter.divi(owner.create(denominators).reshape(-1, 1, 1));
				NDArray result = PositionGaussians.invertCovariance(estimator.estimate(covariance, owner.create(samples)), ridge);
				NDScope.unregister(result);
				unwritten.add(new Written(from, to, result));
			}
			while (!unwritten.isEmpty() && unwritten.peek().to() <= firstRead[to]) unwritten.poll().writeInto(precision);
		}
		ridge.close();
		precision.attach(owner);
		return new PositionGaussians(mean, new Float32Precisions(precision));
	}

	/** A chunk's precisions, waiting until no later chunk reads the scatter matrices they replace. */
	private record Written(int from, int to, NDArray values) {
		void writeInto(NDArray target) {
			target.set(new NDIndex(from + ":" + to), values);
			values.close();
		}
	}

	/**
	 * firstRead[p]: the lowest position whose moments any position from p on still reads (positions
	 * when none); firstRead has positions + 1 entries.
	 */
	static int[] firstReadFrom(int[] neighbourTable, int positions, int k) {
		int[] first = new int[positions + 1];
		first[positions] = positions;
		for (int p = positions - 1; p >= 0; p--) {
			int lowest = first[p + 1];
			for (int o = 0; o < k; o++) {
				int a = neighbourTable[p * k + o];
				if (a >= 0) lowest = Math.min(lowest, a);
			}
			first[p] = lowest;
		}
		return first;
	}
}
