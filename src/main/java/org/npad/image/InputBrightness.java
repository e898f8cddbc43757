package org.npad.image;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether the intensity mapping leaves network inputs almost black. The typical case is a 12-bit
 * camera's images saved as 16-bit: intensity_mapping type_range scales 0..65535 to 0..255, so their
 * 0..4095 reaches the backbone as 0..16, where an ImageNet network sees little but noise; or a model
 * trained on 8-bit images given a 16-bit one. The work still runs, only worse, so the user is told
 * rather than refused.
 */
public final class InputBrightness {

	/** Brightest input value below which inputs count as dark: a quarter of 0..255. */
	static final float DARK = 64;

	private float brightest = Float.NEGATIVE_INFINITY;

	/** @param pixels a network input's values, 0..255 */
	public void add(float[] pixels) {
		for (float v : pixels) if (v > brightest) brightest = v;
	}

	/** The brightest value added; negative infinity when nothing was added. */
	public float brightest() {
		return brightest;
	}

	/** The advice for training inputs this dark, or empty when they use the range or none were seen. */
	public Optional<String> trainingWarning(Preprocessing preprocessing) {
		if (!isDark(brightest)) return Optional.empty();
		if (preprocessing.intensityMapping() == IntensityMapping.MIN_MAX)
			return Optional.of("every training image is flat (one value everywhere) and reaches the network as 0: there is nothing to learn from");
		return Optional.of(seen("the training images reach", brightest) + " with" + cause(preprocessing)
				+ ": the backbone finds weak features in such dark inputs. Train again with intensity_mapping min_max, or fixed_window"
				+ " with window_high at the images' brightest raw value (Analyze > Histogram in Fiji).");
	}

	/** The advice for an image to detect whose inputs were this dark, or empty. */
	public static Optional<String> detectionWarning(String image, float brightest, Preprocessing preprocessing) {
		if (!isDark(brightest) || preprocessing.intensityMapping() == IntensityMapping.MIN_MAX) return Optional.empty();
		return Optional.of(seen("image " + image + " reaches", brightest) + " with the model's" + cause(preprocessing)
				+ ": unless the training images were as dark, its scores mean little (an image of another bit depth than the"
				+ " training images?). Further dark images of this run are not reported.");
	}

	private static boolean isDark(float brightest) {
		return brightest != Float.NEGATIVE_INFINITY && brightest < DARK;
	}

	private static String seen(String who, float brightest) {
		return String.format(Locale.ROOT, "%s the network no brighter than %.1f of 0..255", who, brightest);
	}

	private static String cause(Preprocessing preprocessing) {
		return preprocessing.intensityMapping() == IntensityMapping.TYPE_RANGE
				? " intensity_mapping type_range (16-bit images that use only part of 0..65535, e.g. a 12-bit camera's 0..4095,"
						+ " come out this dark)"
				: " intensity_mapping fixed_window " + preprocessing.windowLow() + ".." + preprocessing.windowHigh()
						+ " (a window much wider than the images' values)";
	}
}
