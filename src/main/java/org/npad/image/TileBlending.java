package org.npad.image;

/** How overlapping tile maps are averaged into one full-resolution map. */
public enum TileBlending {
	/** Every pixel of a tile counts the same. */
	UNIFORM,
	/**
	 * A tile's weight falls linearly over the tile_overlap pixels next to its edges, because a CNN sees
	 * less context (and zero padding) there, so the neighbour tile's interior is the better estimate.
	 */
	LINEAR_RAMP
}
