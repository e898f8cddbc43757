package org.npad.pipeline;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import org.npad.backbone.Backbone;
import org.npad.backbone.BackboneIdentity;

import java.util.ArrayList;
import java.util.List;

/** The real backbone on a device that fails as libtorch does when it is given more than {@code room} images. */
final class SmallDevice implements Backbone {
	private final Backbone real;
	private final int room;
	final List<Integer> calls = new ArrayList<>();

	SmallDevice(Backbone real, int room) {
		this.real = real;
		this.room = room;
	}

	@Override
	public NDList forward(NDArray rgb) {
		int n = (int) rgb.getShape().get(0);
		calls.add(n);
		if (n > room) rgb.getManager().zeros(new Shape(1L << 50)); // a real allocation failure of the engine
		return real.forward(rgb);
	}

	@Override
	public BackboneIdentity identity() {
		return real.identity();
	}

	@Override
	public int[] tapChannels() {
		return real.tapChannels();
	}

	@Override
	public void close() {
	}
}
