package org.npad.image;

/**
 * The smallest and largest width and height of a model's training images, to catch an image of
 * another size at detection ({@link TrainingScale} says when that matters). All four are 0 when
 * unknown (models from before sizes were recorded).
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

	/** Whether an image of this size lies more than {@link #MISMATCH} times beyond this range in width or height. */
	boolean excludes(int width, int height) {
		return isKnown() && (outside(width, minWidth, maxWidth) || outside(height, minHeight, maxHeight));
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
