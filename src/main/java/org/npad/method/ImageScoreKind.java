package org.npad.method;

/** How one number per image is made from its maps. */
public enum ImageScoreKind {
	/** Eq. 12-14: sorted top-k D1 values times sorted centroid distances at those positions. */
	TOP_K_CENTROID,
	/** The maximum of the smoothed pixel map (PaDiM's image score). */
	MAX_PIXEL,
	/**
	 * The mean of the top_pixel_percent highest pixels of the smoothed map: the single hottest pixel
	 * of a nominal image is an extreme of tens of thousands of correlated values and varies from image
	 * to image, the mean of its hottest percent varies less, while a defect that covers that share
	 * keeps its full height.
	 */
	TOP_PIXELS
}
