package org.npad.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
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
	public int chunk() {
		return PositionGaussians.chunk(channels());
	}

	/** A chunk of positions at a time: each chunk's temporaries are freed before the next is made. */
	@Override
	public NDArray squaredDistances(NDArray x, NDArray mean) {
		NDList parts = new NDList();
		for (int from = 0; from < positions(); from += chunk()) {
			int to = Math.min(positions(), from + chunk());
			NDArray part;
			try (NDScope scope = new NDScope()) {
				NDIndex range = range(from, to);
				NDArray delta = x.get(range).sub(mean.get(range).expandDims(1));
				part = delta.batchMatMul(values.get(range)).mul(delta).sum(new int[] {2}).maximum(0);
				NDScope.unregister(part);
			}
			NDScope.register(part); // to the caller's scope, if it has one, like any other result
			parts.add(part);
		}
		return parts.size() == 1 ? parts.get(0) : NDArrays.concat(parts);
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
