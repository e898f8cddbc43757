package org.npad.method;

import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class FeatureAggregationTest {

	/**
	 * 2 x 3 map [[1,2,3],[4,5,6]], 3 x 3 window: corners average 4 values, e.g. top-left
	 * (1+2+4+5)/4 = 3; top-middle averages 6 values (1+2+3+4+5+6)/6 = 3.5.
	 */
	@Test
	void bordersAverageOnlyExistingNeighbours() {
		try (NDManager m = NDManager.newBaseManager()) {
			float[] phi = new FeatureAggregation(3).apply(EngineTestSupport.features(m, 1, 1, 2, 3, 1, 2, 3, 4, 5, 6)).toFloatArray();
			assertArrayEquals(new float[] {3, 3.5f, 4, 3, 3.5f, 4}, phi, 1e-6f);
		}
	}

	/** Window 2 takes offsets 0 and 1: the last row and column average fewer values. */
	@Test
	void evenWindowAveragesDownAndRight() {
		try (NDManager m = NDManager.newBaseManager()) {
			float[] phi = new FeatureAggregation(2).apply(EngineTestSupport.features(m, 1, 1, 2, 3, 1, 2, 3, 4, 5, 6)).toFloatArray();
			assertArrayEquals(new float[] {3, 4, 4.5f, 4.5f, 5.5f, 6}, phi, 1e-6f);
		}
	}
}
