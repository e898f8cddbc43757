package org.npad.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.npad.backbone.FeatureExtractor;
import org.npad.backbone.KerasResNet50Backbone;
import org.npad.backbone.WeightFile;
import org.npad.method.ChannelProjection;
import org.npad.method.ChannelRule;
import org.npad.method.ChannelSelection;
import org.npad.method.NpadConfig;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;

/**
 * How fast the Keras ResNet-50 backbone runs, next to what the machine's matrix multiply can do.
 * Prints time per 224 x 224 image (batch 1 and 8), time per megapixel (one 1024 x 1024 image), the
 * network's convolution GFLOP/s and a 2048 x 2048 float32 matMul's GFLOP/s from the same run.
 *
 * <p>Usage: {@code BackboneBenchmark [weight file] [cpu|gpu]}; the weight file defaults to where
 * scripts/fetch-backbone.sh puts it.
 */
public final class BackboneBenchmark {

	private BackboneBenchmark() {}

	public static void main(String[] args) throws IOException {
		Path weights = Path.of(args.length > 0 ? args[0] : ".build/backbone/resources/org/npad/backbone/keras-resnet50-imagenet.npw");
		Device device = args.length > 1 && args[1].equals("gpu") ? Device.gpu() : Device.cpu();
		long loadStart = System.nanoTime();
		WeightFile file = WeightFile.read(weights);
		try (KerasResNet50Backbone backbone = KerasResNet50Backbone.load(weights, device);
				NDManager manager = NDManager.newBaseManager(device, "PyTorch")) {
			double loadSeconds = (System.nanoTime() - loadStart) / 2e9; // the file was read twice
			Engine engine = Engine.getEngine("PyTorch");
			System.out.printf(Locale.ROOT, "engine %s %s on %s, %d JVM processors%n", engine.getEngineName(), engine.getVersion(), device,
					Runtime.getRuntime().availableProcessors());
			System.out.printf(Locale.ROOT, "weights %s: %.1f MB, loaded in %.2f s%n", weights.getFileName(), weights.toFile().length() / 1e6, loadSeconds);

			double flops224 = convolutionFlops(file, 224, 224);
			double flops1024 = convolutionFlops(file, 1024, 1024);
			System.out.printf(Locale.ROOT, "convolution work through stage 4: %.2f GFLOP per 224 x 224 image, %.2f GFLOP per 1024 x 1024%n",
					flops224 / 1e9, flops1024 / 1e9);

			double batch1 = seconds(backbone, manager, 1, 224, 224, 10);
			double batch8 = seconds(backbone, manager, 8, 224, 224, 5);
			double mega = seconds(backbone, manager, 1, 1024, 1024, 3);
			System.out.printf(Locale.ROOT, "224 x 224, batch 1: %.1f ms per image (%.1f GFLOP/s)%n", 1e3 * batch1, flops224 / batch1 / 1e9);
			System.out.printf(Locale.ROOT, "224 x 224, batch 8: %.1f ms per image (%.1f GFLOP/s)%n", 1e3 * batch8 / 8, 8 * flops224 / batch8 / 1e9);
			System.out.printf(Locale.ROOT, "1024 x 1024, batch 1: %.0f ms per image, %.0f ms per megapixel (%.1f GFLOP/s)%n", 1e3 * mega,
					1e3 * mega / (1024 * 1024 / 1e6), flops1024 / mega / 1e9);

			double extract = extractSeconds(new FeatureExtractor(backbone), manager, 8, 5);
			System.out.printf(Locale.ROOT, "features 1792 x 56 x 56 (backbone + upsampling + concat), batch 8: %.1f ms per image%n", 1e3 * extract / 8);
			int total = 1792, d = 550;
			int[] kept = new ChannelSelection(total).select(NpadConfig.fast().withChannels(d).withChannelRule(ChannelRule.RANDOM));
			double selected = extractSeconds(new FeatureExtractor(backbone, kept), manager, 8, 5);
			double projected = extractSeconds(new FeatureExtractor(backbone, ChannelProjection.semiOrthogonal(total, d, 0), d), manager, 8, 5);
			System.out.printf(Locale.ROOT, "features %d x 56 x 56, batch 8: %.1f ms per image with %d random channels, %.1f ms projected (semi_orthogonal)%n",
					d, 1e3 * selected / 8, d, 1e3 * projected / 8);

			double matMul = matMulSeconds(manager, 2048, 5);
			System.out.printf(Locale.ROOT, "matMul 2048 x 2048 float32: %.1f ms, %.1f GFLOP/s; the backbone reaches %.0f %% of it (batch 8)%n",
					1e3 * matMul, 2.0 * 2048 * 2048 * 2048 / matMul / 1e9, 100 * (8 * flops224 / batch8) / (2.0 * 2048 * 2048 * 2048 / matMul));
		}
	}

	/** Median seconds of one forward pass of a batch, after one untimed warm-up. */
	private static double seconds(KerasResNet50Backbone backbone, NDManager manager, int batch, int height, int width, int repeats) {
		double[] times = new double[repeats];
		try (NDManager scope = manager.newSubManager()) {
			NDArray input = scope.randomUniform(0, 255, new Shape(batch, 3, height, width));
			for (int r = -1; r < repeats; r++) {
				long start = System.nanoTime();
				NDList taps = backbone.forward(input);
				taps.get(2).get(0, 0, 0, 0).getFloat(); // waits for the device
				if (r >= 0) times[r] = (System.nanoTime() - start) / 1e9;
				taps.close();
			}
		}
		return median(times);
	}

	private static double extractSeconds(FeatureExtractor extractor, NDManager manager, int batch, int repeats) {
		double[] times = new double[repeats];
		try (NDManager scope = manager.newSubManager()) {
			NDArray input = scope.randomUniform(0, 255, new Shape(batch, 3, 224, 224));
			for (int r = -1; r < repeats; r++) {
				long start = System.nanoTime();
				NDArray features = extractor.extract(input);
				features.get(0, 0, 0, 0).getFloat();
				if (r >= 0) times[r] = (System.nanoTime() - start) / 1e9;
				features.close();
			}
		}
		return median(times);
	}

	private static double matMulSeconds(NDManager manager, int n, int repeats) {
		double[] times = new double[repeats];
		try (NDManager scope = manager.newSubManager()) {
			NDArray a = scope.randomUniform(-1, 1, new Shape(n, n));
			NDArray b = scope.randomUniform(-1, 1, new Shape(n, n));
			for (int r = -1; r < repeats; r++) {
				long start = System.nanoTime();
				NDArray c = a.matMul(b);
				c.get(0, 0).getFloat();
				if (r >= 0) times[r] = (System.nanoTime() - start) / 1e9;
				c.close();
			}
		}
		return median(times);
	}

	/**
	 * 2 x multiply-adds of every convolution through stage 4 for one image, from the layer shapes:
	 * the first 1x1 of a block and its projection read the block's input, the others their
	 * predecessor's output.
	 */
	static double convolutionFlops(WeightFile file, int height, int width) {
		double flops = 0;
		int[] current = null, blockInput = null;
		for (WeightFile.LayerSpec layer : file.header().layers()) {
			if (!layer.kind().equals("conv2d")) continue;
			int[] in;
			if (layer.name().equals("conv1")) in = new int[] {height, width};
			else if (layer.name().endsWith("_branch2a")) in = blockInput = current;
			else if (layer.name().endsWith("_branch1")) in = blockInput;
			else in = current;
			long[] w = layer.weightShape();
			int[] out = new int[2];
			for (int d = 0; d < 2; d++) out[d] = (in[d] + 2 * layer.padding()[d] - (int) w[2 + d]) / layer.stride()[d] + 1;
			flops += 2.0 * out[0] * out[1] * w[0] * w[1] * w[2] * w[3];
			if (layer.name().equals("conv1")) current = new int[] {(out[0] + 1) / 2, (out[1] + 1) / 2}; // 3x3/2 max pool, padding 1
			else if (!layer.name().endsWith("_branch1")) current = out;
		}
		return flops;
	}

	private static double median(double[] values) {
		double[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}
}
