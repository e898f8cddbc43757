package org.npad.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.npad.compute.TorchLinalg;

/**
 * Precisions in half the memory: each position's matrix in float16, divided by a power of two that
 * brings its largest entry into [2^14, 2^15). The scale makes float16's range irrelevant: a matrix
 * of any magnitude keeps float16's 11 significant bits (each entry within 2^-11 of its float32
 * value, relatively, down to entries 2^-28 times the largest) and none overflows; being a power of
 * two, the scale adds no rounding of its own.
 *
 * <p>Scoring converts a few positions at a time back to float32 (CPU matrix products in float16
 * are slow) and multiplies in float32.
 *
 * @param values P x d x d, float16
 * @param scales P, float32: each matrix is values x scale
 */
public record Float16Precisions(NDArray values, NDArray scales) implements Precisions {

	/** Largest entries land in [2^14, 2^15): float16's largest finite value is 65504. */
	private static final int TOP_EXPONENT = 14;

	/** Space for P matrices of d x d, filled by {@link #set}. */
	static Float16Precisions allocate(NDManager manager, int positions, int channels) {
		return new Float16Precisions(manager.create(new Shape(positions, channels, channels), DataType.FLOAT16),
				manager.create(new Shape(positions), DataType.FLOAT32));
	}

	@Override
	public void set(int from, NDArray matrices) {
		try (NDScope scope = new NDScope()) {
			float[] largest = matrices.abs().reshape(matrices.getShape().get(0), -1).max(new int[] {1}).toFloatArray();
			float[] scale = new float[largest.length];
			for (int i = 0; i < largest.length; i++) scale[i] = scaleFor(largest[i]);
			NDArray chunkScales = matrices.getManager().create(scale);
			NDIndex range = Float32Precisions.range(from, from + largest.length);
			scales.set(range, chunkScales);
			values.set(range, matrices.div(chunkScales.reshape(-1, 1, 1)).toType(DataType.FLOAT16, false));
		}
	}

	/** The power of two that brings the largest entry into [2^14, 2^15); 1 for a zero or non-finite matrix. */
	static float scaleFor(float largest) {
		if (!(largest > 0) || !Float.isFinite(largest)) return 1;
		return Math.scalb(1f, Math.getExponent(largest) - TOP_EXPONENT);
	}

	/** About 8 MB of float32 matrices per chunk (6 positions at d = 550): chunks of 16 and 32 MB scored no faster. */
	@Override
	public int chunk() {
		return (int) Math.max(1, (1L << 21) / ((long) channels() * channels()));
	}

	/** In one libtorch kernel that converts each chunk into the same float32 buffer (docs/compute.md says why). */
	@Override
	public NDArray squaredDistances(NDArray x, NDArray mean) {
		return TorchLinalg.scaledQuadraticForms(x, mean, values, scales, chunk());
	}

	@Override
	public NDArray matrices(int from, int to) {
		return values.get(Float32Precisions.range(from, to)).toType(DataType.FLOAT32, false)
				.mul(scales.get(Float32Precisions.range(from, to)).reshape(-1, 1, 1));
	}

	@Override
	public long bytes() {
		return values.size() * 2 + scales.size() * Float.BYTES;
	}

	@Override
	public void attach(NDManager manager) {
		values.attach(manager);
		scales.attach(manager);
	}

	@Override
	public void close() {
		values.close();
		scales.close();
	}
}
