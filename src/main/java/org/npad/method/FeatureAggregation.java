package org.npad.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

/**
 * phi of eq. 7: the mean of the features over the neighbourhood window, where border positions
 * are averaged over the neighbours that exist (average pooling without counting padding).
 */
public final class FeatureAggregation {

	private final Window window;

	public FeatureAggregation(int size) {
		this.window = new Window(size);
	}

	/** @param features N x d x H x W; returns phi of the same shape. */
	public NDArray apply(NDArray features) {
		if (window.size() == 1) return features.duplicate();
		Shape shape = features.getShape();
		int h = (int) shape.get(2), w = (int) shape.get(3);
		NDArray sum = features.zerosLike();
		NDArray count = features.getManager().zeros(new Shape(1, 1, h, w));
		for (int[] o : window.offsets()) {
			int dy = o[0], dx = o[1];
			// target rows y take source rows y + dy where both are inside the map
			String target = range(Math.max(0, -dy), Math.min(h, h - dy)) + "," + range(Math.max(0, -dx), Math.min(w, w - dx));
			String source = range(Math.max(0, dy), Math.min(h, h + dy)) + "," + range(Math.max(0, dx), Math.min(w, w + dx));
			sum.get(new NDIndex(":,:," + target)).addi(features.get(new NDIndex(":,:," + source)));
			count.get(new NDIndex(":,:," + target)).addi(1);
		}
		return sum.divi(count);
	}

	private static String range(int from, int to) {
		return from + ":" + to;
	}
}
