package org.npad;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class DjlSmokeTest {
	@Test
	void inverseOfTwoByTwo() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray a = m.create(new float[] {4, 7, 2, 6}, new ai.djl.ndarray.types.Shape(2, 2));
			float[] inv = a.inverse().toFloatArray();
			assertEquals(0.6f, inv[0], 1e-5);
			assertEquals(-0.7f, inv[1], 1e-5);
		}
	}
}
