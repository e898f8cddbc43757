package org.npad.fiji;

import org.npad.model.Thresholds;

/**
 * The thresholds one detection run decides with: the user's where given (a positive value), else
 * the model's calibrated ones.
 *
 * @param image an image scoring at or above it is anomalous
 * @param pixel a pixel scoring at or above it belongs to the mask and the regions
 */
public record DecisionThresholds(double image, double pixel) {

	public DecisionThresholds {
		if (!(image > 0) || Double.isInfinite(image))
			throw new IllegalArgumentException("the image threshold must be a positive number, got " + image);
		if (!(pixel > 0) || Double.isInfinite(pixel))
			throw new IllegalArgumentException("the pixel threshold must be a positive number, got " + pixel);
	}

	/**
	 * @param userImage the user's image threshold, 0 (or less) for the model's
	 * @param userPixel the user's pixel threshold, 0 (or less) for the model's
	 */
	public static DecisionThresholds resolve(Thresholds model, double userImage, double userPixel) {
		double image = userImage > 0 ? userImage : model.image();
		double pixel = userPixel > 0 ? userPixel : model.pixel();
		if (Double.isNaN(image) || Double.isNaN(pixel))
			throw new IllegalArgumentException("the model has no calibrated " + (Double.isNaN(image) ? "image" : "pixel")
					+ " threshold (" + model.calibration() + "): give image_threshold and pixel_threshold");
		return new DecisionThresholds(image, pixel);
	}
}
