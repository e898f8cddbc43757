package org.npad.image;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SizeRangeTest {

	private static final SizeRange TRAINED = new SizeRange(300, 412, 256, 256);

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
	void excludesAnImageMoreThanOneAndAHalfTimesOutsideTheTrainingSizes() {
		assertFalse(TRAINED.excludes(618, 256));
		assertFalse(TRAINED.excludes(200, 384));
		assertFalse(TRAINED.excludes(350, 171));
		assertTrue(TRAINED.excludes(619, 256));
		assertTrue(TRAINED.excludes(199, 256));
		assertTrue(TRAINED.excludes(350, 385));
		assertTrue(TRAINED.excludes(350, 170));
		assertFalse(SizeRange.UNKNOWN.excludes(4000, 4000), "a model that does not know its sizes cannot compare");
	}

	@Test
	void refusesAnInvertedRange() {
		assertThrows(IllegalArgumentException.class, () -> new SizeRange(10, 5, 1, 1));
		assertThrows(IllegalArgumentException.class, () -> new SizeRange(-1, 5, 1, 1));
	}
}
