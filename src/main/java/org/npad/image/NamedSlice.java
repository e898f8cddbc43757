package org.npad.image;

import ij.measure.Calibration;
import ij.process.ImageProcessor;

import java.nio.file.Path;

/**
 * One 2D image read from a folder: a single-slice file, or one slice of a stack. Batch work treats every
 * slice as an image of its own.
 *
 * @param name      the file's path relative to the folder, '/'-separated, with "#k" for slice k of a stack
 *                  ("scan.tif#3"): unique within the folder and stable across runs
 * @param file      the file it came from
 * @param slice     1-based slice number within the file
 * @param processor the pixels
 * @param calibration the image's pixel size and unit, so that outputs keep its spatial scale
 */
public record NamedSlice(String name, Path file, int slice, ImageProcessor processor, Calibration calibration) {

	public NamedSlice {
		if (processor == null || calibration == null)
			throw new IllegalArgumentException("slice " + name + " needs its pixels and a calibration (new Calibration() for none)");
	}

	public int width() {
		return processor.getWidth();
	}

	public int height() {
		return processor.getHeight();
	}
}
