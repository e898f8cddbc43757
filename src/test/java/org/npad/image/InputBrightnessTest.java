package org.npad.image;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputBrightnessTest {

	private static final Preprocessing TYPE_RANGE = Preprocessing.defaults();
	private static final Preprocessing MIN_MAX = TYPE_RANGE.withIntensityMapping(IntensityMapping.MIN_MAX);

	/** A 1 x 1 network input whose three planes hold the given values. */
	private static NetworkInput input(float r, float g, float b) {
		return new NetworkInput(new float[] {r, g, b}, 1, 1, Placement.fullResize(1, 1, 1));
	}

	/** Training images, one per value, each with that value as its brightest. */
	private static InputBrightness images(float... brightest) {
		InputBrightness b = new InputBrightness();
		for (float v : brightest) b.addImage(List.of(input(0, v, v / 2)));
		return b;
	}

	@Test
	void anImageIsAsBrightAsItsBrightestInput() {
		assertEquals(200, InputBrightness.brightest(List.of(input(0, 20, 3), input(200, 1, 0), input(7, 7, 7))));
	}

	@Test
	void typicalIsTheMedianOfTheImagesLowerMiddleForEvenCounts() {
		assertEquals(30, images(250, 10, 30).typical(), "a highlight in one image does not move it");
		assertEquals(10, images(250, 10, 30, 5).typical());
		assertTrue(Float.isNaN(new InputBrightness().typical()));
		assertEquals(250, images(250, 10, 30, 5).brightest());
	}

	@Test
	void aQuarterOfTheRangeIsBrightEnoughForTraining() {
		assertEquals(Optional.empty(), images(12, 64).trainingWarning(TYPE_RANGE));
		String dark = images(12, 63.9f).trainingWarning(TYPE_RANGE).orElseThrow();
		assertTrue(dark.contains("no brighter than 63.9 of 0..255") && dark.contains("type_range") && dark.contains("min_max"), dark);
	}

	@Test
	void eachMappingGetsItsOwnCause() {
		String window = images(30).trainingWarning(TYPE_RANGE.withWindow(0, 4000)).orElseThrow();
		assertTrue(window.contains("fixed_window 0.0..4000.0"), window);
		String flat = images(0, 0).trainingWarning(MIN_MAX).orElseThrow();
		assertTrue(flat.contains("flat"), flat);
	}

	@Test
	void noInputsNoWarning() {
		assertEquals(Optional.empty(), new InputBrightness().trainingWarning(TYPE_RANGE));
	}

	/** 8-bit values read as 16-bit reach the network 257 times darker; a quarter is the limit either way. */
	@Test
	void detectionComparesWithTheTrainingImagesFourTimesEitherWay() {
		String darker = InputBrightness.detectionWarning("a.tif", 0.9f, TYPE_RANGE, 230).orElseThrow();
		assertTrue(darker.startsWith("image a.tif reaches the network no brighter than 0.9 of 0..255, where the training images"
				+ " typically reached 230.0, with the model's intensity_mapping type_range") && darker.contains("bit depth"), darker);
		assertEquals(Optional.empty(), InputBrightness.detectionWarning("b.tif", 57.5f, TYPE_RANGE, 230));
		assertTrue(InputBrightness.detectionWarning("b.tif", 57.4f, TYPE_RANGE, 230).isPresent());

		String brighter = InputBrightness.detectionWarning("c.tif", 255, TYPE_RANGE, 15).orElseThrow();
		assertTrue(brighter.startsWith("image c.tif reaches the network as bright as 255.0 of 0..255, where the training images"
				+ " typically reached 15.0:"), brighter);
		assertEquals(Optional.empty(), InputBrightness.detectionWarning("d.tif", 60, TYPE_RANGE, 15));
		assertEquals(Optional.empty(), InputBrightness.detectionWarning("e.tif", 12, TYPE_RANGE, 15),
				"as dark as the model's own dark training images: training warned already");
	}

	@Test
	void modelsThatDoNotKnowTheirTrainingBrightnessOnlyWarnOfDarkImages() {
		String dark = InputBrightness.detectionWarning("a.tif", 12.5f, TYPE_RANGE, Float.NaN).orElseThrow();
		assertTrue(dark.startsWith("image a.tif reaches the network no brighter than 12.5 of 0..255 with the model's intensity_mapping type_range")
				&& dark.contains("than the training images (unless they were as dark)?"), dark);
		assertEquals(Optional.empty(), InputBrightness.detectionWarning("b.tif", 64, TYPE_RANGE, Float.NaN));
	}

	@Test
	void stretchedImagesAreNoBitDepthQuestion() {
		assertEquals(Optional.empty(), InputBrightness.detectionWarning("c.tif", 0, MIN_MAX, Float.NaN));
		assertEquals(Optional.empty(), InputBrightness.detectionWarning("c.tif", 0, MIN_MAX, 255));
	}
}
