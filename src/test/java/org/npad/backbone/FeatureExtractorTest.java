package org.npad.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FeatureExtractorTest extends CpuTensorTest {

	/**
	 * Taps of ceil(H/s) x ceil(W/s) for s = 4, 8, 16. Channel c of tap t holds a value that only
	 * depends on (t, c, y, x) so that the concatenation order is visible.
	 */
	private static final class FakeBackbone implements Backbone {
		private final int[] channels;

		FakeBackbone(int... channels) {
			this.channels = channels;
		}

		@Override
		public BackboneIdentity identity() {
			return new BackboneIdentity("fake", "0");
		}

		@Override
		public int[] tapChannels() {
			return channels.clone();
		}

		@Override
		public NDList forward(NDArray rgb) {
			long n = rgb.getShape().get(0), h = rgb.getShape().get(2), w = rgb.getShape().get(3);
			NDList taps = new NDList();
			for (int t = 0; t < 3; t++) {
				int s = 4 << t;
				long th = (h + s - 1) / s, tw = (w + s - 1) / s;
				taps.add(rgb.getManager().arange((float) (n * channels[t] * th * tw)).reshape(n, channels[t], th, tw).add(1000 * t));
			}
			return taps;
		}

		@Override
		public void close() {}
	}

	@Test
	void tinyTapsAreUpsampledAndStackedAsComputedByHand() {
		// Input 16 x 16: taps 4 x 4 (values 0..15), 2 x 2 (1000..1003) and 1 x 1 (2000).
		NDArray rgb = manager.zeros(new Shape(1, 3, 16, 16));
		NDArray features = new FeatureExtractor(new FakeBackbone(1, 1, 1)).extract(rgb);
		assertEquals(new Shape(1, 3, 4, 4), features.getShape());
		float[] v = features.toFloatArray();
		float[] tap1 = new float[16], tap2 = new float[16], tap3 = new float[16];
		System.arraycopy(v, 0, tap1, 0, 16);
		System.arraycopy(v, 16, tap2, 0, 16);
		System.arraycopy(v, 32, tap3, 0, 16);
		float[] identity = new float[16];
		for (int i = 0; i < 16; i++) identity[i] = i;
		assertArrayEquals(identity, tap1, 1e-6f);
		// [[1000, 1001], [1002, 1003]] to 4 x 4, align_corners=false: 1000 + [[0, .25, .75, 1], [.5, .75, 1.25, 1.5], ...]
		float[] upsampled = {
				0.00f, 0.25f, 0.75f, 1.00f,
				0.50f, 0.75f, 1.25f, 1.50f,
				1.50f, 1.75f, 2.25f, 2.50f,
				2.00f, 2.25f, 2.75f, 3.00f};
		for (int i = 0; i < 16; i++) upsampled[i] += 1000;
		assertArrayEquals(upsampled, tap2, 1e-4f);
		float[] constant = new float[16];
		java.util.Arrays.fill(constant, 2000);
		assertArrayEquals(constant, tap3, 1e-4f);
	}

	@Test
	void oddInputGivesCeilQuarterGridWithAllChannels() {
		NDArray rgb = manager.zeros(new Shape(2, 3, 233, 301));
		FeatureExtractor extractor = new FeatureExtractor(new FakeBackbone(4, 8, 16));
		NDArray features = extractor.extract(rgb);
		assertEquals(28, extractor.channels());
		assertEquals(new Shape(2, 28, 59, 76), features.getShape());
	}

	@Test
	void keptChannelsEqualSelectingAfterConcatenation() {
		NDArray rgb = manager.zeros(new Shape(2, 3, 37, 45));
		FakeBackbone backbone = new FakeBackbone(4, 8, 16);
		NDArray all = new FeatureExtractor(backbone).extract(rgb);
		int[] kept = {1, 3, 4, 11, 12, 27};
		FeatureExtractor selecting = new FeatureExtractor(backbone, kept);
		NDArray selected = selecting.extract(rgb);
		assertEquals(kept.length, selecting.channels());
		assertEquals(new Shape(2, kept.length, 10, 12), selected.getShape());
		for (int k = 0; k < kept.length; k++) {
			float[] want = all.get(":, " + kept[k]).toFloatArray();
			float[] got = selected.get(":, " + k).toFloatArray();
			assertArrayEquals(want, got, 1e-3f, "kept channel " + kept[k]);
		}
	}

	@Test
	void projectingEachTapEqualsProjectingTheConcatenation() {
		NDArray rgb = manager.zeros(new Shape(2, 3, 37, 45));
		FakeBackbone backbone = new FakeBackbone(4, 8, 16);
		float[] all = new FeatureExtractor(backbone).extract(rgb).toFloatArray(); // 2 x 28 x 10 x 12
		int total = 28, d = 3, positions = 10 * 12;
		float[] projection = new float[total * d];
		for (int i = 0; i < projection.length; i++) projection[i] = ((i * 7) % 11 - 5) / 10f;
		FeatureExtractor projecting = new FeatureExtractor(backbone, projection, d);
		NDArray projected = projecting.extract(rgb);
		assertEquals(d, projecting.channels());
		assertEquals(new Shape(2, d, 10, 12), projected.getShape());
		float[] got = projected.toFloatArray();
		for (int n = 0; n < 2; n++)
			for (int k = 0; k < d; k++)
				for (int p = 0; p < positions; p++) {
					double want = 0;
					for (int c = 0; c < total; c++) want += all[(n * total + c) * positions + p] * projection[c * d + k];
					assertEquals(want, got[(n * d + k) * positions + p], 1e-3 * (1 + Math.abs(want)), "image " + n + ", direction " + k + ", position " + p);
				}
	}

	@Test
	void oneHotProjectionSelectsChannels() {
		NDArray rgb = manager.zeros(new Shape(1, 3, 32, 32));
		FakeBackbone backbone = new FakeBackbone(4, 8, 16);
		int[] kept = {2, 9, 20};
		float[] oneHot = new float[28 * kept.length];
		for (int k = 0; k < kept.length; k++) oneHot[kept[k] * kept.length + k] = 1;
		assertArrayEquals(new FeatureExtractor(backbone, kept).extract(rgb).toFloatArray(),
				new FeatureExtractor(backbone, oneHot, kept.length).extract(rgb).toFloatArray(), 1e-3f);
	}

	@Test
	void rejectsUnsortedOrOutOfRangeChannels() {
		FakeBackbone backbone = new FakeBackbone(4, 8, 16);
		assertThrows(IllegalArgumentException.class, () -> new FeatureExtractor(backbone, new int[] {3, 1}));
		assertThrows(IllegalArgumentException.class, () -> new FeatureExtractor(backbone, new int[] {28}));
		assertThrows(IllegalArgumentException.class, () -> new FeatureExtractor(backbone, new int[] {-1, 2}));
		assertThrows(IllegalArgumentException.class, () -> new FeatureExtractor(backbone, new float[27 * 2], 2), "a projection must cover all 28 channels");
	}
}
