package org.npad.fiji;

import org.npad.metrics.ConnectedComponents;
import org.npad.pipeline.Detection;

/**
 * What detection decided about one image: anomalous or not by its score, and which pixels are
 * anomalous (the map at or above the pixel threshold; pixels the network never saw are not) with
 * their 8-connected regions, the same regions PRO counts.
 *
 * @param detection  the map and score
 * @param thresholds what was decided with
 * @param mask       row-major, width x height of the image
 * @param regions    the connected regions of the mask
 */
public record ImageVerdict(Detection detection, DecisionThresholds thresholds, boolean[] mask, ConnectedComponents regions) {

	public static ImageVerdict of(Detection detection, DecisionThresholds thresholds) {
		float[] map = detection.map();
		boolean[] mask = new boolean[map.length];
		for (int i = 0; i < map.length; i++) mask[i] = map[i] >= thresholds.pixel(); // false for NaN
		return new ImageVerdict(detection, thresholds, mask, ConnectedComponents.of(mask, detection.width(), detection.height()));
	}

	public boolean anomalous() {
		return detection.score() >= thresholds.image();
	}

	/** Pixels in the mask. */
	public int anomalousArea() {
		int area = 0;
		for (ConnectedComponents.Region r : regions.regions()) area += r.area();
		return area;
	}

	/** Pixels in the largest region, 0 without any. */
	public int largestRegion() {
		int largest = 0;
		for (ConnectedComponents.Region r : regions.regions()) largest = Math.max(largest, r.area());
		return largest;
	}
}
