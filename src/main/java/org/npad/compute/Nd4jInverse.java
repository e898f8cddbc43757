package org.npad.compute;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inverts through ND4J as solve(A, I), in float64, rounding the result back to the input's type: the
 * inverse then agrees with DJL's float32 inverse to DJL's own rounding. The batch is copied to an
 * INDArray and back, so arrays on a GPU make a round trip through host memory.
 */
public final class Nd4jInverse implements BatchedInverse {

	private final Nd4jSolver solver;

	/** The solver suited to the ND4J backend on the class path. */
	public Nd4jInverse() {
		this(null);
	}

	/** @param solver a fixed solver, for comparing them; null to choose by backend */
	public Nd4jInverse(Nd4jSolver solver) {
		this.solver = solver;
	}

	@Override
	public NDArray invert(NDArray spdBatch) {
		Shape shape = spdBatch.getShape();
		if (shape.dimension() != 3 || shape.get(1) != shape.get(2))
			throw new IllegalArgumentException("expected a B x d x d batch of square matrices, got " + shape);
		Nd4jRuntime.require();
		NDArray asDouble = spdBatch.toType(DataType.FLOAT64, false);
		INDArray a = Nd4j.create(asDouble.toDoubleArray(), shape.getShape(), org.nd4j.linalg.api.buffer.DataType.DOUBLE);
		if (asDouble != spdBatch) asDouble.close();
		INDArray inverse = (solver == null ? Nd4jSolver.forLoadedBackend() : solver).solveIdentity(a);
		double[] values = Nd4jSolver.contiguous(inverse).data().asDouble();
		a.close();
		inverse.close();
		NDArray result = spdBatch.getManager().create(values, shape);
		if (spdBatch.getDataType() == DataType.FLOAT64) return result;
		NDArray rounded = result.toType(spdBatch.getDataType(), false);
		result.close();
		return rounded;
	}
}
