package org.npad.image;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PreprocessingTest {

	@Test
	void defaultsAreThePapers() {
		Preprocessing d = Preprocessing.paper();
		assertEquals(256, d.resize());
		assertEquals(224, d.crop());
		assertEquals(IntensityMapping.TYPE_RANGE, d.intensityMapping());
		assertEquals(GeometryMode.CENTER_CROP, d.geometry());
		assertEquals(32, d.tileOverlap());
		assertTrue(d.antialias());
		assertEquals(Preprocessing.paper().withGeometry(GeometryMode.FULL_RESIZE), Preprocessing.defaults());
	}

	@Test
	void settingsListEveryNameOnceInRecordOrder() {
		List<String> names = Preprocessing.settings().stream().map(Preprocessing.Setting::name).toList();
		assertEquals(List.copyOf(Preprocessing.paper().toMap().keySet()), names);
		assertEquals(Preprocessing.class.getRecordComponents().length, names.size());
		for (Preprocessing.Setting s : Preprocessing.settings()) {
			assertTrue(!s.description().isBlank(), s.name());
		}
		assertEquals("full_resize", Preprocessing.settings().get(6).defaultValue());
		assertEquals("true", Preprocessing.settings().get(2).defaultValue());
	}

	@Test
	void textRoundTrip() {
		Preprocessing p = Preprocessing.paper().withGeometry(GeometryMode.TILED).withCrop(128).withTileOverlap(16)
				.withWindow(-3.5, 1200).withTileBlending(TileBlending.UNIFORM).withAntialias(false);
		assertEquals(p, Preprocessing.fromMap(p.toMap()));
		assertEquals("fixed_window", p.toMap().get("intensity_mapping"));
	}

	@Test
	void missingNamesKeepDefaultsAndValuesAreCaseInsensitive() {
		Preprocessing p = Preprocessing.fromMap(Map.of("geometry", "FULL_Resize", "crop", " 320 "));
		assertEquals(GeometryMode.FULL_RESIZE, p.geometry());
		assertEquals(320, p.crop());
		assertEquals(256, p.resize()); // smaller than crop is fine without a centre crop
	}

	@Test
	void badValuesAreRefusedWithTheirName() {
		assertMessage("unknown preprocessing setting 'size'", () -> Preprocessing.fromMap(Map.of("size", "3")));
		assertMessage("intensity_mapping must be one of type_range, min_max, fixed_window, got 'linear'",
				() -> Preprocessing.fromMap(Map.of("intensity_mapping", "linear")));
		assertMessage("crop must be a whole number, got '22.5'", () -> Preprocessing.fromMap(Map.of("crop", "22.5")));
		assertMessage("antialias must be true or false, got 'yes'", () -> Preprocessing.fromMap(Map.of("antialias", "yes")));
		assertMessage("resize (200) must be at least crop (224)", () -> Preprocessing.paper().withResize(200));
		assertMessage("tile_overlap must be 0..crop-1 (223), got 224",
				() -> Preprocessing.paper().withGeometry(GeometryMode.TILED).withTileOverlap(224));
		assertMessage("tile_overlap must be >= 0", () -> Preprocessing.paper().withTileOverlap(-1));
		assertMessage("window_low must be below window_high", () -> Preprocessing.paper().withWindow(10, 10));
		assertMessage("crop must be 1..", () -> Preprocessing.paper().withCrop(0));
	}

	private static void assertMessage(String expectedPart, Runnable r) {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, r::run);
		assertTrue(e.getMessage().contains(expectedPart), e.getMessage());
	}
}
