package org.npad.compute;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.util.Random;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * DJL and ND4J give the same precisions on covariance-like matrices, to float32 rounding. ND4J runs
 * first on purpose: DJL's CPU inverse must still work in a JVM where ND4J has loaded after PyTorch.
 */
@Timeout(300)
class Nd4jAgreementTest {

	@ParameterizedTest(name = "d = {0}")
	@ValueSource(ints = {16, 150, 550})
	void djlAndNd4jAgree(int d) {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray spd = covariances(m, 4, d, new Random(d));
			NDArray nd4j = new Nd4jInverse().invert(spd);
			NDArray djl = new DjlInverse().invert(spd);
			NDArray exact = new DjlInverse().invert(spd.toType(DataType.FLOAT64, true));
			for (int i = 0; i < 4; i++) {
				double agreement = relative(nd4j.get(i), djl.get(i)), nd4jError = relative(nd4j.get(i), exact.get(i));
				assertTrue(agreement < 1e-4, "matrix " + i + ": ND4J and DJL differ by " + agreement);
				assertTrue(nd4jError < 1e-6, "matrix " + i + ": ND4J is off the float64 inverse by " + nd4jError);
			}
		}
	}

	/**
	 * Sample covariances of 2d Gaussian vectors with channel scales from 0.1 to 3, plus the 0.01 ridge:
	 * eigenvalues from about 0.01 to 20, as the engine sees them.
	 */
	static NDArray covariances(NDManager m, int batch, int d, Random random) {
		int n = 2 * d;
		float[] x = new float[batch * n * d];
		for (int b = 0; b < batch; b++) {
			float[] scale = new float[d];
			for (int c = 0; c < d; c++) scale[c] = 0.1f + 2.9f * random.nextFloat();
			for (int r = 0; r < n; r++)
				for (int c = 0; c < d; c++) x[(b * n + r) * d + c] = (float) random.nextGaussian() * scale[c];
		}
		NDArray samples = m.create(x, new Shape(batch, n, d));
		return samples.transpose(0, 2, 1).batchMatMul(samples).div(n - 1).add(m.eye(d).mul(0.01f));
	}

	/** Frobenius norm of the difference over that of the reference, in float64. */
	static double relative(NDArray value, NDArray reference) {
		NDArray r = reference.toType(DataType.FLOAT64, false);
		return value.toType(DataType.FLOAT64, false).sub(r).norm().getDouble() / r.norm().getDouble();
	}
}
