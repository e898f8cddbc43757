package org.npad.image;

import ij.measure.Calibration;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PixelSizeRangeTest {

	private static final PixelSizeRange TRAINED = new PixelSizeRange("µm", 0.5, 0.52);

	private static Calibration calibrated(double pixelWidth, String unit) {
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
	void warnsOfAnImageWhosePixelsAreMoreThanOneAndAHalfTimesOutside() {
		assertEquals(Optional.empty(), TRAINED.detectionWarning("a", calibrated(0.78, "µm")));
		assertEquals(Optional.empty(), TRAINED.detectionWarning("a", calibrated(0.3334, "micron")));
		String coarse = TRAINED.detectionWarning("x20.tif", calibrated(1.04, "µm")).orElseThrow();
		assertTrue(coarse.startsWith("image x20.tif has pixels of 1.04 µm, the training images 0.5..0.52 µm, more than 1.5 times apart")
				&& coarse.contains("magnification"), coarse);
		assertTrue(TRAINED.detectionWarning("a", calibrated(0.333, "µm")).isPresent());
	}

	/** Another unit, an uncalibrated image or an unknown range cannot be compared, and are not warned of. */
	@Test
	void saysNothingWhereNothingCanBeCompared() {
		assertEquals(Optional.empty(), TRAINED.detectionWarning("a", calibrated(4000, "nm")));
		assertEquals(Optional.empty(), TRAINED.detectionWarning("a", new Calibration()));
		assertEquals(Optional.empty(), PixelSizeRange.UNKNOWN.detectionWarning("a", calibrated(9, "µm")));
	}

	@Test
	void refusesAnInvertedRange() {
		assertThrows(IllegalArgumentException.class, () -> new PixelSizeRange("µm", 0.6, 0.5));
		assertThrows(IllegalArgumentException.class, () -> new PixelSizeRange("µm", 0, 0.5));
	}
}
