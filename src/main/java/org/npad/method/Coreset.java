package org.npad.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;

import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Greedy k-center selection (Sener and Savarese 2018), PatchCore's coreset: each step takes the
 * vector farthest from all taken so far, so that every vector ends up near a taken one. A bank of
 * a tenth of the size then covers the nominal patches about as well as a uniform sample, and the
 * nearest-neighbour search at detection costs a tenth.
 *
 * <p>Distances are measured after a seeded Gaussian projection to {@value #PROJECTED} dimensions
 * where the vectors are wider, as PatchCore does: by the Johnson-Lindenstrauss lemma that keeps
 * them to within about 10 %, and each step reads 12 times less.
 */
final class Coreset {

	static final int PROJECTED = 128;

	/** Steps between two calls of the checkpoint: a step costs a few ms on MTD's 60000 candidates. */
	static final int CHECK_EVERY = 256;

	private Coreset() {
	}

	/**
	 * @param x          M x C vectors
	 * @param size       how many to take, at most M
	 * @param checkpoint told the number of vectors taken so far every {@value #CHECK_EVERY} steps, so
	 *                   that a caller can show how far a long selection (minutes for the largest
	 *                   banks) got, and stop it by throwing
	 * @return the rows taken, in the order taken, starting with row 0
	 */
	static long[] select(NDArray x, int size, long seed, IntConsumer checkpoint) {
		long m = x.getShape().get(0);
		if (size < 1 || size > m) throw new IllegalArgumentException("a coreset of " + size + " vectors from " + m);
		long[] taken = new long[size];
		NDArray nearest = null; // M: squared distance of each vector to the nearest one taken
		try (NDScope outer = new NDScope()) {
			NDArray z = project(x, seed);
			NDArray norms = z.square().sum(new int[] {1});
			for (int i = 0; i < size; i++) {
				if (i % CHECK_EVERY == 0) checkpoint.accept(i);
				try (NDScope step = new NDScope()) {
					if (i > 0) taken[i] = nearest.argMax().getLong();
					NDArray d = norms.sub(z.matMul(z.get(taken[i]).expandDims(1)).squeeze(1).mul(2)).add(norms.get(taken[i]));
					NDArray closer = nearest == null ? d : nearest.minimum(d);
					NDScope.unregister(closer);
					if (nearest != null) nearest.close();
					nearest = closer;
				}
			}
		} finally {
			if (nearest != null) nearest.close();
		}
		return taken;
	}

	private static NDArray project(NDArray x, long seed) {
		int c = (int) x.getShape().get(1);
		if (c <= PROJECTED) return x;
		Random random = new Random(seed);
		float[] gaussian = new float[c * PROJECTED];
		for (int i = 0; i < gaussian.length; i++) gaussian[i] = (float) (random.nextGaussian() / Math.sqrt(PROJECTED));
		return x.matMul(x.getManager().create(gaussian, new Shape(c, PROJECTED)));
	}
}
