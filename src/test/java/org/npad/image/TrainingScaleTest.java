package org.npad.image;

import ij.measure.Calibration;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npad.image.PixelSizeRangeTest.calibrated;

/**
 * Training images of 300..412 x 256 pixels at 0.5..0.52 µm: fields of view of 150..214.24 x
 * 128..133.12 µm, so 1.5 times beyond them lie widths under 100 or over 321.36 µm and heights under
 * 85.33 or over 199.68 µm.
 */
class TrainingScaleTest {

	private static final SizeRange SIZES = new SizeRange(300, 412, 256, 256);
	private static final PixelSizeRange PIXEL_SIZES = new PixelSizeRange("µm", 0.5, 0.52);
	private static final TrainingScale TRAINED = new TrainingScale(SIZES, PIXEL_SIZES);
	private static final Preprocessing RESIZED = Preprocessing.defaults().withGeometry(GeometryMode.FULL_RESIZE);
	private static final Preprocessing TILED = RESIZED.withGeometry(GeometryMode.TILED);
	private static final Calibration NONE = new Calibration();

	@Test
	void comparesPixelCountsWhereTheImageIsNotCalibratedInTheTrainingUnit() {
		assertEquals(Optional.empty(), TRAINED.detectionWarning("a", 618, 256, NONE, RESIZED));
		String wide = TRAINED.detectionWarning("wide.tif", 619, 256, NONE, RESIZED).orElseThrow();
		assertTrue(wide.startsWith("image wide.tif is 619 x 256 pixels, outside the training images' sizes (300..412 x 256 pixels)"
				+ " by more than 1.5 times") && wide.contains("geometry full_resize every image is scaled to 224 x 224")
				&& wide.contains("geometry tiled"), wide);
		String cropped = TRAINED.detectionWarning("a", 2000, 2000, NONE, RESIZED.withGeometry(GeometryMode.CENTER_CROP)).orElseThrow();
		assertTrue(cropped.contains("geometry center_crop every image is scaled to 256 x 256"), cropped);
		assertEquals(Optional.empty(), TRAINED.detectionWarning("a", 300, 256, calibrated(500, "nm"), RESIZED));
		assertTrue(TRAINED.detectionWarning("a", 619, 256, calibrated(500, "nm"), RESIZED).isPresent(), "nm is not converted");
		TrainingScale uncalibratedTraining = new TrainingScale(SIZES, PixelSizeRange.UNKNOWN);
		assertTrue(uncalibratedTraining.detectionWarning("a", 619, 256, calibrated(0.5, "µm"), RESIZED).isPresent());
	}

	/**
	 * A binned camera (half the pixels, each twice as large) shows the training images' view, which full_resize
	 * scales to the training scale, although its pixel count alone is far outside; another objective on the same
	 * camera (the same pixel count) shows a quarter of it.
	 */
	@Test
	void comparesTheFieldOfViewWhereImageAndTrainingImagesShareAUnit() {
		assertTrue(SIZES.excludes(150, 128) && PIXEL_SIZES.excludes(calibrated(1.0, "µm")), "each range alone would warn");
		assertEquals(Optional.empty(), TRAINED.detectionWarning("binned", 150, 128, calibrated(1.0, "µm"), RESIZED));
		String x40 = TRAINED.detectionWarning("x40.tif", 412, 256, calibrated(0.25, "micron"), RESIZED).orElseThrow();
		assertTrue(x40.startsWith("image x40.tif shows 103 x 64 µm, outside the training images' fields of view"
				+ " (150..214.2 x 128..133.1 µm) by more than 1.5 times"), x40);
		assertEquals(Optional.empty(), TRAINED.detectionWarning("a", 642, 256, calibrated(0.5, "µm"), RESIZED), "321 µm");
		assertTrue(TRAINED.detectionWarning("a", 643, 256, calibrated(0.5, "µm"), RESIZED).isPresent(), "321.5 µm");
		assertEquals(Optional.empty(), TRAINED.detectionWarning("a", 300, 171, calibrated(0.5, "µm"), RESIZED), "85.5 µm");
		assertTrue(TRAINED.detectionWarning("a", 300, 170, calibrated(0.5, "µm"), RESIZED).isPresent(), "85 µm");
	}

	/** Tiles are the image's own pixels: any size is fine, another pixel size is not. */
	@Test
	void comparesThePixelSizeUnderTiles() {
		assertEquals(Optional.empty(), TRAINED.detectionWarning("a", 4000, 4000, NONE, TILED));
		assertEquals(Optional.empty(), TRAINED.detectionWarning("a", 4000, 4000, calibrated(0.5, "µm"), TILED));
		assertEquals(Optional.empty(), TRAINED.detectionWarning("a", 300, 256, calibrated(0.78, "µm"), TILED));
		String coarse = TRAINED.detectionWarning("x20.tif", 300, 256, calibrated(1.04, "µm"), TILED).orElseThrow();
		assertTrue(coarse.startsWith("image x20.tif has pixels of 1.04 µm, the training images 0.5..0.52 µm, more than 1.5 times apart")
				&& coarse.contains("magnification"), coarse);
	}

	@Test
	void saysNothingForAModelThatDoesNotKnowItsTrainingImages() {
		TrainingScale unknown = new TrainingScale(SizeRange.UNKNOWN, PixelSizeRange.UNKNOWN);
		for (Preprocessing p : new Preprocessing[] {RESIZED, TILED})
			assertEquals(Optional.empty(), unknown.detectionWarning("a", 4000, 4000, calibrated(9, "µm"), p));
	}
}
