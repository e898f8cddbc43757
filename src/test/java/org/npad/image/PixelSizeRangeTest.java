package org.npad.image;

import ij.measure.Calibration;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PixelSizeRangeTest {

	private static final PixelSizeRange TRAINED = new PixelSizeRange("µm", 0.5, 0.52);

	static Calibration calibrated(double pixelWidth, String unit) {
		Calibration c = new Calibration();
		c.pixelWidth = pixelWidth;
		c.pixelHeight = pixelWidth;
		c.setUnit(unit);
		return c;
	}

	@Test
	void spansTheTrainingImagesWhenAllShareOneUnit() {
		assertEquals(TRAINED, PixelSizeRange.of(List.of(calibrated(0.52, "micron"), calibrated(0.5, "um"), calibrated(0.51, "µm"))));
		assertEquals("0.5..0.52 µm", TRAINED.toString());
		assertEquals("0.1625 µm", PixelSizeRange.of(List.of(calibrated(0.1625, "µm"))).toString());
		assertEquals(PixelSizeRange.UNKNOWN, PixelSizeRange.of(List.of(calibrated(0.5, "µm"), new Calibration())), "one uncalibrated image");
		assertEquals(PixelSizeRange.UNKNOWN, PixelSizeRange.of(List.of(calibrated(0.5, "µm"), calibrated(500, "nm"))), "mixed units");
		assertEquals(PixelSizeRange.UNKNOWN, PixelSizeRange.of(List.of()));
	}

	/** 1.5 x 0.52 = 0.78 and 0.5 / 1.5 = 0.3333 are the last pixel sizes in. */
	@Test
	void excludesAnImageWhosePixelsAreMoreThanOneAndAHalfTimesOutside() {
		assertFalse(TRAINED.excludes(calibrated(0.78, "µm")));
		assertFalse(TRAINED.excludes(calibrated(0.3334, "micron")));
		assertTrue(TRAINED.excludes(calibrated(0.781, "µm")));
		assertTrue(TRAINED.excludes(calibrated(0.333, "µm")));
	}

	/** Another unit, an uncalibrated image or an unknown range cannot be compared, and are not excluded. */
	@Test
	void excludesNothingWhereNothingCanBeCompared() {
		assertFalse(TRAINED.excludes(calibrated(4000, "nm")));
		assertFalse(TRAINED.excludes(new Calibration()));
		assertFalse(PixelSizeRange.UNKNOWN.excludes(calibrated(9, "µm")));
	}

	@Test
	void refusesAnInvertedRange() {
		assertThrows(IllegalArgumentException.class, () -> new PixelSizeRange("µm", 0.6, 0.5));
		assertThrows(IllegalArgumentException.class, () -> new PixelSizeRange("µm", 0, 0.5));
	}
}
