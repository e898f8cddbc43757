package org.npad.fiji;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.plugin.filter.ThresholdToSelection;
import ij.process.ByteProcessor;
import ij.process.ImageProcessor;
import org.npad.metrics.ConnectedComponents;

import java.awt.Color;
import java.util.ArrayList;
import java.util.List;

/**
 * The anomalous regions as ImageJ selections, one per 8-connected region of the mask, so that a
 * region the metrics count as one defect is one ROI. Each outline is traced by ImageJ's own
 * {@link ThresholdToSelection} on that region alone, so it covers exactly the region's pixels,
 * holes included, and another region inside a hole stays a ROI of its own.
 */
final class RegionRois {

	static final Color COLOUR = Color.YELLOW;

	private RegionRois() {
	}

	/**
	 * @param namePrefix e.g. the image name; ROIs are named "prefix region k"
	 * @param slice      the stack position the ROIs belong to, 0 for none
	 */
	static List<Roi> of(ConnectedComponents regions, String namePrefix, int slice) {
		List<Roi> rois = new ArrayList<>();
		for (ConnectedComponents.Region r : regions.regions()) {
			ByteProcessor only = new ByteProcessor(r.width(), r.height());
			for (int y = 0; y < r.height(); y++)
				for (int x = 0; x < r.width(); x++)
					if (regions.label(r.minX() + x, r.minY() + y) == r.label()) only.set(x, y, 255);
			only.setThreshold(255, 255, ImageProcessor.NO_LUT_UPDATE);
			Roi roi = ThresholdToSelection.run(new ImagePlus("", only));
			roi.setLocation(r.minX() + roi.getXBase(), r.minY() + roi.getYBase());
			roi.setName(namePrefix + " region " + r.label());
			roi.setStrokeColor(COLOUR);
			if (slice > 0) roi.setPosition(slice);
			rois.add(roi);
		}
		return rois;
	}
}
