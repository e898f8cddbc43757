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
		assertEquals(Optional.empty(), of(0, 12, 64).warning(Preprocessing.defaults()));
		String dark = of(0, 12, 63.9f).warning(Preprocessing.defaults()).orElseThrow();
		assertTrue(dark.contains("no brighter than 63.9 of 0..255") && dark.contains("type_range") && dark.contains("min_max"), dark);
	}

	@Test
	void theBrightestInputOfAllCounts() {
		InputBrightness b = of(0, 20);
		b.add(new float[] {200, 1});
		b.add(new float[] {3});
		assertEquals(Optional.empty(), b.warning(Preprocessing.defaults()));
	}

	@Test
	void eachMappingGetsItsOwnCause() {
		String window = of(30).warning(Preprocessing.defaults().withWindow(0, 4000)).orElseThrow();
		assertTrue(window.contains("fixed_window 0.0..4000.0"), window);
		String flat = of(0, 0).warning(Preprocessing.defaults().withIntensityMapping(IntensityMapping.MIN_MAX)).orElseThrow();
		assertTrue(flat.contains("flat"), flat);
	}

	@Test
	void noInputsNoWarning() {
		assertEquals(Optional.empty(), new InputBrightness().warning(Preprocessing.defaults()));
	}
}
