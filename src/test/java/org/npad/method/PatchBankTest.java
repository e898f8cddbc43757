package org.npad.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CancellationException;
import java.util.function.IntConsumer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PatchBankTest {

	private static final IntConsumer NO_CHECKPOINT = taken -> {
	};

	/** Bank {(0, 0), (3, 4)}: (3, 0) is 3 from the first and 4 from the second; (0, 0.5) is 0.5 from the first. */
	@Test
	void distanceIsToTheNearestBankVector() {
		try (NDManager m = NDManager.newBaseManager()) {
			PatchBank bank = new PatchBank(m.create(new float[] {0, 0, 3, 4}).reshape(2, 2));
			NDArray taps = EngineTestSupport.features(m, 2, 2, 1, 1, 3, 0, 0, 0.5f);
			NDArray d = bank.distances(taps);
			assertArrayEquals(new long[] {2, 1, 1}, d.getShape().getShape());
			assertArrayEquals(new float[] {3, 0.5f}, d.toFloatArray(), 1e-5f);
		}
	}

	/**
	 * Patches are compared after 3 x 3 averaging: on a 1 x 2 map of values 0 and 2 both positions
	 * average to 1, the bank's only vector, so both distances are 0 (unaveraged they would be 1).
	 */
	@Test
	void patchesAreAveragedOverTheirNeighbourhoodFirst() {
		try (NDManager m = NDManager.newBaseManager()) {
			PatchBank bank = new PatchBank(m.create(new float[] {1}).reshape(1, 1));
			assertArrayEquals(new float[] {0, 0}, bank.distances(EngineTestSupport.features(m, 1, 1, 1, 2, 0, 2)).toFloatArray(), 1e-6f);
		}
	}

	@Test
	void tapsOfAnotherWidthAreRefused() {
		try (NDManager m = NDManager.newBaseManager()) {
			PatchBank bank = new PatchBank(m.create(new float[] {1, 2}).reshape(1, 2));
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
					() -> bank.distances(EngineTestSupport.features(m, 1, 3, 1, 1, 1, 2, 3)));
			assertTrue(e.getMessage().contains("2-channel"), e.getMessage());
		}
	}

	/** Fewer patches than the capacity: all are kept, in the order seen, across several batches. */
	@Test
	void samplerKeepsEverythingBelowCapacity() {
		try (NDManager m = NDManager.newBaseManager()) {
			PatchBank.Sampler sampler = new PatchBank.Sampler(10, 1);
			sampler.add(EngineTestSupport.features(m, 2, 1, 1, 1, 5, 6));
			sampler.add(EngineTestSupport.features(m, 1, 1, 1, 1, 7));
			assertEquals(3, sampler.seen());
			assertArrayEquals(new float[] {5, 6, 7}, sampler.build(m, 10, NO_CHECKPOINT).vectors().toFloatArray());
		}
	}

	/** A sampler fed batch after batch from one long-lived manager must not fill it: over MTD's 95 batches it grew by about 17 GB. */
	@Test
	void samplerLeavesNothingInTheCallersManager() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray taps = EngineTestSupport.features(m, 2, 2, 2, 2, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16);
			int before = m.getManagedArrays().size();
			new PatchBank.Sampler(10, 1).add(taps);
			assertEquals(before, m.getManagedArrays().size());
		}
	}

	/**
	 * Reservoir sampling keeps each of 10 patches with probability 3 / 10, whatever its place in the
	 * stream: over 4000 seeds every patch's share lies within 0.3 +- 0.03 (binomial standard error
	 * 0.0072, so four of them), and every bank holds 3 distinct patches.
	 */
	@Test
	void samplerKeepsEveryPatchWithTheSameChance() {
		try (NDManager m = NDManager.newBaseManager()) {
			int seeds = 4000;
			int[] kept = new int[10];
			for (int seed = 0; seed < seeds; seed++) {
				try (NDManager s = m.newSubManager()) {
					PatchBank.Sampler sampler = new PatchBank.Sampler(3, seed);
					sampler.add(EngineTestSupport.features(s, 4, 1, 1, 1, 0, 1, 2, 3));
					sampler.add(EngineTestSupport.features(s, 6, 1, 1, 1, 4, 5, 6, 7, 8, 9));
					float[] bank = sampler.build(s, 3, NO_CHECKPOINT).vectors().toFloatArray();
					assertEquals(3, Arrays.stream(new int[] {(int) bank[0], (int) bank[1], (int) bank[2]}).distinct().count());
					for (float v : bank) kept[(int) v]++;
				}
			}
			for (int i = 0; i < kept.length; i++) assertEquals(0.3, kept[i] / (double) seeds, 0.03, "patch " + i);
		}
	}

	@Test
	void sameSeedSameBank() {
		try (NDManager m = NDManager.newBaseManager()) {
			float[][] banks = new float[2][];
			for (int i = 0; i < 2; i++) {
				PatchBank.Sampler sampler = new PatchBank.Sampler(2, 7);
				sampler.add(EngineTestSupport.features(m, 8, 1, 1, 1, 0, 1, 2, 3, 4, 5, 6, 7));
				banks[i] = sampler.build(m, 2, NO_CHECKPOINT).vectors().toFloatArray();
			}
			assertArrayEquals(banks[0], banks[1]);
		}
	}

	/**
	 * Greedy k-center on 0, 1, 2, 10, 11: from row 0 the farthest is 11 (row 4); then 2 is 2 from
	 * its nearest taken value, 1 and 10 only 1, so row 2 comes third.
	 */
	@Test
	void coresetTakesTheFarthestVectorEachStep() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray x = m.create(new float[] {0, 1, 2, 10, 11}).reshape(5, 1);
			assertArrayEquals(new long[] {0, 4, 2}, Coreset.select(x, 3, 1, NO_CHECKPOINT));
			assertThrows(IllegalArgumentException.class, () -> Coreset.select(x, 6, 1, NO_CHECKPOINT));
		}
	}

	/**
	 * A long selection tells its checkpoint how many vectors it took every {@value Coreset#CHECK_EVERY}
	 * steps, and stops when it throws.
	 */
	@Test
	void coresetReportsItsProgressAndStopsWhenItsCheckpointThrows() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray x = m.arange(1000f).reshape(1000, 1);
			List<Integer> told = new ArrayList<>();
			IntConsumer cancelAtSecond = taken -> {
				told.add(taken);
				if (told.size() == 2) throw new CancellationException("stop");
			};
			assertThrows(CancellationException.class, () -> Coreset.select(x, 600, 1, cancelAtSecond));
			assertEquals(List.of(0, 256), told);
			told.clear();
			Coreset.select(x, 600, 1, told::add);
			assertEquals(List.of(0, 256, 512), told, "of 600");
		}
	}

	/**
	 * Wider vectors are compared after a random projection to 128 dimensions: three clusters 100
	 * apart along different axes of a 300-dimensional space, each of four vectors within 1 of its
	 * centre, still give a coreset of three with one vector from each cluster.
	 */
	@Test
	void projectedCoresetStillCoversEveryCluster() {
		try (NDManager m = NDManager.newBaseManager()) {
			int c = 300;
			float[] x = new float[12 * c];
			Random noise = new Random(3);
			for (int v = 0; v < 12; v++) {
				for (int j = 0; j < c; j++) x[v * c + j] = (float) (noise.nextGaussian() / Math.sqrt(c));
				x[v * c + v / 4] += 100;
			}
			long[] taken = Coreset.select(m.create(x).reshape(12, c), 3, 5, NO_CHECKPOINT);
			assertEquals(3, Arrays.stream(taken).map(r -> r / 4).distinct().count(), Arrays.toString(taken));
		}
	}

	/** A sample larger than the bank is reduced to its coreset: 0, 1, 2, 10, 11 to 0, 11, 2. */
	@Test
	void samplerBuildsTheCoresetOfALargerSample() {
		try (NDManager m = NDManager.newBaseManager()) {
			PatchBank.Sampler sampler = new PatchBank.Sampler(10, 1);
			sampler.add(EngineTestSupport.features(m, 5, 1, 1, 1, 0, 1, 2, 10, 11));
			assertArrayEquals(new float[] {0, 11, 2}, sampler.build(m, 3, NO_CHECKPOINT).vectors().toFloatArray());
		}
	}

	/**
	 * The pixel map is the geometric mean of N-pad's map and the patch map, the image score N-pad's
	 * own: D1 = |4 - 0| = 4; the patch (3, 4) is 5 from the bank's (0, 0); map sqrt(4 x 5), score 4.
	 */
	@Test
	void scorerFusesThePatchMapAndKeepsNpadsImageScore() {
		try (NDManager m = NDManager.newBaseManager()) {
			NpadConfig c = EngineTestSupport.plain(1).withPatchBank(1);
			PositionGaussians unit = new PositionGaussians(m.create(new float[] {0}).reshape(1, 1), new Float32Precisions(m.create(new float[] {1}).reshape(1, 1, 1)));
			PatchBank bank = new PatchBank(m.create(new float[] {0, 0}).reshape(1, 2));
			NpadModel model = new NpadModel(c, new int[] {0}, 1, 1, 2, unit, null, null, Double.NaN, bank);
			FeatureMaps maps = new FeatureMaps(EngineTestSupport.features(m, 1, 1, 1, 1, 4), EngineTestSupport.features(m, 1, 2, 1, 1, 3, 4));
			ScoredBatch s = new NpadScorer(model, 1, 1).score(maps);
			assertEquals(Math.sqrt(20), s.maps()[0], 1e-5);
			assertEquals(4, s.imageScores()[0], 1e-5);
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
					() -> new NpadScorer(model, 1, 1).score(maps.kept()));
			assertTrue(e.getMessage().contains("patch taps"), e.getMessage());
		}
	}

	/** Training keeps the patch taps it is given, and refuses feature maps without them. */
	@Test
	void trainerSamplesThePatchTaps() {
		try (NDManager m = NDManager.newBaseManager()) {
			NpadConfig c = EngineTestSupport.plain(1).withPatchBank(5);
			try (NpadTrainer trainer = new NpadTrainer(c, new int[] {0}, 1, 1, m)) {
				trainer.add(new FeatureMaps(EngineTestSupport.features(m, 2, 1, 1, 1, 1, 3), EngineTestSupport.features(m, 2, 1, 1, 1, 8, 9)));
				assertThrows(IllegalArgumentException.class, () -> trainer.add(EngineTestSupport.features(m, 1, 1, 1, 1, 2)));
				NpadModel model = trainer.finish(m);
				assertArrayEquals(new float[] {8, 9}, model.patches().vectors().toFloatArray());
			}
		}
	}
}
