package org.npad.method;

import java.util.Arrays;

/**
 * What training learns, in the feature space of the kept channels. Parts a configuration does not
 * use are null: module A when only D2 is mapped and the score needs no D1, module B when only D1
 * is mapped, the centroid bank when the image score is the maximum pixel, the patch bank when
 * patch_bank is 0.
 *
 * @param config          the settings it was trained with
 * @param channels        indices into the backbone's concatenated taps of the channels read, ascending: the d
 *                        kept ones, or all of them where the channel rule projects them onto d directions
 * @param height          feature-map rows
 * @param width           feature-map columns
 * @param trainingCount   N, feature maps seen in training
 * @param moduleA         neighbour-weighted Gaussians, or null
 * @param moduleB         Gaussians of the aggregated features, or null
 * @param bank            centroid bank, or null
 * @param medianDistance  median Bhattacharyya term between neighbours (a diagnostic for gamma), NaN if not computed
 * @param patches         patch bank, or null
 */
public record NpadModel(NpadConfig config, int[] channels, int height, int width, long trainingCount,
		PositionGaussians moduleA, PositionGaussians moduleB, CentroidBank bank, double medianDistance,
		PatchBank patches)
		implements AutoCloseable {

	static boolean needsModuleA(NpadConfig c) {
		return c.pixelMap() != PixelMapKind.D2 || c.imageScore() == ImageScoreKind.TOP_K_CENTROID;
	}

	static boolean needsModuleB(NpadConfig c) {
		return c.pixelMap() != PixelMapKind.D1;
	}

	static boolean needsBank(NpadConfig c) {
		return c.imageScore() == ImageScoreKind.TOP_K_CENTROID;
	}

	static boolean needsPatches(NpadConfig c) {
		return c.patchBank() > 0;
	}

	/**
	 * The same learned statistics scored under other inference settings (the ablations of Table 2,
	 * shifting on or off): refused when the other settings need a part this model did not learn.
	 */
	public NpadModel withInference(NpadConfig other) {
		if ((needsModuleA(other) && moduleA == null) || (needsModuleB(other) && moduleB == null) || (needsBank(other) && bank == null))
			throw new IllegalArgumentException("this model was trained without a part that pixel_map=" + other.pixelMap()
					+ " and image_score=" + other.imageScore() + " need; train it with pixel_map=fused and image_score=top_k_centroid");
		if (needsPatches(other) && patches == null)
			throw new IllegalArgumentException("this model was trained without a patch bank; train it with patch_bank=" + other.patchBank());
		return new NpadModel(other, channels, height, width, trainingCount, moduleA, moduleB, bank, medianDistance, patches);
	}

	/** Whether another model's features are this one's: the same channels read, projected alike. */
	public boolean sharesFeatures(NpadModel other) {
		boolean projects = config.channelRule().projects();
		return Arrays.equals(channels, other.channels) && projects == other.config.channelRule().projects()
				&& (!projects || (config.seed() == other.config.seed() && config.channels() == other.config.channels()));
	}

	/**
	 * This model with its precisions in the given format, as a model kept for detection is held
	 * ({@link PrecisionFormat#selected()}); precisions it replaces are closed.
	 */
	public NpadModel in(PrecisionFormat format) {
		return new NpadModel(config, channels, height, width, trainingCount, moduleA == null ? null : moduleA.in(format),
				moduleB == null ? null : moduleB.in(format), bank, medianDistance, patches);
	}

	/** Bytes of the learned arrays: what a loaded model holds in (native) memory. */
	public long bytes() {
		long total = 0;
		for (PositionGaussians g : new PositionGaussians[] {moduleA, moduleB})
			if (g != null) total += bytes(g.mean()) + g.precision().bytes();
		if (bank != null) total += bytes(bank.centroids());
		if (patches != null) total += bytes(patches.vectors());
		return total;
	}

	private static long bytes(ai.djl.ndarray.NDArray a) {
		return a.size() * a.getDataType().getNumOfBytes();
	}

	@Override
	public void close() {
		if (moduleA != null) moduleA.close();
		if (moduleB != null) moduleB.close();
		if (bank != null) bank.close();
		if (patches != null) patches.close();
	}
}
