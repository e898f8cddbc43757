package org.npad.compute;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;

class TorchLinalgTest {

	/**
	 * [[2,1],[1,2]]^-1 = [[2,-1],[-1,2]] / 3, so (1,1) gives (2 - 1 - 1 + 2) / 3 = 2/3;
	 * diag(4, 1) with (2, 3) gives 4/4 + 9/1 = 10.
	 */
	@Test
	void quadraticFormsByHand() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray a = m.create(new float[] {2, 1, 1, 2, 4, 0, 0, 1}, new Shape(2, 2, 2));
			NDArray delta = m.create(new float[] {1, 1, 2, 3}, new Shape(2, 2));
			assertArrayEquals(new float[] {2f / 3, 10}, TorchLinalg.quadraticForms(a, delta).toFloatArray(), 1e-5f);
		}
	}

	/** The Cholesky solve agrees with the inverse it replaces, on covariances of the engine's kind. */
	@Test
	void choleskyAgreesWithTheInverse() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray x = m.randomNormal(new Shape(5, 40, 30));
			NDArray spd = x.transpose(0, 2, 1).batchMatMul(x).div(40).add(m.eye(30).mul(0.01));
			NDArray delta = m.randomNormal(new Shape(5, 30));
			BatchedInverse viaInverse = NDArray::inverse; // the interface's default quadratic form
			float[] expected = viaInverse.quadraticForms(spd, delta).toFloatArray();
			assertArrayEquals(expected, new DjlInverse().quadraticForms(spd, delta).toFloatArray(), 1e-3f * max(expected));
		}
	}

	/**
	 * x = [[1,2],[3,4]]: x^T x = [[10,14],[14,20]], added in place to the middle matrix of a view
	 * of three, the other two untouched.
	 */
	@Test
	void addsTheGramMatrixInPlaceThroughAView() {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray sum = m.ones(new Shape(3, 2, 2));
			TorchLinalg.addGram(sum.get(new NDIndex("1:2")), m.create(new float[] {1, 2, 3, 4}, new Shape(1, 2, 2)));
			assertArrayEquals(new float[] {1, 1, 1, 1, 11, 15, 15, 21, 1, 1, 1, 1}, sum.toFloatArray());
		}
	}

	private static float max(float[] v) {
		float max = 0;
		for (float f : v) max = Math.max(max, Math.abs(f));
		return max;
	}
}
