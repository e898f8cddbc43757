package org.npad.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import java.util.Arrays;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

class KMeansTest {

	/** Two tight groups on a line, {0, 1, 2} and {10, 11, 12}: the centroids are 1 and 11 from any start. */
	@Test
	void findsTwoObviousClusters() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray x = m.create(new float[] {0, 10, 1, 11, 2, 12}).reshape(6, 1);
			for (KMeans.Start start : KMeans.Start.values()) {
				float[] c = KMeans.fit(x, 2, 20, 7, start).toFloatArray();
				Arrays.sort(c);
				assertArrayEquals(new float[] {1, 11}, c, 1e-5f, start.name());
			}
		}
	}

	/** Points (0,0), (3,4) and centroids (0,0), (6,8): nearest distances 0 and 5. */
	@Test
	void nearestDistancesAreEuclidean() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray x = m.create(new float[] {0, 0, 3, 4}).reshape(2, 2);
			NDArray c = m.create(new float[] {0, 0, 6, 8}).reshape(2, 2);
			assertArrayEquals(new float[] {0, 5}, new CentroidBank(c).nearestDistances(x).toFloatArray(), 1e-4f);
		}
	}

	/** The bank built image by image has the paper's size: ratio x all positions of all images. */
	@Test
	void streamingBankHasThePapersSize() {
		try (NDManager m = NDManager.newBaseManager()) {
			NpadConfig c = NpadConfig.paper().withChannels(3).withCentroidRatio(0.1);
			try (CentroidBank.Builder b = new CentroidBank.Builder(c, m)) {
				b.add(m.randomNormal(new ai.djl.ndarray.types.Shape(40, 2, 3))); // 40 positions x 2 images
				b.add(m.randomNormal(new ai.djl.ndarray.types.Shape(40, 1, 3)));
				assertEquals(12, b.build(m).size()); // 4 per image
			}
		}
	}
}
