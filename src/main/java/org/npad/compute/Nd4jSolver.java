package org.npad.compute;

import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.openblas.global.openblas;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * How ND4J solves A X = I for a batch of SPD matrices. Neither way uses ND4J's matrix_inverse or
 * cholesky ops: both reject well-conditioned matrices whose determinant is tiny (0.01 I at d = 150
 * has determinant 1e-300), which is what ridge-regularised covariances are.
 */
public enum Nd4jSolver {

	/**
	 * LAPACK dposv (Cholesky solve) from the OpenBLAS that nd4j-native ships, called on the INDArray's
	 * buffer the way ND4J's own CpuLapack calls potrf. CPU only; 100 to 300 times faster there than
	 * {@link #SOLVE_OP} (docs/compute.md).
	 */
	LAPACK_POSV {
		@Override
		INDArray solveIdentity(INDArray a) {
			int batch = (int) a.size(0), d = (int) a.size(1);
			INDArray factor = contiguous(a);
			INDArray x = contiguous(identities(batch, d));
			DoublePointer factorBase = (DoublePointer) factor.data().addressPointer();
			DoublePointer xBase = (DoublePointer) x.data().addressPointer();
			for (int i = 0; i < batch; i++) {
				long offset = (long) i * d * d;
				int info = openblas.LAPACKE_dposv(openblas.LAPACK_ROW_MAJOR, (byte) 'L', d, d,
						new DoublePointer(factorBase).position(offset), d, new DoublePointer(xBase).position(offset), d);
				if (info != 0)
					throw new ArithmeticException("matrix " + i + " of the batch is not positive definite (LAPACK dposv info " + info
							+ "); covariances need a positive ridge epsilon");
			}
			return x;
		}
	},
	/** ND4J's solve op (LU with partial pivoting): runs on any ND4J backend, CUDA included. */
	SOLVE_OP {
		@Override
		INDArray solveIdentity(INDArray a) {
			return Nd4j.linalg().solve(a, identities((int) a.size(0), (int) a.size(1)));
		}
	};

	/**
	 * @param a B x d x d float64, symmetric positive definite; may be overwritten
	 * @return B x d x d float64 inverses
	 */
	abstract INDArray solveIdentity(INDArray a);

	/** LAPACK on the CPU backend, the backend-agnostic solve op elsewhere (CUDA). */
	static Nd4jSolver forLoadedBackend() {
		return Nd4j.getEnvironment().isCPU() ? LAPACK_POSV : SOLVE_OP;
	}

	/** The array itself when its buffer is one row-major block, else a row-major copy. */
	static INDArray contiguous(INDArray array) {
		return array.ordering() == 'c' && !array.isView() ? array : array.dup('c');
	}

	private static INDArray identities(int batch, int d) {
		return Nd4j.eye(d).castTo(DataType.DOUBLE).reshape(1, d, d).repeat(0, batch);
	}
}
