package org.npad.compute;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Inverts through ND4J as solve(A, I), in float64, rounding the result back to the input's type: the
 * inverse then agrees with DJL's float32 inverse to DJL's own rounding. The batch is copied to an
 * INDArray and back, in the input's type (float32 halves the host memory of a copy), so arrays on a
 * GPU make a round trip through host memory.
 */
public final class Nd4jInverse implements BatchedInverse {

	private static final org.nd4j.linalg.api.buffer.DataType SINGLE = org.nd4j.linalg.api.buffer.DataType.FLOAT;
	private static final org.nd4j.linalg.api.buffer.DataType DOUBLE = org.nd4j.linalg.api.buffer.DataType.DOUBLE;

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
		DataType type = spdBatch.getDataType();
		if (type != DataType.FLOAT32 && type != DataType.FLOAT64)
			throw new IllegalArgumentException("expected float32 or float64 matrices, got " + type);
		Nd4jRuntime.require();
		INDArray a = toDouble(spdBatch);
		INDArray inverse = (solver == null ? Nd4jSolver.forLoadedBackend() : solver).solveIdentity(a);
		a.close();
		if (type == DataType.FLOAT64) return spdBatch.getManager().create(Nd4jSolver.contiguous(inverse).data().asDouble(), shape);
		INDArray rounded = inverse.castTo(SINGLE);
		inverse.close();
		return spdBatch.getManager().create(Nd4jSolver.contiguous(rounded).data().asFloat(), shape);
	}

	private static INDArray toDouble(NDArray batch) {
		long[] dims = batch.getShape().getShape();
		if (batch.getDataType() == DataType.FLOAT64) return Nd4j.create(batch.toDoubleArray(), dims, DOUBLE);
		INDArray single = Nd4j.create(batch.toFloatArray(), dims, SINGLE);
		INDArray result = single.castTo(DOUBLE);
		single.close();
		return result;
	}
}
