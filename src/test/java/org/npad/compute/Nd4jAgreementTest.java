package org.npad.compute;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import java.util.Random;

import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** DJL and ND4J give the same precisions on covariance-like matrices, to float32 rounding. */
@Timeout(value = 300, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class Nd4jAgreementTest {

	@ParameterizedTest(name = "d = {0}")
	@ValueSource(ints = {16, 150, 550})
	void djlAndNd4jAgree(int d) {
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray spd = SpdBatches.covariances(m, 4, d, new Random(d));
			NDArray nd4j = new Nd4jInverse().invert(spd);
			NDArray djl = new DjlInverse().invert(spd);
			NDArray exact = new DjlInverse().invert(spd.toType(DataType.FLOAT64, true));
			double agreement = SpdBatches.relativeError(nd4j, djl), nd4jError = SpdBatches.relativeError(nd4j, exact);
			assertTrue(agreement < 1e-4, "ND4J and DJL differ by " + agreement);
			assertTrue(nd4jError < 1e-6, "ND4J is off the float64 inverse by " + nd4jError);
		}
	}
}
