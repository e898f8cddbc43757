package org.npad.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;

import java.util.Arrays;

/**
 * N-pad's feature map: the three taps brought to the stride-4 grid of the first tap (bilinear,
 * {@code align_corners=false}) and stacked along channels, tap order, e.g. 256 + 512 + 1024 = 1792
 * channels for ResNet-50. Optionally only some channels are kept (the model's channel selection),
 * or every channel is projected onto fewer directions (a fixed linear map of the channels).
 *
 * <p>Kept channels are taken, and projections applied, on each tap before it is upsampled:
 * resizing is linear and acts on each channel alone, so the result equals selecting or projecting
 * after concatenation, at a fraction of the work.
 */
public final class FeatureExtractor {

	private final Backbone backbone;
	private final int[] tapOffsets;
	private final long[][] keptPerTap;
	private final float[][] projectionPerTap; // per tap, channels() x its channels, row-major: the tap's block transposed
	private final int channels;

	/** Keeps all channels. */
	public FeatureExtractor(Backbone backbone) {
		this(backbone, null);
	}

	/**
	 * @param keptChannels strictly increasing indices into the concatenated channels, or null for all
	 */
	public FeatureExtractor(Backbone backbone, int[] keptChannels) {
		this.backbone = backbone;
		int[] tapChannels = backbone.tapChannels();
		tapOffsets = offsets(tapChannels);
		int total = tapOffsets[tapChannels.length];
		projectionPerTap = null;
		if (keptChannels == null) {
			keptPerTap = null;
			channels = total;
			return;
		}
		for (int i = 0; i < keptChannels.length; i++) {
			if (keptChannels[i] < 0 || keptChannels[i] >= total)
				throw new IllegalArgumentException("kept channel " + keptChannels[i] + " is outside 0.." + (total - 1));
			if (i > 0 && keptChannels[i] <= keptChannels[i - 1])
				throw new IllegalArgumentException("kept channels must be strictly increasing (at position " + i + ")");
		}
		if (keptChannels.length == 0) throw new IllegalArgumentException("no channels kept");
		keptPerTap = new long[tapChannels.length][];
		for (int t = 0; t < tapChannels.length; t++) {
			int from = tapOffsets[t], to = tapOffsets[t + 1];
			keptPerTap[t] = Arrays.stream(keptChannels).filter(c -> c >= from && c < to).mapToLong(c -> c - from).toArray();
		}
		channels = keptChannels.length;
	}

	/**
	 * Every channel of the taps projected: output channel k is sum_c x_c * projection[c * directions + k].
	 *
	 * @param projection all concatenated channels x directions, row-major
	 */
	public FeatureExtractor(Backbone backbone, float[] projection, int directions) {
		this.backbone = backbone;
		int[] tapChannels = backbone.tapChannels();
		tapOffsets = offsets(tapChannels);
		int total = tapOffsets[tapChannels.length];
		if (directions < 1 || projection.length != (long) total * directions)
			throw new IllegalArgumentException("a projection of " + total + " channels onto " + directions + " directions has "
					+ (long) total * directions + " entries, got " + projection.length);
		keptPerTap = null;
		projectionPerTap = new float[tapChannels.length][];
		for (int t = 0; t < tapChannels.length; t++) {
			float[] block = new float[directions * tapChannels[t]];
			for (int c = 0; c < tapChannels[t]; c++)
				for (int k = 0; k < directions; k++) block[k * tapChannels[t] + c] = projection[(tapOffsets[t] + c) * directions + k];
			projectionPerTap[t] = block;
		}
		channels = directions;
	}

	/** Where each tap starts in the concatenated channels, and the total at the end. */
	private static int[] offsets(int[] tapChannels) {
		int[] offsets = new int[tapChannels.length + 1];
		for (int t = 0; t < tapChannels.length; t++) offsets[t + 1] = offsets[t] + tapChannels[t];
		return offsets;
	}

	/** Channels of each extracted map (d after selection). */
	public int channels() {
		return channels;
	}

	public Backbone backbone() {
		return backbone;
	}

	/**
	 * @param rgb N x 3 x H x W RGB 0-255 on the backbone's device
	 * @return N x channels() x ceil(H/4) x ceil(W/4), attached to rgb's manager
	 */
	public NDArray extract(NDArray rgb) {
		return extract(rgb, false).get(0);
	}

	/**
	 * {@link #extract} and, from the same forward pass, the patch taps that a patch bank compares:
	 * the last two taps with all their channels, the last brought to the grid of the one before
	 * (stride 8, 512 + 1024 channels for ResNet-50: PatchCore's layer2 + layer3).
	 *
	 * @return the feature map and the N x C x ceil(H/8) x ceil(W/8) patch taps, attached to rgb's manager
	 */
	public NDList extractWithPatches(NDArray rgb) {
		return extract(rgb, true);
	}

	private NDList extract(NDArray rgb, boolean withPatches) {
		NDManager caller = rgb.getManager();
		try (NDManager scope = caller.newSubManager()) {
			rgb.tempAttach(scope);
			NDList taps = backbone.forward(rgb);
			Shape grid = taps.get(0).getShape();
			int height = (int) grid.get(2), width = (int) grid.get(3);
			NDList parts = new NDList(taps.size());
			for (int t = 0; t < taps.size(); t++) {
				NDArray tap = taps.get(t);
				if (keptPerTap != null) {
					if (keptPerTap[t].length == 0) continue;
					if (keptPerTap[t].length < tap.getShape().get(1)) tap = tap.get(new NDIndex(":, {}", scope.create(keptPerTap[t])));
				}
				if (projectionPerTap != null) tap = project(tap, projectionPerTap[t], scope);
				parts.add(t == 0 ? tap : BilinearResize.resize(tap, height, width));
			}
			NDArray stacked = parts.size() == 1 ? parts.get(0)
					: projectionPerTap != null ? NDArrays.add(parts.toArray(new NDArray[0])) : NDArrays.concat(parts, 1);
			NDList out = new NDList(stacked);
			if (withPatches) out.add(patchTaps(taps));
			out.attach(caller);
			return out;
		}
	}

	/** N x C x h x w to N x channels() x h x w: one (channels() x C) product per image, no transposed copies. */
	private NDArray project(NDArray tap, float[] block, NDManager scope) {
		Shape s = tap.getShape();
		NDArray matrix = scope.create(block, new Shape(channels, s.get(1)));
		return matrix.matMul(tap.reshape(s.get(0), s.get(1), s.get(2) * s.get(3))).reshape(s.get(0), channels, s.get(2), s.get(3));
	}

	private static NDArray patchTaps(NDList taps) {
		if (taps.size() < 2) throw new IllegalStateException("a patch bank needs two backbone taps, this backbone gives " + taps.size());
		NDArray fine = taps.get(taps.size() - 2);
		Shape grid = fine.getShape();
		return fine.concat(BilinearResize.resize(taps.get(taps.size() - 1), (int) grid.get(2), (int) grid.get(3)), 1);
	}
}
