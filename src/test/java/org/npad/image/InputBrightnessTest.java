package org.npad.image;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class InputBrightnessTest {

	private static InputBrightness of(float... values) {
		InputBrightness b = new InputBrightness();
		b.add(values);
		return b;
	}

	@Test
	void aQuarterOfTheRangeIsBrightEnough() {
		assertEquals(Optional.empty(), of(0, 12, 64).trainingWarning(Preprocessing.defaults()));
		String dark = of(0, 12, 63.9f).trainingWarning(Preprocessing.defaults()).orElseThrow();
		assertTrue(dark.contains("no brighter than 63.9 of 0..255") && dark.contains("type_range") && dark.contains("min_max"), dark);
	}

	@Test
	void theBrightestInputOfAllCounts() {
		InputBrightness b = of(0, 20);
		b.add(new float[] {200, 1});
		b.add(new float[] {3});
		assertEquals(Optional.empty(), b.trainingWarning(Preprocessing.defaults()));
	}

	@Test
	void eachMappingGetsItsOwnCause() {
		String window = of(30).trainingWarning(Preprocessing.defaults().withWindow(0, 4000)).orElseThrow();
		assertTrue(window.contains("fixed_window 0.0..4000.0"), window);
		String flat = of(0, 0).trainingWarning(Preprocessing.defaults().withIntensityMapping(IntensityMapping.MIN_MAX)).orElseThrow();
		assertTrue(flat.contains("flat"), flat);
	}

	@Test
	void noInputsNoWarning() {
		assertEquals(Optional.empty(), new InputBrightness().trainingWarning(Preprocessing.defaults()));
	}

	@Test
	void detectionNamesTheImageAndStaysQuietForBrightOrStretchedOnes() {
		String dark = InputBrightness.detectionWarning("a.tif", 12.5f, Preprocessing.defaults()).orElseThrow();
		assertTrue(dark.startsWith("image a.tif reaches the network no brighter than 12.5 of 0..255 with the model's intensity_mapping type_range"), dark);
		assertEquals(Optional.empty(), InputBrightness.detectionWarning("b.tif", 64, Preprocessing.defaults()));
		assertEquals(Optional.empty(), InputBrightness.detectionWarning("c.tif", 0,
				Preprocessing.defaults().withIntensityMapping(IntensityMapping.MIN_MAX)), "a flat image under min_max is no bit-depth question");
	}
}
