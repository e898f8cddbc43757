package org.npad.fiji;

import ij.measure.Calibration;
import ij.measure.ResultsTable;
import org.npad.pipeline.CsvField;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * One line of the detection results, in the Results table and in the batch CSV, with the same
 * columns in both. Areas come in pixels and in the image's spatial calibration, so that a defect's
 * size can be read in micrometres without another step.
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
		int regions, int anomalousArea, int largestRegion, double anomalousAreaCal, double largestRegionCal, String unit) {

	public static final List<String> COLUMNS = List.of("image", "score", "decision", "threshold", "pixel_threshold",
			"regions", "anomalous_area", "largest_region", "anomalous_area_cal", "largest_region_cal", "unit");

	/** @param calibration the detected image's spatial calibration */
	public static DetectionRow of(ImageVerdict v, Calibration calibration) {
		double pixelArea = calibration.pixelWidth * calibration.pixelHeight;
		return new DetectionRow(v.detection().name(), v.detection().score(), v.anomalous() ? "anomalous" : "nominal",
				v.thresholds().image(), v.thresholds().pixel(), v.regions().count(), v.anomalousArea(), v.largestRegion(),
				v.anomalousArea() * pixelArea, v.largestRegion() * pixelArea, calibration.getUnit());
	}

	/** Appends the row to an ImageJ table (a macro reads it with getResult / getResultString). */
	public void addTo(ResultsTable table) {
		table.incrementCounter();
		table.addValue("image", image);
		table.addValue("score", score);
		table.addValue("decision", decision);
		table.addValue("threshold", threshold);
		table.addValue("pixel_threshold", pixelThreshold);
		table.addValue("regions", regions);
		table.addValue("anomalous_area", anomalousArea);
		table.addValue("largest_region", largestRegion);
		table.addValue("anomalous_area_cal", anomalousAreaCal);
		table.addValue("largest_region_cal", largestRegionCal);
		table.addValue("unit", unit);
	}

	/** The rows as CSV with a header line; numbers at full precision, names quoted where they need it. */
	public static void writeCsv(List<DetectionRow> rows, Path file) throws IOException {
		try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
			w.write(String.join(",", COLUMNS) + "\n");
			for (DetectionRow r : rows)
				w.write(CsvField.of(r.image) + "," + r.score + "," + r.decision + "," + r.threshold + "," + r.pixelThreshold + ","
						+ r.regions + "," + r.anomalousArea + "," + r.largestRegion + "," + r.anomalousAreaCal + "," + r.largestRegionCal + ","
						+ CsvField.of(r.unit) + "\n");
		}
	}
}
