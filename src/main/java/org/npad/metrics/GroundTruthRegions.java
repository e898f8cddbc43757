package org.npad.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The 8-connected ground-truth regions of all images, numbered 1..count across the whole set, so
 * that one integer payload names a region of any image (0: a nominal pixel). Regions never span
 * two images: each mask is labelled on its own.
 */
final class GroundTruthRegions {

	private final List<int[]> labels;
	private final int[] areas;

	private GroundTruthRegions(List<int[]> labels, int[] areas) {
		this.labels = labels;
		this.areas = areas;
	}

	static GroundTruthRegions of(List<boolean[]> masks, int width, int height) {
		List<int[]> labels = new ArrayList<>(masks.size());
		List<Integer> areas = new ArrayList<>();
		areas.add(0);
		for (boolean[] mask : masks) {
			ConnectedComponents components = ConnectedComponents.of(mask, width, height);
			int offset = areas.size() - 1;
			int[] imageLabels = components.labelsView(); // components is local: renumbering in place is safe
			if (offset > 0) {
				for (int p = 0; p < imageLabels.length; p++) {
					if (imageLabels[p] != 0) {
						imageLabels[p] += offset;
					}
				}
			}
			for (ConnectedComponents.Region region : components.regions()) {
				areas.add(region.area());
			}
			labels.add(imageLabels);
		}
		return new GroundTruthRegions(labels, areas.stream().mapToInt(Integer::intValue).toArray());
	}

	int count() {
		return areas.length - 1;
	}

	/** Global region labels of image i, row-major. */
	int[] labelsOf(int image) {
		return labels.get(image);
	}

	/** Weight 1 / area per region: a region counts as much as any other, whatever its size. */
	double[] overlapWeights() {
		double[] weights = new double[areas.length];
		for (int r = 1; r < areas.length; r++) {
			weights[r] = 1.0 / areas[r];
		}
		return weights;
	}

	/** Weight 1 per region pixel: every anomalous pixel counts the same, as pixel AUROC wants. */
	double[] pixelWeights() {
		double[] weights = new double[areas.length];
		Arrays.fill(weights, 1, weights.length, 1.0);
		return weights;
	}
}
