package org.npad.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * Precisions as estimation writes them, float32: training and its tests read them exactly. A model
 * kept for detection holds them so only where {@link PrecisionFormat#selected()} says.
 *
 * @param values P x d x d, float32
 */
public record Float32Precisions(NDArray values) implements Precisions {

	static Float32Precisions allocate(NDManager manager, int positions, int channels) {
		return new Float32Precisions(manager.create(new Shape(positions, channels, channels), DataType.FLOAT32));
	}

	@Override
	public int positions() {
		return (int) values.getShape().get(0);
	}

	@Override
	public int channels() {
		return (int) values.getShape().get(1);
	}

	@Override
	public int chunk() {
		return PositionGaussians.chunk(channels());
	}

	/** The products read the matrices where they are: nothing to hold. */
	@Override
	public Pass pass(NDManager manager) {
		return new Pass() {
			@Override
			public NDArray quadraticForms(NDArray delta, int from, int to) {
				return delta.batchMatMul(values.get(range(from, to))).mul(delta).sum(new int[] {2});
			}

			@Override
			public void close() {
			}
		};
	}

	@Override
	public NDArray matrices(int from, int to) {
		return values.get(range(from, to)).duplicate();
	}

	@Override
	public void set(int from, NDArray matrices) {
		values.set(range(from, from + (int) matrices.getShape().get(0)), matrices);
	}

	@Override
	public long bytes() {
		return values.size() * Float.BYTES;
	}

	static NDIndex range(int from, int to) {
		return new NDIndex(from + ":" + to);
	}

	@Override
	public void attach(NDManager manager) {
		values.attach(manager);
	}

	@Override
	public void close() {
		values.close();
	}
}
