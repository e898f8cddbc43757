package org.npad.image;

import java.util.Locale;
import java.util.Optional;

/**
 * Whether the intensity mapping leaves the training inputs almost black. The typical case is a 12-bit
 * camera's images saved as 16-bit: intensity_mapping type_range scales 0..65535 to 0..255, so their
 * 0..4095 reaches the backbone as 0..16, where an ImageNet network sees little but noise. Training
 * still works, only worse, so the user is told rather than refused.
 */
public final class InputBrightness {

	/** Brightest input value below which the inputs count as dark: a quarter of 0..255. */
	static final float DARK = 64;

	private float brightest = Float.NEGATIVE_INFINITY;

	/** @param pixels a network input's values, 0..255 */
	public void add(float[] pixels) {
		for (float v : pixels) if (v > brightest) brightest = v;
	}

	/** The advice for inputs this dark under the given mapping, or empty when the inputs use the range or none were seen. */
	public Optional<String> warning(Preprocessing preprocessing) {
		if (!(brightest < DARK) || brightest == Float.NEGATIVE_INFINITY) return Optional.empty();
		String seen = String.format(Locale.ROOT, "the training images reach the network no brighter than %.1f of 0..255", brightest);
		if (preprocessing.intensityMapping() == IntensityMapping.MIN_MAX)
			return Optional.of("every training image is flat (one value everywhere) and reaches the network as 0: there is nothing to learn from");
		String cause = preprocessing.intensityMapping() == IntensityMapping.TYPE_RANGE
				? " with intensity_mapping type_range (16-bit images that use only part of 0..65535, e.g. a 12-bit camera's 0..4095,"
						+ " come out this dark)"
				: " with intensity_mapping fixed_window " + preprocessing.windowLow() + ".." + preprocessing.windowHigh()
						+ " (a window much wider than the images' values)";
		return Optional.of(seen + cause + ": the backbone finds weak features in such dark inputs. Train again with"
				+ " intensity_mapping min_max, or fixed_window with window_high at the images' brightest raw value"
				+ " (Analyze > Histogram in Fiji).");
	}
}
