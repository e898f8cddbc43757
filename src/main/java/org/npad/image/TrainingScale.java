package org.npad.image;

import ij.measure.Calibration;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether an image's structures reach the network at the scale the training images' did. ImageNet
 * features change with scale, so an image seen larger or smaller than in training can look anomalous
 * all over; the work still runs, only worse, so the user is told rather than refused. What sets the
 * scale depends on the geometry:
 * <ul>
 * <li>under tiled the network sees the image's own pixels, so the pixel size decides (another
 * objective on the same camera);</li>
 * <li>under full_resize and center_crop every image is scaled to one network input, so the field of
 * view decides: a mosaic or a lower magnification brings every structure smaller. Where the image and
 * the training images are calibrated in one unit the field of view is compared in that unit, so that a
 * binned camera (half the pixels, each twice as large, the same view) passes; otherwise the pixel
 * counts stand in for it.</li>
 * </ul>
 * Training pixels are taken as square, as microscope cameras' are: the model keeps their widths only.
 */
public record TrainingScale(SizeRange sizes, PixelSizeRange pixelSizes) {

	private static final String FURTHER = " Further such images of this run are not reported.";

	/** The advice for an image of this size and calibration under a model trained on these ranges, or empty. */
	public Optional<String> detectionWarning(String image, int width, int height, Calibration calibration, Preprocessing preprocessing) {
		if (preprocessing.geometry() == GeometryMode.TILED) return pixelSizeWarning(image, calibration);
		if (!sizes.isKnown()) return Optional.empty();
		if (pixelSizes.isKnown() && pixelSizes.unit().equals(PixelSizeRange.spatialUnit(calibration)))
			return fieldOfViewWarning(image, width * calibration.pixelWidth, height * calibration.pixelHeight, preprocessing);
		if (!sizes.excludes(width, height)) return Optional.empty();
		return Optional.of(rescaled(image, "is " + width + " x " + height + " pixels", "sizes (" + sizes + ")", preprocessing));
	}

	private Optional<String> pixelSizeWarning(String image, Calibration calibration) {
		if (!pixelSizes.excludes(calibration)) return Optional.empty();
		return Optional.of(String.format(Locale.ROOT, "image %s has pixels of %s %s, the training images %s, more than %.1f times apart:"
						+ " with geometry tiled the network sees the image's own pixels, so taken at another magnification its structures"
						+ " reach it at another scale than in training and its scores mean little. Detect images of the training images'"
						+ " magnification, or scale them to it (Image > Scale)." + FURTHER,
				image, PixelSizeRange.format(calibration.pixelWidth), pixelSizes.unit(), pixelSizes, SizeRange.MISMATCH));
	}

	private Optional<String> fieldOfViewWarning(String image, double viewWidth, double viewHeight, Preprocessing preprocessing) {
		double minWidth = sizes.minWidth() * pixelSizes.min(), maxWidth = sizes.maxWidth() * pixelSizes.max();
		double minHeight = sizes.minHeight() * pixelSizes.min(), maxHeight = sizes.maxHeight() * pixelSizes.max();
		if (!SizeRange.outside(viewWidth, minWidth, maxWidth) && !SizeRange.outside(viewHeight, minHeight, maxHeight))
			return Optional.empty();
		String unit = " " + pixelSizes.unit();
		String shown = "shows " + PixelSizeRange.format(viewWidth) + " x " + PixelSizeRange.format(viewHeight) + unit;
		String trained = "fields of view (" + PixelSizeRange.span(minWidth, maxWidth) + " x " + PixelSizeRange.span(minHeight, maxHeight) + unit + ")";
		return Optional.of(rescaled(image, shown, trained, preprocessing));
	}

	private static String rescaled(String image, String shown, String trained, Preprocessing preprocessing) {
		int side = preprocessing.geometry() == GeometryMode.CENTER_CROP ? preprocessing.resize() : preprocessing.crop();
		return String.format(Locale.ROOT, "image %s %s, outside the training images' %s by more than %.1f times: with geometry %s"
						+ " every image is scaled to %d x %d, so its structures reach the network at another scale than in training and its"
						+ " scores mean little. Detect images of the training images' size and magnification, or train with geometry tiled,"
						+ " which keeps the pixel scale." + FURTHER,
				image, shown, trained, SizeRange.MISMATCH, preprocessing.geometry().name().toLowerCase(Locale.ROOT), side, side);
	}
}
