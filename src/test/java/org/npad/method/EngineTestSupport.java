package org.npad.method;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;

/** Small constructors shared by the method tests. */
final class EngineTestSupport {

	private EngineTestSupport() {
	}

	/** A configuration reduced to the module under test: d channels, no smoothing, one pixel map. */
	static NpadConfig plain(int channels) {
		return NpadConfig.paper().withChannels(channels).withChannelRule(ChannelRule.RANDOM).withShift(0)
				.withSmoothingSigma(0).withPixelMap(PixelMapKind.D1).withImageScore(ImageScoreKind.MAX_PIXEL)
				.withInferNeighbourhood(1).withTrainNeighbourhood(1);
	}

	/** N x d x H x W array from values listed image by image, channel by channel, row-major. */
	static NDArray features(NDManager m, int n, int d, int h, int w, float... values) {
		return m.create(values, new Shape(n, d, h, w));
	}

	static int[] identityChannels(int d) {
		int[] c = new int[d];
		for (int i = 0; i < d; i++) c[i] = i;
		return c;
	}

	/** Every precision matrix's values, row-major, as float32. */
	static float[] precisionValues(PositionGaussians g) {
		try (NDArray all = g.precision().matrices(0, g.positions())) {
			return all.toFloatArray();
		}
	}

	static NpadModel train(NDManager m, NpadConfig config, int h, int w, NDArray... batches) {
		try (NpadTrainer trainer = new NpadTrainer(config, identityChannels(config.channels()), h, w, m)) {
			for (NDArray b : batches) trainer.add(b);
			return trainer.finish(m);
		}
	}
}
