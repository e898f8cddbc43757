package org.npad.backbone;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;

/**
 * A frozen ImageNet network seen only through its three taps. N-pad needs features at strides 4, 8
 * and 16 of the input; which layers give them, and how the network wants its input normalised, is
 * the backbone's business, so every implementation takes plain RGB in 0-255 and normalises itself.
 */
public interface Backbone extends AutoCloseable {

	/** Name and weight hash: stored in every model so that a model is never scored with other features. */
	BackboneIdentity identity();

	/** Channels of the three taps, in tap order (for the Keras ResNet-50: 256, 512, 1024). */
	int[] tapChannels();

	/**
	 * @param rgb N x 3 x H x W float32, RGB, values 0-255, on the device where the network runs
	 * @return the three taps at strides 4, 8 and 16, each N x C_t x ceil(H/s) x ceil(W/s)
	 */
	NDList forward(NDArray rgb);

	@Override
	void close();

	/** A tensor on another device would be copied silently at every layer, or fail deep in libtorch: refused at the entry instead. */
	static void requireDevice(NDArray input, Device device) {
		if (!input.getDevice().equals(device))
			throw new IllegalArgumentException("input is on " + input.getDevice() + " but the backbone runs on " + device);
	}
}
