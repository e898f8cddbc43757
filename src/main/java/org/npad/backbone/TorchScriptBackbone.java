package org.npad.backbone;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.engine.EngineException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

/**
 * A user's own network, saved with {@code torch.jit.save}, as N-pad backbone: e.g. the paper's
 * torchvision WideResNet-50-2 returning layer1..layer3 (see docs/backbones.md). Loaded offline by
 * DJL's PyTorch engine; no Python at run time.
 *
 * <p>The module takes one N x 3 x H x W tensor and returns a tensor, a tuple/list of tensors or a
 * dict of named tensors. A tap is chosen by its position in that (flattened) output ("0", "1",
 * "2") or by its dict key ("layer1"). A probe run on a 64 x 64 input at load time checks that the
 * taps are at strides 4, 8 and 16 and learns their channel counts, so a wrong file fails on load,
 * not halfway through training.
 */
public final class TorchScriptBackbone implements Backbone {

	/** The first three outputs, in order. */
	public static final List<String> DEFAULT_TAPS = List.of("0", "1", "2");
	private static final int PROBE_SIZE = 64;
	private static final int[] STRIDES = {4, 8, 16};

	private final Model model;
	private final List<String> taps;
	private final InputNormalisation normalisation;
	private final BackboneIdentity identity;
	private final int[] tapChannels;

	/** Default taps (first three outputs) and torchvision's ImageNet normalisation. */
	public static TorchScriptBackbone load(Path file, Device device) throws IOException {
		return load(file, device, DEFAULT_TAPS, InputNormalisation.TORCHVISION);
	}

	/**
	 * @param taps          three output positions or dict keys, in stride order 4, 8, 16
	 * @param normalisation what the network was trained on (torchvision models: {@link InputNormalisation#TORCHVISION})
	 */
	public static TorchScriptBackbone load(Path file, Device device, List<String> taps, InputNormalisation normalisation)
			throws IOException {
		if (taps.size() != STRIDES.length) throw new IllegalArgumentException("a backbone has three taps, got " + taps);
		if (!Files.isRegularFile(file)) throw new IOException("TorchScript file not found: " + file);
		String sha256 = sha256Of(file);
		Model model = Model.newInstance(file.getFileName().toString(), device, "PyTorch");
		try {
			model.load(file, null, Map.of("mapLocation", "true"));
		} catch (MalformedModelException | EngineException | IOException e) {
			model.close();
			throw new IOException(file + " is not a TorchScript module that libtorch can load (save it with torch.jit.save): "
					+ e.getMessage(), e);
		}
		try {
			return new TorchScriptBackbone(model, file, sha256, List.copyOf(taps), normalisation);
		} catch (EngineException e) {
			model.close();
			throw new IOException(file + ": the network fails on a 1 x 3 x " + PROBE_SIZE + " x " + PROBE_SIZE + " input: " + e.getMessage(), e);
		} catch (IOException | RuntimeException e) {
			model.close();
			throw e;
		}
	}

	private TorchScriptBackbone(Model model, Path file, String sha256, List<String> taps, InputNormalisation normalisation)
			throws IOException {
		this.model = model;
		this.taps = taps;
		this.normalisation = normalisation;
		identity = new BackboneIdentity("torchscript " + file.getFileName() + " taps " + String.join(",", taps)
				+ " input " + normalisation.describe(), sha256);
		tapChannels = new int[STRIDES.length];
		try (NDManager probe = NDManager.newBaseManager(model.getNDManager().getDevice(), "PyTorch")) {
			NDList outputs = run(probe.zeros(new Shape(1, 3, PROBE_SIZE, PROBE_SIZE)));
			for (int t = 0; t < STRIDES.length; t++) {
				NDArray tap = select(outputs, t, file.toString());
				long size = PROBE_SIZE / STRIDES[t];
				Shape shape = tap.getShape();
				if (shape.dimension() != 4 || shape.get(0) != 1 || shape.get(2) != size || shape.get(3) != size)
					throw new IOException(file + ": tap '" + taps.get(t) + "' is " + shape + " for a 1 x 3 x " + PROBE_SIZE + " x "
							+ PROBE_SIZE + " input; stride " + STRIDES[t] + " needs 1 x C x " + size + " x " + size);
				tapChannels[t] = (int) shape.get(1);
			}
		}
	}

	private NDList run(NDArray normalised) {
		return model.getBlock().forward(new ParameterStore(normalised.getManager(), false), new NDList(normalised), false);
	}

	private NDArray select(NDList outputs, int t, String source) throws IOException {
		String tap = taps.get(t);
		if (tap.matches("\\d+")) {
			int index = Integer.parseInt(tap);
			if (index < outputs.size()) return outputs.get(index);
		} else {
			for (NDArray output : outputs) if (tap.equals(output.getName())) return output;
		}
		List<String> available = new ArrayList<>();
		for (int i = 0; i < outputs.size(); i++)
			available.add(i + (outputs.get(i).getName() == null ? "" : " '" + outputs.get(i).getName() + "'") + ": " + outputs.get(i).getShape());
		throw new IOException(source + ": the network has no output '" + tap + "'; its outputs are " + available);
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
		Backbone.requireDevice(rgb, model.getNDManager().getDevice());
		NDManager caller = rgb.getManager();
		try (NDManager scope = caller.newSubManager()) {
			rgb.tempAttach(scope);
			NDList outputs = run(normalisation.apply(rgb));
			NDList selected = new NDList(STRIDES.length);
			for (int t = 0; t < STRIDES.length; t++) selected.add(select(outputs, t, identity.name()));
			selected.attach(caller);
			return selected;
		} catch (IOException e) {
			throw new IllegalStateException(e.getMessage(), e);
		}
	}

	@Override
	public void close() {
		model.close();
	}

	private static String sha256Of(Path file) throws IOException {
		MessageDigest digest = WeightFile.newSha256();
		try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
			in.transferTo(OutputStream.nullOutputStream());
		}
		return HexFormat.of().formatHex(digest.digest());
	}
}
