package org.npad.fiji;

import ij.measure.Calibration;

import java.util.List;

/**
 * One line of the detection results, in the Results table and in the batch CSV. Areas come in
 * pixels and in the image's spatial calibration, so that a defect's size can be read in
 * micrometres without another step.
 *
 * @param image            the image's name
 * @param score            its image score
 * @param decision         "anomalous" or "nominal"
 * @param threshold        the image threshold the decision was taken at
 * @param pixelThreshold   the pixel threshold of the mask and the regions
 * @param regions          number of connected anomalous regions
 * @param anomalousArea    pixels in the mask
 * @param largestRegion    pixels in the largest region
 * @param anomalousAreaCal the mask's area in unit squared (pixels for an uncalibrated image)
 * @param largestRegionCal the largest region's area in unit squared
 * @param unit             the calibration's length unit, e.g. "µm"; "pixel" for an uncalibrated image
 */
public record DetectionRow(String image, double score, String decision, double threshold, double pixelThreshold,
		int regions, int anomalousArea, int largestRegion, double anomalousAreaCal, double largestRegionCal, String unit) implements TableRow {

	public static final List<String> COLUMNS = List.of("image", "score", "decision", "threshold", "pixel_threshold",
			"regions", "anomalous_area", "largest_region", "anomalous_area_cal", "largest_region_cal", "unit");

	/** The decision of an image called anomalous. */
	static final String ANOMALOUS = "anomalous";

	/** The areas in the detected image's own spatial calibration. */
	public static DetectionRow of(ImageVerdict v) {
		Calibration calibration = v.detection().calibration();
		double pixelArea = calibration.pixelWidth * calibration.pixelHeight;
		return new DetectionRow(v.detection().name(), v.detection().score(), v.anomalous() ? ANOMALOUS : "nominal",
				v.thresholds().image(), v.thresholds().pixel(), v.regions().count(), v.anomalousArea(), v.largestRegion(),
				v.anomalousArea() * pixelArea, v.largestRegion() * pixelArea, calibration.getUnit());
	}

	boolean anomalous() {
		return ANOMALOUS.equals(decision);
	}

	@Override
	public List<Object> values() {
		return List.of(image, score, decision, threshold, pixelThreshold, regions, anomalousArea, largestRegion, anomalousAreaCal,
				largestRegionCal, unit);
	}
}
