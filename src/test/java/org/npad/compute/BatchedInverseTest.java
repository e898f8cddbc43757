package org.npad.compute;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.util.stream.Stream;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** Each implementation against inverses known exactly. */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BatchedInverseTest {

	/**
	 * ND4J's solve op is slow on the CPU (0.4 to 1 s for one 150 x 150 matrix), so it gets a
	 * smaller ridge matrix; its determinant 0.01^100 = 1e-200 still makes ND4J's own matrix_inverse refuse it.
	 */
	static Stream<Arguments> implementations() {
		return Stream.of(Arguments.of("djl", new DjlInverse(), 550), Arguments.of("nd4j (backend's choice)", new Nd4jInverse(), 550),
				Arguments.of("nd4j lapack posv", new Nd4jInverse(Nd4jSolver.LAPACK_POSV), 550),
				Arguments.of("nd4j solve op", new Nd4jInverse(Nd4jSolver.SOLVE_OP), 100));
	}

	/** A ridge alone: (0.01 I)^-1 = 100 I, however small det(0.01 I) = 1e-1100 is. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("implementations")
	void ridgeInvertsToItsReciprocal(String name, BatchedInverse inverse, int d) {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray ridge = m.eye(d).mul(0.01f).expandDims(0).repeat(0, 2);
			NDArray result = inverse.invert(ridge);
			assertEquals(new Shape(2, d, d), result.getShape());
			assertEquals(DataType.FLOAT32, result.getDataType());
			assertArrayEquals(m.eye(d).mul(100f).expandDims(0).repeat(0, 2).toFloatArray(), result.toFloatArray(), 1e-3f);
		}
	}

	/** [[4,2],[2,3]]: det 8, inverse [[3,-2],[-2,4]] / 8; [[1,0],[0,0.5]]: [[1,0],[0,2]]. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("implementations")
	void twoByTwoByHand(String name, BatchedInverse inverse, int ignored) {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray batch = m.create(new float[] {4, 2, 2, 3, 1, 0, 0, 0.5f}, new Shape(2, 2, 2));
			NDArray result = inverse.invert(batch);
			assertEquals(m.getDevice(), result.getDevice());
			assertArrayEquals(new float[] {0.375f, -0.25f, -0.25f, 0.5f, 1, 0, 0, 2}, result.toFloatArray(), 1e-6f);
		}
	}

	/** Float64 in, float64 out: ND4J's float64 solve is not rounded to float32 on the way back. */
	@ParameterizedTest(name = "{0}")
	@MethodSource("implementations")
	void keepsDoublePrecision(String name, BatchedInverse inverse, int ignored) {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray third = m.create(new double[] {3}, new Shape(1, 1, 1));
			NDArray result = inverse.invert(third);
			assertEquals(DataType.FLOAT64, result.getDataType());
			assertEquals(1 / 3.0, result.toDoubleArray()[0], 1e-15);
		}
	}
}
