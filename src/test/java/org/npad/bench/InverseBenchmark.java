package org.npad.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;

import java.lang.management.ManagementFactory;
import java.util.Locale;
import java.util.Random;

import org.npad.compute.BatchedInverse;
import org.npad.compute.DjlInverse;
import org.npad.compute.Nd4jInverse;
import org.npad.compute.Nd4jSolver;
import org.npad.compute.SpdBatches;

/**
 * Time per inverse of covariance-like SPD matrices (d = 150 and 550, batch 64) for each compute
 * backend on this machine's CPU, with the error against a float64 inverse. DJL runs first, before
 * ND4J loads, and again at the end, to show that ND4J's loading leaves it as it was (see Nd4jRuntime).
 * ND4J's solve op is too slow for a batch of 64: it gets 4 matrices at d = 150, one at 550.
 * Run after {@code mvn -o -q test-compile} and
 * {@code mvn -o -q dependency:build-classpath -Dmdep.outputFile=target/cp.txt}:
 * {@code java -Xmx6g -Dai.djl.offline=true -DDJL_CACHE_DIR=target/djl-cache -cp target/classes:target/test-classes:$(cat target/cp.txt) org.npad.bench.InverseBenchmark [rounds]}.
 */
public final class InverseBenchmark {

	private static final int[] SIZES = {150, 550};
	private static final int BATCH = 64;
	private static final int[] SOLVE_OP_BATCH = {4, 1};

	public static void main(String[] args) {
		int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 3;
		System.out.printf(Locale.ROOT, "%d processors, load average %.1f at start, max heap %d MiB, %d timed rounds%n",
				Runtime.getRuntime().availableProcessors(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
				Runtime.getRuntime().maxMemory() >> 20, rounds);
		try (NDManager m = NDManager.newBaseManager()) {
			NDArray[] batches = new NDArray[SIZES.length], exact = new NDArray[SIZES.length], djl = new NDArray[SIZES.length];
			for (int s = 0; s < SIZES.length; s++) {
				batches[s] = SpdBatches.covariances(m, BATCH, SIZES[s], new Random(SIZES[s]));
				exact[s] = batches[s].toType(DataType.FLOAT64, true).inverse();
				djl[s] = time("DJL (PyTorch CPU)", SIZES[s], BATCH, rounds, batches[s], new DjlInverse(), exact[s]);
			}
			for (int s = 0; s < SIZES.length; s++) {
				NDArray nd4j = time("ND4J LAPACK dposv, float64", SIZES[s], BATCH, rounds, batches[s], new Nd4jInverse(Nd4jSolver.LAPACK_POSV), exact[s]);
				System.out.printf(Locale.ROOT, "    ND4J vs DJL: largest relative difference %.2e%n", SpdBatches.relativeError(nd4j, djl[s]));
			}
			for (int s = 0; s < SIZES.length; s++) {
				int batch = SOLVE_OP_BATCH[s];
				time("ND4J solve op, float64", SIZES[s], batch, 1, batches[s].get("0:" + batch), new Nd4jInverse(Nd4jSolver.SOLVE_OP), exact[s].get("0:" + batch));
			}
			for (int s = 0; s < SIZES.length; s++)
				time("DJL after ND4J loaded", SIZES[s], BATCH, rounds, batches[s], new DjlInverse(), exact[s]);
		}
	}

	/**
	 * Prints the best wall time per matrix over the rounds and the mean process CPU time per matrix;
	 * with more than one round the first call is a warm-up and is not timed.
	 */
	private static NDArray time(String name, int d, int batch, int rounds, NDArray spd, BatchedInverse inverse, NDArray exact) {
		NDArray result = rounds > 1 ? inverse.invert(spd) : null;
		double best = Double.MAX_VALUE, cpu = 0;
		for (int r = 0; r < rounds; r++) {
			long cpu0 = processCpuNanos(), t0 = System.nanoTime();
			NDArray next = inverse.invert(spd);
			next.toFloatArray();
			best = Math.min(best, (System.nanoTime() - t0) / 1e6 / batch);
			cpu += (processCpuNanos() - cpu0) / 1e6 / batch / rounds;
			if (result != null) result.close();
			result = next;
		}
		System.out.printf(Locale.ROOT, "%-36s d=%3d batch %2d: %9.2f ms/matrix wall (best of %d), %9.2f ms/matrix CPU, error vs float64 %.2e%n",
				name, d, batch, best, rounds, cpu, SpdBatches.relativeError(result, exact));
		return result;
	}

	private static long processCpuNanos() {
		return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
	}
}
