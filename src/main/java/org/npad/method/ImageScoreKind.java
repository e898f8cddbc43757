package org.npad.method;

/** How one number per image is made from its maps. */
public enum ImageScoreKind {
	/** Eq. 12-14: sorted top-k D1 values times sorted centroid distances at those positions. */
	TOP_K_CENTROID,
	/** The maximum of the smoothed pixel map (PaDiM's image score). */
	MAX_PIXEL
}
