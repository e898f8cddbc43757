package org.npad.metrics;

import java.util.List;

/**
 * Pixel AUROC, PRO and pixel F1-max of one test set from a single sort of its pixels; the ROC
 * counts every region pixel as one positive, the PRO weighs it by its region.
 *
 * @param roc  pixel ROC over all pixels of all images
 * @param pro  PRO curve
 * @param f1Max best pixel F1
 */
public record PixelMetrics(Roc roc, Pro pro, F1Max f1Max) {

	/**
	 * @param maps  one row-major score map of width x height per image
	 * @param masks the ground truth of each image, same size (empty masks are fine)
	 */
	public static PixelMetrics of(List<float[]> maps, List<boolean[]> masks, int width, int height) {
		PixelInputs inputs = PixelInputs.check(maps, masks, width, height, "pixel metrics");
		GroundTruthRegions regions = GroundTruthRegions.of(masks, width, height);
		RankedSamples ranked = RankedSamples.ofMaps(maps, regions::labelsOf);
		Roc roc = new Roc(ranked.sweep(regions.pixelWeights()), inputs.anomalousPixels, inputs.nominalPixels);
		return new PixelMetrics(roc, Pro.of(ranked, regions, inputs), F1Max.of(roc));
	}
}
