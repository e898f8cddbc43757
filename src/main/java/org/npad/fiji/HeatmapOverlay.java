package org.npad.fiji;

import ij.ImagePlus;
import ij.gui.ImageRoi;
import ij.gui.Overlay;
import ij.gui.Roi;
import ij.plugin.LutLoader;
import ij.process.ByteProcessor;

import java.awt.image.IndexColorModel;
import java.util.List;

/**
 * The heatmap laid over the original as an ImageJ overlay, so the original's pixels stay untouched:
 * per image an {@link ImageRoi} whose lookup table carries transparency (nominal pixels show the
 * original, anomalous ones glow through the "fire" colours), and the outlines of the anomalous
 * regions on top. Earlier N-pad elements are replaced; the user's own overlay elements are kept.
 */
final class HeatmapOverlay {

	/** Names of the elements this class adds start with it, so a later run can find and replace them. */
	static final String PREFIX = "N-pad ";
	/** Opacity of the hottest colour: the original stays visible under the heat. */
	static final double MAX_OPACITY = 0.7;

	private HeatmapOverlay() {
	}

	/**
	 * @param regionRois per verdict, the outlines of its regions (already positioned on their slice)
	 * @param stack      whether the image is a stack (the heatmap of verdict k then shows on slice k + 1 only)
	 */
	static void apply(ImagePlus image, List<ImageVerdict> verdicts, List<List<Roi>> regionRois, boolean stack) {
		Overlay overlay = image.getOverlay() == null ? new Overlay() : image.getOverlay();
		for (Roi old : overlay.toArray())
			if (old.getName() != null && old.getName().startsWith(PREFIX)) overlay.remove(old);
		for (int k = 0; k < verdicts.size(); k++) {
			ImageRoi heat = heat(verdicts.get(k));
			heat.setName(PREFIX + "heatmap " + verdicts.get(k).detection().name());
			if (stack) heat.setPosition(k + 1);
			overlay.add(heat);
			for (Roi region : regionRois.get(k)) {
				Roi outline = (Roi) region.clone();
				outline.setName(PREFIX + region.getName());
				overlay.add(outline);
			}
		}
		image.setOverlay(overlay);
	}

	/** The heatmap of one image as an 8-bit image at the overlay's colour scale, with a transparent LUT. */
	static ImageRoi heat(ImageVerdict v) {
		HeatScale scale = HeatScale.around(v.thresholds().pixel());
		float[] map = v.detection().map();
		byte[] indices = new byte[map.length];
		for (int i = 0; i < map.length; i++) indices[i] = (byte) scale.index(map[i]);
		ByteProcessor bp = new ByteProcessor(v.detection().width(), v.detection().height(), indices, transparentFire());
		return new ImageRoi(0, 0, bp);
	}

	/** ImageJ's "fire" colours with opacity rising from 0 (index 0) to {@link #MAX_OPACITY} (index 255). */
	static IndexColorModel transparentFire() {
		IndexColorModel fire = LutLoader.getLut("fire");
		byte[] r = new byte[256], g = new byte[256], b = new byte[256], a = new byte[256];
		fire.getReds(r);
		fire.getGreens(g);
		fire.getBlues(b);
		for (int i = 0; i < 256; i++) a[i] = (byte) Math.round(255 * MAX_OPACITY * i / 255.0);
		return new IndexColorModel(8, 256, r, g, b, a);
	}
}
