package org.npad.image;

import java.util.Locale;
import java.util.Optional;

/**
 * The smallest and largest width and height of a model's training images, to catch an image of
 * another size at detection. Under full_resize and center_crop every image is scaled to the same
 * network input, so an image far larger than the training images (a camera of more pixels, a lower
 * magnification, a stitched mosaic) brings its structures to the network smaller than training
 * did, and one far smaller brings them larger: ImageNet features change with scale, and the whole
 * image can look anomalous. Tiles keep the pixel scale, so under tiled any size is fine. The work
 * still runs, only worse, so the user is told rather than refused. All four are 0 when unknown
 * (models from before sizes were recorded).
 */
public record SizeRange(int minWidth, int maxWidth, int minHeight, int maxHeight) {

	/** A model that does not know its training images' sizes: no image is warned about. */
	public static final SizeRange UNKNOWN = new SizeRange(0, 0, 0, 0);

	/**
	 * How many times larger or smaller than the training images an image may be before its scores are
	 * in doubt: more than the spread of one set-up's exposures and crops, less than the factor 2 of a
	 * change of objective or of one backbone stage's stride.
	 */
	static final double MISMATCH = 1.5;

	public SizeRange {
		if (minWidth < 0 || minWidth > maxWidth || minHeight < 0 || minHeight > maxHeight)
			throw new IllegalArgumentException("not a size range: width " + minWidth + ".." + maxWidth + ", height " + minHeight + ".." + maxHeight);
	}

	public boolean isKnown() {
		return maxWidth > 0;
	}

	/** This range grown to hold an image of the given size; from {@link #UNKNOWN}, just that size. */
	public SizeRange including(int width, int height) {
		if (!isKnown()) return new SizeRange(width, width, height, height);
		return new SizeRange(Math.min(minWidth, width), Math.max(maxWidth, width), Math.min(minHeight, height), Math.max(maxHeight, height));
	}

	/** The advice for an image of this size under a model trained on this range, or empty. */
	public Optional<String> detectionWarning(String image, int width, int height, Preprocessing preprocessing) {
		if (!isKnown() || preprocessing.geometry() == GeometryMode.TILED) return Optional.empty();
		if (!outside(width, minWidth, maxWidth) && !outside(height, minHeight, maxHeight)) return Optional.empty();
		int side = preprocessing.geometry() == GeometryMode.CENTER_CROP ? preprocessing.resize() : preprocessing.crop();
		return Optional.of(String.format(Locale.ROOT, "image %s is %d x %d pixels, outside the training images' sizes (%s) by more than"
						+ " %.1f times: with geometry %s every image is scaled to %d x %d, so its structures reach the network at another"
						+ " scale than in training and its scores mean little. Detect images of the training images' size and magnification,"
						+ " or train with geometry tiled, which keeps the pixel scale. Further such images of this run are not reported.",
				image, width, height, this, MISMATCH, preprocessing.geometry().name().toLowerCase(Locale.ROOT), side, side));
	}

	/** Whether a value lies more than {@link #MISMATCH} times beyond a training range, either way. */
	static boolean outside(double value, double min, double max) {
		return value > MISMATCH * max || value * MISMATCH < min;
	}

	/** E.g. "103..618 x 222..388 pixels", or "512 x 512 pixels" when all were alike. */
	@Override
	public String toString() {
		if (!isKnown()) return "unknown";
		return span(minWidth, maxWidth) + " x " + span(minHeight, maxHeight) + " pixels";
	}

	private static String span(int min, int max) {
		return min == max ? Integer.toString(min) : min + ".." + max;
	}
}
