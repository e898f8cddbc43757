package org.npad.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import org.npad.compute.TorchLinalg;

/**
 * Streams per-position first and second moments over any number of feature maps, so training
 * memory is the size of the statistics, never the size of the training set (method.md section 2).
 *
 * <p>Sums are taken around a per-position shift (the first batch's mean): raw float32 second
 * moments minus the squared mean lose most of their digits on hundreds of images, shifted ones
 * do not. The d x d products are added in place (one pass over the statistics per batch, the cost
 * that dominates training; libtorch's baddbmm_ makes no temporary of the statistics' size).
 */
public final class MomentAccumulator implements AutoCloseable {

	private static final long CHUNK_ELEMENTS = 1L << 25; // about 128 MB of float32 per product chunk

	private final NDManager manager;
	private final int positions;
	private final int channels;
	private NDArray shift;   // P x d
	private NDArray sum;     // P x d, of shifted values
	private NDArray product; // P x d x d, of shifted values
	private long count;

	public MomentAccumulator(NDManager parent, int positions, int channels) {
		this.manager = parent.newSubManager();
		this.positions = positions;
		this.channels = channels;
	}

	/** @param batch P x N x d features in position-major layout */
	public void add(NDArray batch) {
		Shape s = batch.getShape();
		if (s.get(0) != positions || s.get(2) != channels)
			throw new IllegalArgumentException("expected " + positions + " positions x " + channels + " channels, got " + s);
		if (shift == null) {
			shift = batch.mean(new int[] {1}).toType(DataType.FLOAT32, false);
			shift.attach(manager);
			sum = manager.zeros(new Shape(positions, channels));
			product = manager.zeros(new Shape(positions, channels, channels));
			NDScope.unregister(shift, sum, product); // they outlive any scope the caller has open
		}
		try (NDScope scope = new NDScope()) {
			NDArray x = batch.toType(DataType.FLOAT32, false);
			NDArray y = x.sub(shift.expandDims(1));
			sum.addi(y.sum(new int[] {1}));
			TorchLinalg.addGram(product, y);
			count += s.get(1);
		}
	}

	public long count() {
		return count;
	}

	/**
	 * Turns the sums into per-position means and centred scatter matrices, sum_i (e_i - mu)(e_i - mu)^T.
	 * The accumulator's arrays are handed over; it cannot be used afterwards.
	 */
	public PositionMoments finish(NDManager owner) {
		if (count == 0) throw new IllegalStateException("no feature maps were added");
		NDArray mean = shift.add(sum.div(count));
		NDArray scatter = product;
		int chunk = (int) Math.max(1, CHUNK_ELEMENTS / ((long) channels * channels));
		for (int from = 0; from < positions; from += chunk) {
			int to = Math.min(positions, from + chunk);
			try (NDScope scope = new NDScope()) {
				NDArray s = sum.get(new NDIndex(from + ":" + to)).expandDims(2);
				scatter.get(new NDIndex(from + ":" + to)).subi(s.batchMatMul(s.transpose(0, 2, 1)).div(count));
			}
		}
		mean.attach(owner);
		scatter.attach(owner);
		return new PositionMoments(mean, scatter, count);
	}

	@Override
	public void close() {
		manager.close();
	}
}
