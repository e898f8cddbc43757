package org.npad.method;

/**
 * What training learns, in the feature space of the kept channels. Parts a configuration does not
 * use are null: module A when only D2 is mapped and the score needs no D1, module B when only D1
 * is mapped, the centroid bank when the image score is the maximum pixel.
 *
 * @param config          the settings it was trained with
 * @param channels        indices of the kept channels into the backbone's concatenated taps, ascending
 * @param height          feature-map rows
 * @param width           feature-map columns
 * @param trainingCount   N, feature maps seen in training
 * @param moduleA         neighbour-weighted Gaussians, or null
 * @param moduleB         Gaussians of the aggregated features, or null
 * @param bank            centroid bank, or null
 * @param medianDistance  median Bhattacharyya term between neighbours (a diagnostic for gamma), NaN if not computed
 */
public record NpadModel(NpadConfig config, int[] channels, int height, int width, long trainingCount,
		PositionGaussians moduleA, PositionGaussians moduleB, CentroidBank bank, double medianDistance)
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

	@Override
	public void close() {
		if (moduleA != null) moduleA.close();
		if (moduleB != null) moduleB.close();
		if (bank != null) bank.close();
	}
}
