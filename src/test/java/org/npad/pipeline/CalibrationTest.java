package org.npad.pipeline;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class CalibrationTest {

	/** 99.5 needs n > 200 to lie below the highest of n scores: (n - 1) / n > 0.995. */
	@Test
	void saysWhenTheThresholdIsTheHighestScore() {
		assertEquals("; 2 images are too few for the 99.5 percentile: the image threshold is about their highest score,"
				+ " so expect about 1 in 3 nominal images above it (hold out more images for a truer threshold)", Calibration.caveat(2, 99.5));
		assertEquals("", Calibration.caveat(201, 99.5));
		assertEquals("; 1 image is too few for the 99.5 percentile: the image threshold is about its score,"
				+ " so expect about 1 in 2 nominal images above it (hold out more images for a truer threshold)", Calibration.caveat(1, 99.5));
		assertEquals("", Calibration.caveat(20, 95));
		assertEquals("; 19 images are too few for the 95 percentile: the image threshold is about their highest score,"
				+ " so expect about 1 in 20 nominal images above it (hold out more images for a truer threshold)", Calibration.caveat(19, 95));
	}
}
