package org.npad.model;

import org.npad.image.PixelSizeRange;
import org.npad.image.SizeRange;

import java.time.Instant;
import java.util.List;

/**
 * Where a model came from, so that a result can be traced back to the images and the plugin build
 * that made it, and what its training images were like, so that detection can tell an image of
 * another kind.
 *
 * @param trainingImages names of the nominal training images, in the order they were used
 * @param created        when training finished
 * @param pluginVersion  version of the plugin that trained it
 * @param typicalBrightestInput the median of the training images' brightest network input, 0..255
 *                       ({@link org.npad.image.InputBrightness#typical()}): detection compares each image
 *                       with it to catch an image of another bit depth; NaN in models from before it was recorded
 * @param trainingSizes  the smallest and largest width and height of the training images: detection compares each
 *                       image with them to catch one of another scale; {@link SizeRange#UNKNOWN} in older models
 * @param trainingPixelSizes the training images' calibrated pixel widths, to catch an image of another
 *                       magnification; unknown for uncalibrated images and in older models
 */
public record Provenance(List<String> trainingImages, Instant created, String pluginVersion, double typicalBrightestInput,
		SizeRange trainingSizes, PixelSizeRange trainingPixelSizes) {

	public Provenance {
		trainingImages = List.copyOf(trainingImages);
		if (created == null) throw new IllegalArgumentException("creation time is missing");
		if (pluginVersion == null) throw new IllegalArgumentException("plugin version is missing");
		if (trainingSizes == null || trainingPixelSizes == null)
			throw new IllegalArgumentException("training sizes are missing (UNKNOWN where not known)");
	}

	/** Provenance of a model trained now by this build of the plugin. */
	public static Provenance now(List<String> trainingImages, double typicalBrightestInput, SizeRange trainingSizes,
			PixelSizeRange trainingPixelSizes) {
		return new Provenance(trainingImages, Instant.now(), currentPluginVersion(), typicalBrightestInput, trainingSizes, trainingPixelSizes);
	}

	/** The version in the plugin jar's manifest; "development" when running from classes, e.g. in tests. */
	public static String currentPluginVersion() {
		String v = Provenance.class.getPackage().getImplementationVersion();
		return v == null ? "development" : v;
	}
}
