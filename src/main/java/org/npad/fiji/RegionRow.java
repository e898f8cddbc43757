package org.npad.fiji;

import ij.measure.Calibration;
import org.npad.metrics.ConnectedComponents;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One anomalous region of one image: where it is, how large, how anomalous. Materials work asks
 * for defect counts and size distributions over many images, which the per-image row cannot give;
 * the region numbers are those of the ROI names ("image region k").
 *
 * @param image     the image's name
 * @param region    the region's number k
 * @param area      pixels in the region
 * @param areaCal   the area in unit squared (pixels for an uncalibrated image)
 * @param centroidX the centroid's x in the image's calibration (pixel centres at x + 0.5, as ImageJ measures)
 * @param centroidY the centroid's y
 * @param maxScore  the largest anomaly map value in the region
 * @param meanScore the mean anomaly map value over the region
 * @param unit      the calibration's length unit; "pixel" for an uncalibrated image
 */
record RegionRow(String image, int region, int area, double areaCal, double centroidX, double centroidY, double maxScore,
		double meanScore, String unit) implements TableRow {

	static final List<String> COLUMNS = List.of("image", "region", "area", "area_cal", "centroid_x", "centroid_y", "max_score",
			"mean_score", "unit");

	/** The regions of an image, in the order of their numbers, measured in its spatial calibration. */
	static List<RegionRow> of(ImageVerdict v) {
		Calibration calibration = v.detection().calibration();
		ConnectedComponents regions = v.regions();
		int n = regions.count(), width = regions.width();
		double[] sumX = new double[n + 1], sumY = new double[n + 1], sum = new double[n + 1], max = new double[n + 1];
		Arrays.fill(max, Double.NEGATIVE_INFINITY);
		int[] labels = regions.labels();
		float[] map = v.detection().map();
		for (int i = 0; i < labels.length; i++) {
			int k = labels[i];
			if (k == 0) continue;
			sumX[k] += i % width + 0.5;
			sumY[k] += i / width + 0.5;
			sum[k] += map[i];
			max[k] = Math.max(max[k], map[i]);
		}
		double pixelArea = calibration.pixelWidth * calibration.pixelHeight;
		List<RegionRow> rows = new ArrayList<>();
		for (ConnectedComponents.Region r : regions.regions()) {
			int k = r.label();
			rows.add(new RegionRow(v.detection().name(), k, r.area(), r.area() * pixelArea, calibration.getX(sumX[k] / r.area()),
					calibration.getY(sumY[k] / r.area()), max[k], sum[k] / r.area(), calibration.getUnit()));
		}
		return rows;
	}

	@Override
	public List<Object> values() {
		return List.of(image, region, area, areaCal, centroidX, centroidY, maxScore, meanScore, unit);
	}
}
