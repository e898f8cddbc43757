package org.npad.metrics;

import java.util.List;

/**
 * The checks every pixel metric makes on its maps and masks before any work, so that a mistake
 * (a missing mask, a mask of another size, a set with nothing to compare) fails at once with a
 * message that names the image.
 */
final class PixelInputs {

	final int anomalousPixels;
	final int nominalPixels;

	private PixelInputs(int anomalousPixels, int nominalPixels) {
		this.anomalousPixels = anomalousPixels;
		this.nominalPixels = nominalPixels;
	}

	/** For metrics where every image must be width x height (their regions need the geometry). */
	static PixelInputs check(List<float[]> maps, List<boolean[]> masks, int width, int height, String metric) {
		if (width <= 0 || height <= 0) {
			throw new IllegalArgumentException(metric + ": image size must be positive, got " + width + " x " + height);
		}
		return check(maps, masks, Math.multiplyExact(width, height), metric);
	}

	/**
	 * @param pixelsPerImage the size every map must have, or -1 where only map and mask must agree
	 * @param metric         named in messages
	 */
	static PixelInputs check(List<float[]> maps, List<boolean[]> masks, int pixelsPerImage, String metric) {
		if (maps == null || masks == null) {
			throw new IllegalArgumentException(metric + ": the pixel maps or the masks are missing");
		}
		if (maps.size() != masks.size()) {
			throw new IllegalArgumentException(metric + ": " + maps.size() + " pixel maps but " + masks.size() + " masks");
		}
		long anomalous = 0, total = 0;
		for (int i = 0; i < maps.size(); i++) {
			float[] map = maps.get(i);
			boolean[] mask = masks.get(i);
			if (map == null || mask == null) {
				throw new IllegalArgumentException(metric + ": the pixel map or the mask of image " + i + " is missing");
			}
			if (map.length != mask.length) {
				throw new IllegalArgumentException(metric + ": image " + i + " has a pixel map of " + map.length + " pixels but a mask of " + mask.length);
			}
			if (pixelsPerImage >= 0 && map.length != pixelsPerImage) {
				throw new IllegalArgumentException(metric + ": image " + i + " has " + map.length + " pixels, expected " + pixelsPerImage);
			}
			for (boolean b : mask) {
				if (b) {
					anomalous++;
				}
			}
			total += map.length;
		}
		if (total > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException(metric + ": too many pixels to evaluate at once: " + total);
		}
		if (anomalous == 0) {
			throw new IllegalArgumentException(metric + " needs at least one anomalous pixel, but all " + masks.size() + " masks are empty");
		}
		if (anomalous == total) {
			throw new IllegalArgumentException(metric + " needs at least one nominal pixel, but the masks cover all " + total + " pixels");
		}
		return new PixelInputs((int) anomalous, (int) (total - anomalous));
	}
}
