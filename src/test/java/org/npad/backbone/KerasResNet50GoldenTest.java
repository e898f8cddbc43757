package org.npad.backbone;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The imported network against an independent reference forward pass of the same Keras model
 * (/work/shared/backbone-reference): stage3 tensors, tap statistics, and ImageNet top-5 classes.
 */
class KerasResNet50GoldenTest {

	private static final String[] TAPS = {"stage2", "stage3", "stage4"};

	private static Path reference;
	private static JsonObject expected;
	private static NDManager manager;
	private static WeightFile weights;
	private static KerasResNet50Backbone backbone;
	private static final Map<String, NDList> tapsByImage = new HashMap<>();

	@BeforeAll
	static void runNetwork() throws IOException {
		reference = Path.of(System.getProperty("npad.shared"), "backbone-reference");
		expected = JsonParser.parseString(Files.readString(reference.resolve("expected.json"))).getAsJsonObject();
		manager = NDManager.newBaseManager(Device.cpu(), "PyTorch");
		weights = WeightFile.read(BackboneWeights.withClassifier());
		backbone = new KerasResNet50Backbone(weights, Device.cpu());
		for (String image : new String[] {"chelsea", "coffee"})
			tapsByImage.put(image, backbone.forwardNormalised(input(image)));
	}

	@AfterAll
	static void release() {
		backbone.close();
		manager.close();
	}

	private static NDArray input(String image) throws IOException {
		return readF32(reference.resolve(image + "_input_nchw_1x3x224x224.f32"), new Shape(1, 3, 224, 224));
	}

	private static NDArray readF32(Path file, Shape shape) throws IOException {
		ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(file)).order(ByteOrder.LITTLE_ENDIAN);
		float[] values = new float[bytes.remaining() / 4];
		bytes.asFloatBuffer().get(values);
		return manager.create(values, shape);
	}

	private static float maxAbsDiff(NDArray a, NDArray b) {
		return a.sub(b).abs().max().getFloat();
	}

	@ParameterizedTest
	@ValueSource(strings = {"chelsea", "coffee"})
	void stage3EqualsReferenceTensor(String image) throws IOException {
		NDArray stage3 = tapsByImage.get(image).get(1);
		NDArray golden = readF32(reference.resolve(image + "_stage3_chw_512x28x28.f32"), new Shape(1, 512, 28, 28));
		assertEquals(golden.getShape(), stage3.getShape());
		float diff = maxAbsDiff(stage3, golden);
		System.out.printf("%s stage3 max abs diff vs reference: %.3g%n", image, diff);
		assertTrue(diff < 2e-4, image + ": stage3 max abs diff " + diff);
	}

	@ParameterizedTest
	@ValueSource(strings = {"chelsea", "coffee"})
	void tapStatisticsEqualReference(String image) {
		NDList taps = tapsByImage.get(image);
		for (int t = 0; t < TAPS.length; t++) {
			JsonObject want = expected.getAsJsonObject(image).getAsJsonObject(TAPS[t]);
			String what = image + " " + TAPS[t];
			JsonArray chw = want.getAsJsonArray("shape_chw");
			int c = chw.get(0).getAsInt(), h = chw.get(1).getAsInt(), w = chw.get(2).getAsInt();
			assertEquals(new Shape(1, c, h, w), taps.get(t).getShape(), what);
			float[] v = taps.get(t).toFloatArray();
			double sum = 0, sumSq = 0, max = Double.NEGATIVE_INFINITY;
			long nonZero = 0;
			for (float x : v) {
				sum += x;
				sumSq += (double) x * x;
				max = Math.max(max, x);
				if (x != 0) nonZero++;
			}
			double mean = sum / v.length;
			assertEquals(want.get("mean").getAsDouble(), mean, 1e-5, what + " mean");
			assertEquals(want.get("std").getAsDouble(), Math.sqrt(sumSq / v.length - mean * mean), 1e-5, what + " std");
			assertEquals(want.get("max").getAsDouble(), max, 1e-4, what + " max");
			assertEquals(want.get("fraction_nonzero").getAsDouble(), (double) nonZero / v.length, 1e-4, what + " fraction non-zero");
			assertEquals(want.get("sample_c0_y0_x0").getAsDouble(), v[0], 1e-4, what + " sample c0 y0 x0");
			assertEquals(want.get("sample_c10_y5_x7").getAsDouble(), v[(10 * h + 5) * w + 7], 1e-4, what + " sample c10 y5 x7");
			JsonArray channelMeans = want.getAsJsonArray("channel_means_first8");
			for (int ch = 0; ch < 8; ch++) {
				double channelSum = 0;
				for (int i = ch * h * w; i < (ch + 1) * h * w; i++) channelSum += v[i];
				assertEquals(channelMeans.get(ch).getAsDouble(), channelSum / (h * w), 1e-5, what + " mean of channel " + ch);
			}
		}
	}

	@ParameterizedTest
	@ValueSource(strings = {"chelsea", "coffee"})
	void top5ImageNetClassesEqualReference(String image) {
		NDArray stage5 = backbone.stage(5, tapsByImage.get(image).get(2));
		assertEquals(new Shape(1, 2048, 7, 7), stage5.getShape());
		NDArray pooled = stage5.reshape(1, 2048, -1).mean(new int[] {2});
		NDArray logits = pooled.matMul(weights.weight("fc1000", manager)).add(weights.bias("fc1000", manager));
		float[] probabilities = logits.softmax(1).toFloatArray();
		JsonArray top5 = expected.getAsJsonObject(image).getAsJsonArray("top5");
		int[] wantClasses = new int[5], gotClasses = new int[5];
		for (int k = 0; k < 5; k++) {
			wantClasses[k] = top5.get(k).getAsJsonArray().get(0).getAsInt();
			int best = -1;
			for (int i = 0; i < probabilities.length; i++)
				if ((best < 0 || probabilities[i] > probabilities[best]) && !contains(gotClasses, k, i)) best = i;
			gotClasses[k] = best;
		}
		assertArrayEquals(wantClasses, gotClasses, image + " top-5 classes");
		for (int k = 0; k < 5; k++)
			assertEquals(top5.get(k).getAsJsonArray().get(2).getAsDouble(), probabilities[gotClasses[k]], 1e-4, image + " probability of rank " + k);
	}

	private static boolean contains(int[] values, int count, int value) {
		for (int i = 0; i < count; i++) if (values[i] == value) return true;
		return false;
	}

	@ParameterizedTest
	@ValueSource(strings = {"coffee"})
	void rgbEntryDoesTheCaffePreprocessing(String image) throws IOException {
		// Undo the reference preprocessing by its published definition: add the BGR means, flip to RGB.
		NDArray bgrMeans = manager.create(new float[] {103.939f, 116.779f, 123.68f}, new Shape(1, 3, 1, 1));
		NDArray rgb = input(image).add(bgrMeans).flip(1);
		NDList taps = backbone.forward(rgb);
		for (int t = 0; t < TAPS.length; t++) {
			float diff = maxAbsDiff(taps.get(t), tapsByImage.get(image).get(t));
			assertTrue(diff < 1e-3, TAPS[t] + " differs by " + diff + " between the RGB and the preprocessed entry");
		}
	}
}
