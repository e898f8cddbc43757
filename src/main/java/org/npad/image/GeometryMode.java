package org.npad.image;

/** Where the network input comes from in the image (method.md section 1 and section 7). */
public enum GeometryMode {
	/** The paper: resize the whole image to resize x resize (aspect distorted), then cut the centre crop x crop. */
	CENTER_CROP,
	/** Resize the whole image to crop x crop: aspect distorted, but no defect at the border is cut away. */
	FULL_RESIZE,
	/**
	 * Tiles of crop x crop at full resolution, overlapping by tile_overlap, covering the whole image; the
	 * last tile of a row or column is aligned to the border. For large images with small defects.
	 */
	TILED
}
