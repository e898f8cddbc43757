package org.npad.backbone;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.npad.TemporaryProperty;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The shipped stage-4 weights: identity, odd sizes, batches and the feature map. */
class KerasResNet50BackboneTest {

	@Test
	void identityIsTheNameAndTheSha256OfTheWeightData() throws Exception {
		Path file = BackboneWeights.stage4();
		byte[] bytes = Files.readAllBytes(file);
		ByteBuffer b = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
		int headerLength = b.getInt(12);
		long dataLength = b.getLong(16 + headerLength);
		int dataStart = 16 + headerLength + 8;
		byte[] data = Arrays.copyOfRange(bytes, dataStart, Math.toIntExact(dataStart + dataLength));
		String expectedHash = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
		try (KerasResNet50Backbone backbone = KerasResNet50Backbone.load(file, Device.cpu())) {
			assertEquals(new BackboneIdentity("keras-resnet50-imagenet", expectedHash), backbone.identity());
			assertArrayEquals(new int[] {256, 512, 1024}, backbone.tapChannels());
		}
	}

	@Test
	void oddSizedBatchGivesCeilGridsAndEqualsSingleImages() throws IOException {
		try (KerasResNet50Backbone backbone = KerasResNet50Backbone.load(BackboneWeights.stage4(), Device.cpu());
				NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
			manager.getEngine().setRandomSeed(7);
			NDArray batch = manager.randomUniform(0, 255, new Shape(2, 3, 233, 301));
			NDList taps = backbone.forward(batch);
			assertEquals(new Shape(2, 256, 59, 76), taps.get(0).getShape());
			assertEquals(new Shape(2, 512, 30, 38), taps.get(1).getShape());
			assertEquals(new Shape(2, 1024, 15, 19), taps.get(2).getShape());
			NDList second = backbone.forward(batch.get("1:2"));
			for (int t = 0; t < 3; t++) {
				float diff = taps.get(t).get("1:2").sub(second.get(t)).abs().max().getFloat();
				assertTrue(diff < 1e-3, "tap " + t + " of image 2 differs by " + diff + " between batch and single");
			}
			NDArray features = new FeatureExtractor(backbone).extract(batch.get("0:1"));
			assertEquals(new Shape(1, 1792, 59, 76), features.getShape());
		}
	}

	@Test
	void inputThatIsNotRgbIsRejected() throws IOException {
		try (KerasResNet50Backbone backbone = KerasResNet50Backbone.load(BackboneWeights.stage4(), Device.cpu());
				NDManager manager = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
			IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> backbone.forward(manager.zeros(new Shape(1, 1, 32, 32))));
			assertTrue(e.getMessage().contains("N x 3 x H x W"), e.getMessage());
		}
	}

	@Test
	void weightsPropertyIsHonoured() throws IOException {
		try (TemporaryProperty weights = TemporaryProperty.set(KerasResNet50Backbone.WEIGHTS_PROPERTY, BackboneWeights.stage4().toString());
				KerasResNet50Backbone backbone = KerasResNet50Backbone.load(Device.cpu())) {
			assertEquals("keras-resnet50-imagenet", backbone.identity().name());
		}
		try (TemporaryProperty missing = TemporaryProperty.set(KerasResNet50Backbone.WEIGHTS_PROPERTY, "/nonexistent/weights.npw")) {
			IOException e = assertThrows(IOException.class, () -> KerasResNet50Backbone.load(Device.cpu()));
			assertTrue(e.getMessage().contains("/nonexistent/weights.npw"), e.getMessage());
		}
	}
}
