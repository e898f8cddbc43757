package org.npad.image;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Every setting that turns an image into network inputs (method.md section 1), with its default. The
 * model file stores it, so detection always repeats the geometry and intensity mapping of training.
 * Names are snake_case everywhere outside Java (commands, command line, model file, documentation);
 * {@link #settings()}, {@link #toMap()} and {@link #fromMap(Map)} are the one place they are spelled.
 *
 * @param resize           side of the square the whole image is resized to before the centre crop (center_crop only)
 * @param crop             side of the square network input
 * @param antialias        whether shrinking averages over all covered pixels (PIL, torchvision) or reads
 *                         only the two nearest per axis (plain bilinear); see {@link Bilinear}
 * @param intensityMapping how raw pixel values become 0-255
 * @param windowLow        raw value that becomes 0 (fixed_window only)
 * @param windowHigh       raw value that becomes 255 (fixed_window only)
 * @param geometry         centre crop, full resize or tiles
 * @param tileOverlap      pixels shared by neighbouring tiles (tiled only)
 * @param tileBlending     how overlapping tile maps are averaged (tiled only)
 */
public record Preprocessing(
		int resize,
		int crop,
		boolean antialias,
		IntensityMapping intensityMapping,
		double windowLow,
		double windowHigh,
		GeometryMode geometry,
		int tileOverlap,
		TileBlending tileBlending) {

	/** One setting as the commands and the documentation show it. */
	public record Setting(String name, String defaultValue, String description) {}

	private static final int MAX_SIDE = 16384;

	public Preprocessing {
		require(crop >= 1 && crop <= MAX_SIDE, "crop must be 1.." + MAX_SIDE + ", got " + crop);
		require(resize >= 1 && resize <= MAX_SIDE, "resize must be 1.." + MAX_SIDE + ", got " + resize);
		require(intensityMapping != null, "intensity_mapping is missing");
		require(geometry != null, "geometry is missing");
		require(tileBlending != null, "tile_blending is missing");
		require(Double.isFinite(windowLow) && Double.isFinite(windowHigh) && windowLow < windowHigh,
				"window_low must be below window_high, got " + windowLow + " and " + windowHigh);
		require(geometry != GeometryMode.CENTER_CROP || resize >= crop,
				"with geometry center_crop, resize (" + resize + ") must be at least crop (" + crop + ")");
		require(tileOverlap >= 0, "tile_overlap must be >= 0, got " + tileOverlap);
		require(geometry != GeometryMode.TILED || tileOverlap < crop,
				"with geometry tiled, tile_overlap must be 0..crop-1 (" + (crop - 1) + "), got " + tileOverlap);
	}

	/** The paper's preprocessing: 256 resize, 224 centre crop, type range. */
	public static Preprocessing paper() {
		return new Preprocessing(256, 224, true, IntensityMapping.TYPE_RANGE, 0, 255, GeometryMode.CENTER_CROP, 32,
				TileBlending.LINEAR_RAMP);
	}

	/**
	 * The project's default: the whole image resized to 224 x 224. The paper's centre crop never
	 * looks at the outer 12.5 % of each side, so a defect there goes unseen, and on non-square
	 * images (most micrographs and MTD) it also distorts before cutting.
	 */
	public static Preprocessing defaults() {
		return paper().withGeometry(GeometryMode.FULL_RESIZE);
	}

	/** Names, defaults and descriptions in the order of the record, for command dialogs and the docs. */
	public static List<Setting> settings() {
		Map<String, String> d = defaults().toMap();
		return List.of(
				new Setting("resize", d.get("resize"), "side of the square the whole image is resized to before the centre crop (center_crop only)"),
				new Setting("crop", d.get("crop"), "side of the square network input in pixels"),
				new Setting("antialias", d.get("antialias"), "true: shrinking averages every covered pixel (bilinear filter stretched by the scale, as PIL and torchvision); false: plain bilinear from the two nearest pixels"),
				new Setting("intensity_mapping", d.get("intensity_mapping"), "type_range: 16-bit v*255/65535, 8-bit and RGB as is; min_max: each image's min..max to 0..255; fixed_window: window_low..window_high to 0..255"),
				new Setting("window_low", d.get("window_low"), "raw value mapped to 0 (fixed_window only)"),
				new Setting("window_high", d.get("window_high"), "raw value mapped to 255 (fixed_window only)"),
				new Setting("geometry", d.get("geometry"), "center_crop: square resize then centre crop (the paper); full_resize: whole image to crop x crop; tiled: full-resolution crop x crop tiles covering the image"),
				new Setting("tile_overlap", d.get("tile_overlap"), "pixels shared by neighbouring tiles (tiled only)"),
				new Setting("tile_blending", d.get("tile_blending"), "uniform or linear_ramp weights when averaging overlapping tile maps (tiled only)"));
	}

	/** The settings as snake_case name to text, in record order; {@link #fromMap(Map)} reads it back. */
	public Map<String, String> toMap() {
		Map<String, String> m = new LinkedHashMap<>();
		m.put("resize", Integer.toString(resize));
		m.put("crop", Integer.toString(crop));
		m.put("antialias", Boolean.toString(antialias));
		m.put("intensity_mapping", snake(intensityMapping));
		m.put("window_low", Double.toString(windowLow));
		m.put("window_high", Double.toString(windowHigh));
		m.put("geometry", snake(geometry));
		m.put("tile_overlap", Integer.toString(tileOverlap));
		m.put("tile_blending", snake(tileBlending));
		return m;
	}

	/**
	 * Reads settings written by {@link #toMap()} or typed by a user; missing names keep their default,
	 * an unknown name or an unreadable value is an error naming it.
	 */
	public static Preprocessing fromMap(Map<String, String> values) {
		Map<String, String> m = defaults().toMap();
		for (Map.Entry<String, String> e : values.entrySet()) {
			if (!m.containsKey(e.getKey())) {
				throw new IllegalArgumentException("unknown preprocessing setting '" + e.getKey() + "': known are " + m.keySet());
			}
			m.put(e.getKey(), e.getValue().trim());
		}
		return new Preprocessing(
				integer(m, "resize"),
				integer(m, "crop"),
				bool(m, "antialias"),
				parse(IntensityMapping.class, m, "intensity_mapping"),
				number(m, "window_low"),
				number(m, "window_high"),
				parse(GeometryMode.class, m, "geometry"),
				integer(m, "tile_overlap"),
				parse(TileBlending.class, m, "tile_blending"));
	}

	public Preprocessing withResize(int v) { return new Preprocessing(v, crop, antialias, intensityMapping, windowLow, windowHigh, geometry, tileOverlap, tileBlending); }
	public Preprocessing withCrop(int v) { return new Preprocessing(resize, v, antialias, intensityMapping, windowLow, windowHigh, geometry, tileOverlap, tileBlending); }
	public Preprocessing withAntialias(boolean v) { return new Preprocessing(resize, crop, v, intensityMapping, windowLow, windowHigh, geometry, tileOverlap, tileBlending); }
	public Preprocessing withIntensityMapping(IntensityMapping v) { return new Preprocessing(resize, crop, antialias, v, windowLow, windowHigh, geometry, tileOverlap, tileBlending); }
	/** Also switches the intensity mapping to fixed_window, the only mapping the window means anything to. */
	public Preprocessing withWindow(double low, double high) { return new Preprocessing(resize, crop, antialias, IntensityMapping.FIXED_WINDOW, low, high, geometry, tileOverlap, tileBlending); }
	public Preprocessing withGeometry(GeometryMode v) { return new Preprocessing(resize, crop, antialias, intensityMapping, windowLow, windowHigh, v, tileOverlap, tileBlending); }
	public Preprocessing withTileOverlap(int v) { return new Preprocessing(resize, crop, antialias, intensityMapping, windowLow, windowHigh, geometry, v, tileBlending); }
	public Preprocessing withTileBlending(TileBlending v) { return new Preprocessing(resize, crop, antialias, intensityMapping, windowLow, windowHigh, geometry, tileOverlap, v); }

	static String snake(Enum<?> value) {
		return value.name().toLowerCase(Locale.ROOT);
	}

	private static <E extends Enum<E>> E parse(Class<E> type, Map<String, String> m, String name) {
		String text = m.get(name);
		for (E e : type.getEnumConstants()) {
			if (snake(e).equalsIgnoreCase(text)) return e;
		}
		StringBuilder known = new StringBuilder();
		for (E e : type.getEnumConstants()) known.append(known.length() == 0 ? "" : ", ").append(snake(e));
		throw new IllegalArgumentException(name + " must be one of " + known + ", got '" + text + "'");
	}

	private static boolean bool(Map<String, String> m, String name) {
		String v = m.get(name).toLowerCase(Locale.ROOT);
		if (!v.equals("true") && !v.equals("false")) {
			throw new IllegalArgumentException(name + " must be true or false, got '" + m.get(name) + "'");
		}
		return v.equals("true");
	}

	private static int integer(Map<String, String> m, String name) {
		try {
			return Integer.parseInt(m.get(name));
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException(name + " must be a whole number, got '" + m.get(name) + "'");
		}
	}

	private static double number(Map<String, String> m, String name) {
		try {
			return Double.parseDouble(m.get(name));
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException(name + " must be a number, got '" + m.get(name) + "'");
		}
	}

	private static void require(boolean ok, String message) {
		if (!ok) throw new IllegalArgumentException(message);
	}
}
