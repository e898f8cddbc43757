package org.npad.image;

import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SizeRangeTest {

	private static final SizeRange TRAINED = new SizeRange(300, 412, 256, 256);
	private static final Preprocessing RESIZED = Preprocessing.defaults().withGeometry(GeometryMode.FULL_RESIZE);

	@Test
	void growsFromUnknownToHoldEveryImage() {
		SizeRange r = SizeRange.UNKNOWN.including(412, 256).including(300, 256);
		assertEquals(TRAINED, r);
		assertEquals("300..412 x 256 pixels", r.toString());
		assertEquals("512 x 512 pixels", SizeRange.UNKNOWN.including(512, 512).toString());
		assertFalse(SizeRange.UNKNOWN.isKnown());
	}

	/** 1.5 x 412 = 618 and 300 / 1.5 = 200 are the last widths in; 1.5 x 256 = 384 and 256 / 1.5 = 170.7 bound the height. */
	@Test
	void warnsOfAnImageMoreThanOneAndAHalfTimesOutsideTheTrainingSizes() {
		assertEquals(Optional.empty(), TRAINED.detectionWarning("a", 618, 256, RESIZED));
		assertEquals(Optional.empty(), TRAINED.detectionWarning("a", 200, 384, RESIZED));
		assertEquals(Optional.empty(), TRAINED.detectionWarning("a", 350, 171, RESIZED));
		String wide = TRAINED.detectionWarning("wide.tif", 619, 256, RESIZED).orElseThrow();
		assertTrue(wide.startsWith("image wide.tif is 619 x 256 pixels, outside the training images' sizes (300..412 x 256 pixels)")
				&& wide.contains("geometry full_resize every image is scaled to 224 x 224") && wide.contains("geometry tiled"), wide);
		assertTrue(TRAINED.detectionWarning("a", 199, 256, RESIZED).isPresent());
		assertTrue(TRAINED.detectionWarning("a", 350, 385, RESIZED).isPresent());
		assertTrue(TRAINED.detectionWarning("a", 350, 170, RESIZED).isPresent());
		String cropped = TRAINED.detectionWarning("a", 2000, 2000, Preprocessing.defaults().withGeometry(GeometryMode.CENTER_CROP)).orElseThrow();
		assertTrue(cropped.contains("geometry center_crop every image is scaled to 256 x 256"), cropped);
	}

	/** Tiles keep the pixel scale, and a model that does not know its sizes cannot compare. */
	@Test
	void saysNothingForTilesOrAnUnknownRange() {
		assertEquals(Optional.empty(), TRAINED.detectionWarning("a", 4000, 4000, RESIZED.withGeometry(GeometryMode.TILED)));
		assertEquals(Optional.empty(), SizeRange.UNKNOWN.detectionWarning("a", 4000, 4000, RESIZED));
	}

	@Test
	void refusesAnInvertedRange() {
		assertThrows(IllegalArgumentException.class, () -> new SizeRange(10, 5, 1, 1));
		assertThrows(IllegalArgumentException.class, () -> new SizeRange(-1, 5, 1, 1));
	}
}
