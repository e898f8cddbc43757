package org.npad.image;

import ij.measure.Calibration;

import java.math.BigDecimal;
import java.math.MathContext;

/**
 * The smallest and largest pixel width of a model's training images, where every one of them carries
 * a spatial calibration in one unit (a microscope's TIFF does), to catch an image taken at another
 * magnification ({@link TrainingScale}): its pixel count may match the training images', so
 * {@link SizeRange} alone sees nothing. Uncalibrated images, or training images in mixed units, leave
 * the range unknown and nothing is compared.
 *
 * @param unit the calibration unit ("µm" for every spelling of micrometres); empty when unknown
 */
public record PixelSizeRange(String unit, double min, double max) {

	public static final PixelSizeRange UNKNOWN = new PixelSizeRange("", Double.NaN, Double.NaN);

	public PixelSizeRange {
		if (unit == null) throw new IllegalArgumentException("the unit is missing (empty when unknown)");
		if (!unit.isEmpty() && !(min > 0 && min <= max && Double.isFinite(max)))
			throw new IllegalArgumentException("not a pixel size range: " + min + ".." + max + " " + unit);
	}

	public boolean isKnown() {
		return !unit.isEmpty();
	}

	/** The range of the images' pixel widths; unknown if one of them is uncalibrated or in another unit. */
	public static PixelSizeRange of(Iterable<Calibration> calibrations) {
		String unit = null;
		double min = Double.POSITIVE_INFINITY, max = 0;
		for (Calibration c : calibrations) {
			String u = spatialUnit(c);
			if (u.isEmpty() || (unit != null && !unit.equals(u))) return UNKNOWN;
			unit = u;
			min = Math.min(min, c.pixelWidth);
			max = Math.max(max, c.pixelWidth);
		}
		return unit == null ? UNKNOWN : new PixelSizeRange(unit, min, max);
	}

	/** Whether an image of this calibration, in this range's unit, has pixels more than {@link SizeRange#MISMATCH} times outside it. */
	boolean excludes(Calibration calibration) {
		return isKnown() && unit.equals(spatialUnit(calibration)) && SizeRange.outside(calibration.pixelWidth, min, max);
	}

	/** E.g. "0.5 µm" or "0.5..0.52 µm". */
	@Override
	public String toString() {
		if (!isKnown()) return "unknown";
		return span(min, max) + " " + unit;
	}

	/** E.g. "0.5..0.52", or "0.5" when both ends are alike. */
	static String span(double min, double max) {
		return min == max ? format(min) : format(min) + ".." + format(max);
	}

	/** Four significant digits without trailing zeros: 0.5, 0.1625, 65. */
	static String format(double v) {
		return new BigDecimal(v).round(new MathContext(4)).stripTrailingZeros().toPlainString();
	}

	/** The calibration's length unit, micrometres in one spelling; empty for an uncalibrated image. */
	static String spatialUnit(Calibration c) {
		String u = c.getUnit();
		if (!c.scaled() || u == null || u.isEmpty() || u.startsWith("pixel") || !(c.pixelWidth > 0)) return "";
		return switch (u) {
			case "micron", "microns", "um", "µm", "\u03bcm" -> "µm";
			default -> u;
		};
	}
}
