package org.npad.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;

import java.util.Arrays;
import java.util.Random;
import java.util.function.IntConsumer;

/**
 * Nominal patch vectors kept as they are, for a position-free map: the distance from each test
 * patch to the nearest nominal patch anywhere in the training images, which is what PatchCore
 * measures. N-pad's Gaussians tell well whether an image is anomalous, but their positions where
 * nominal images vary most (often the border) stay hot; a patch that resembles any nominal patch
 * stays cool here wherever it lies. On MTD the geometric mean of the two maps outlined defects
 * better than either alone while the image score stayed N-pad's (docs/benchmarks.md).
 *
 * <p>Patches are the backbone's patch taps (the last two taps on the grid of the first of them:
 * stride 8 for ResNet-50) averaged over a 3 x 3 neighbourhood, as PatchCore's local aggregation.
 * The bank is PatchCore's coreset ({@link Coreset}) of a uniform sample of {@value #CANDIDATES}
 * times its size, so that training memory stays bounded whatever the number of images.
 */
public final class PatchBank implements AutoCloseable {

	/** Uniformly sampled candidates per bank vector: PatchCore's 1 % coreset of a 10 % sample. */
	public static final int CANDIDATES = 10;

	private static final FeatureAggregation NEIGHBOURHOOD = new FeatureAggregation(3);

	private final NDArray vectors;      // B x C
	private final NDArray squaredNorms; // 1 x B, kept: every map needs them

	public PatchBank(NDArray vectors) {
		this.vectors = vectors;
		this.squaredNorms = vectors.square().sum(new int[] {1}).expandDims(0);
		NDScope.unregister(squaredNorms);
	}

	public NDArray vectors() {
		return vectors;
	}

	public int size() {
		return (int) vectors.getShape().get(0);
	}

	/**
	 * @param taps N x C x h x w patch taps
	 * @return N x h x w Euclidean distances of each aggregated patch to the nearest bank vector
	 */
	public NDArray distances(NDArray taps) {
		Shape s = taps.getShape();
		if (s.dimension() != 4 || s.get(1) != vectors.getShape().get(1))
			throw new IllegalArgumentException("the patch bank holds " + vectors.getShape().get(1) + "-channel patches, got taps " + s);
		return KMeans.nearestDistances(patchVectors(taps), vectors, squaredNorms).reshape(s.get(0), s.get(2), s.get(3));
	}

	/** (N h w) x C, positions row-major per image. */
	static NDArray patchVectors(NDArray taps) {
		return NEIGHBOURHOOD.apply(taps).transpose(0, 2, 3, 1).reshape(-1, taps.getShape().get(1));
	}

	@Override
	public void close() {
		vectors.close();
		squaredNorms.close();
	}

	/**
	 * A uniform random sample of at most {@code capacity} of all patch vectors streamed through it
	 * (reservoir sampling, Vitter's algorithm R): memory is the sample's, whatever the number of
	 * training images, and every patch seen has the same chance to be kept.
	 */
	public static final class Sampler {

		private final int capacity;
		private final long seed;
		private final Random random;
		private float[] kept = new float[0];
		private int channels = -1;
		private int size;
		private long seen;

		public Sampler(int capacity, long seed) {
			if (capacity < 1) throw new IllegalArgumentException("a patch bank holds at least 1 vector, got " + capacity);
			this.capacity = capacity;
			this.seed = seed;
			this.random = new Random(seed);
		}

		/** @param taps N x C x h x w nominal patch taps */
		public void add(NDArray taps) {
			int c = (int) taps.getShape().get(1);
			if (channels < 0) {
				if ((long) capacity * c > Integer.MAX_VALUE - 8)
					throw new IllegalArgumentException("a sample of " + capacity + " patch vectors of " + c + " channels does not fit in one Java array (at most "
							+ (Integer.MAX_VALUE - 8) / c + " vectors; training samples " + CANDIDATES + " per patch_bank vector)");
				channels = c;
			} else if (c != channels) {
				throw new IllegalArgumentException("patch taps changed from " + channels + " to " + c + " channels");
			}
			float[] rows;
			try (NDScope scope = new NDScope()) { // nothing of the call outlives it: its output is a Java array
				rows = patchVectors(taps).toFloatArray();
			}
			for (int r = 0; r < rows.length / c; r++, seen++) {
				long slot = seen < capacity ? seen : random.nextLong(seen + 1);
				if (slot >= capacity) continue;
				if (slot == size) grow();
				System.arraycopy(rows, r * c, kept, (int) slot * c, c);
			}
		}

		private void grow() {
			size++;
			if ((long) size * channels > kept.length)
				kept = Arrays.copyOf(kept, (int) Math.min((long) capacity * channels, Math.max(16L * channels, 2L * kept.length)));
		}

		/** Patch vectors seen so far. */
		public long seen() {
			return seen;
		}

		/**
		 * The sample itself where it holds at most {@code bankSize} vectors, else its coreset of that size.
		 *
		 * @param checkpoint told now and then how many vectors the coreset holds so far ({@link Coreset#select})
		 */
		public PatchBank build(NDManager owner, int bankSize, IntConsumer checkpoint) {
			if (size == 0) throw new IllegalStateException("no patches were added to the patch bank");
			NDArray sample = owner.create(size * channels == kept.length ? kept : Arrays.copyOf(kept, size * channels), new Shape(size, channels));
			if (size <= bankSize) return new PatchBank(sample);
			NDArray bank = sample.get(owner.create(Coreset.select(sample, bankSize, seed, checkpoint)));
			sample.close();
			return new PatchBank(bank);
		}
	}
}
