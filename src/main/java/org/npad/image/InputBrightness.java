package org.npad.image;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Whether the intensity mapping leaves network inputs almost black, or far darker or brighter than
 * the model's training inputs. The typical case is a 12-bit camera's images saved as 16-bit:
 * intensity_mapping type_range scales 0..65535 to 0..255, so their 0..4095 reaches the backbone as
 * 0..16, where an ImageNet network sees little but noise; or a model trained on 8-bit images given a
 * 16-bit one, or the other way round. The work still runs, only worse, so the user is told rather
 * than refused.
 */
public final class InputBrightness {

	/** Brightest input value below which inputs count as dark: a quarter of 0..255. */
	static final float DARK = 64;

	/**
	 * How many times darker or brighter than the training images' typical brightest input an image
	 * may reach the network before its scores are in doubt. Exposure varies far less between images
	 * of one set-up; a bit-depth mix-up is a factor of 16 (12-bit) to 256 (8 against 16-bit).
	 */
	static final float MISMATCH = 4;

	private float[] perImage = new float[16];
	private int images;

	/** The brightest value of one image's network inputs (its tiles, or the whole image resized). */
	public static float brightest(List<NetworkInput> inputs) {
		float brightest = Float.NEGATIVE_INFINITY;
		for (NetworkInput input : inputs)
			for (float v : input.pixels()) if (v > brightest) brightest = v;
		return brightest;
	}

	/** Counts one training image. */
	public void addImage(List<NetworkInput> inputs) {
		if (images == perImage.length) perImage = Arrays.copyOf(perImage, 2 * images);
		perImage[images++] = brightest(inputs);
	}

	/** The brightest value of all images added; negative infinity when none was added. */
	public float brightest() {
		float brightest = Float.NEGATIVE_INFINITY;
		for (int i = 0; i < images; i++) brightest = Math.max(brightest, perImage[i]);
		return brightest;
	}

	/**
	 * The median of the images' brightest values (the lower middle one for an even count), NaN when
	 * none was added: what a new image is compared with, robust to a few training images with a
	 * highlight or a dim exposure.
	 */
	public float typical() {
		if (images == 0) return Float.NaN;
		float[] sorted = Arrays.copyOf(perImage, images);
		Arrays.sort(sorted);
		return sorted[(images - 1) / 2];
	}

	/** The advice for training inputs this dark, or empty when they use the range or none were seen. */
	public Optional<String> trainingWarning(Preprocessing preprocessing) {
		float brightest = brightest();
		if (!isDark(brightest)) return Optional.empty();
		if (preprocessing.intensityMapping() == IntensityMapping.MIN_MAX)
			return Optional.of("every training image is flat (one value everywhere) and reaches the network as 0: there is nothing to learn from");
		return Optional.of(seen("the training images reach", brightest) + " with" + cause(preprocessing)
				+ ": the backbone finds weak features in such dark inputs. Train again with intensity_mapping min_max, or fixed_window"
				+ " with window_high at the images' brightest raw value (Analyze > Histogram in Fiji).");
	}

	/**
	 * The advice for an image to detect whose inputs were this bright, or empty. Under min_max every
	 * image is stretched to the full range, so brightness says nothing there.
	 *
	 * @param trainingTypical the model's {@link #typical()} training value; NaN for a model that does not know
	 *                        it, which is then only warned about when the image is dark
	 */
	public static Optional<String> detectionWarning(String image, float brightest, Preprocessing preprocessing, float trainingTypical) {
		if (preprocessing.intensityMapping() == IntensityMapping.MIN_MAX) return Optional.empty();
		String seen, unless = "";
		if (Float.isNaN(trainingTypical)) {
			if (!isDark(brightest)) return Optional.empty();
			seen = seen("image " + image + " reaches", brightest) + " with the model's" + cause(preprocessing) + ":";
			unless = " (unless they were as dark)";
		} else if (brightest * MISMATCH < trainingTypical) {
			seen = seen("image " + image + " reaches", brightest) + training(trainingTypical) + ", with the model's" + cause(preprocessing) + ":";
		} else if (brightest > MISMATCH * trainingTypical) {
			seen = String.format(Locale.ROOT, "image %s reaches the network as bright as %.1f of 0..255", image, brightest) + training(trainingTypical) + ":";
		} else {
			return Optional.empty();
		}
		return Optional.of(seen + " an image of another bit depth or exposure than the training images" + unless + "? Its scores mean little."
				+ " Further such images of this run are not reported.");
	}

	private static boolean isDark(float brightest) {
		return brightest != Float.NEGATIVE_INFINITY && brightest < DARK;
	}

	private static String seen(String who, float brightest) {
		return String.format(Locale.ROOT, "%s the network no brighter than %.1f of 0..255", who, brightest);
	}

	private static String training(float trainingTypical) {
		return String.format(Locale.ROOT, ", where the training images typically reached %.1f", trainingTypical);
	}

	private static String cause(Preprocessing preprocessing) {
		return preprocessing.intensityMapping() == IntensityMapping.TYPE_RANGE
				? " intensity_mapping type_range (16-bit images that use only part of 0..65535, e.g. a 12-bit camera's 0..4095,"
						+ " come out this dark)"
				: " intensity_mapping fixed_window " + preprocessing.windowLow() + ".." + preprocessing.windowHigh()
						+ " (a window much wider than the images' values)";
	}
}
