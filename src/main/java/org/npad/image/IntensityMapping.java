package org.npad.image;

/**
 * How raw pixel values become the 0-255 range the ImageNet backbone was trained on (method.md section 1).
 * The same mapping must be used for training and detection, so it is a stored setting, never guessed
 * per image.
 */
public enum IntensityMapping {
	/**
	 * Scale by the pixel type's range: 8-bit and RGB as they are, 16-bit v * 255 / 65535. Keeps the
	 * brightness relations between images, which is what makes a dark or bright defect visible. A 32-bit
	 * image has no type range and is refused.
	 */
	TYPE_RANGE,
	/** Stretch each image's own minimum..maximum to 0..255; hides global brightness changes. */
	MIN_MAX,
	/** Stretch a fixed window_low..window_high to 0..255 and clamp outside; for 32-bit or narrow-range data. */
	FIXED_WINDOW
}
