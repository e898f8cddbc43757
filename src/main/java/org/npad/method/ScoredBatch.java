package org.npad.method;

/**
 * Scores of a batch of images.
 *
 * @param imageScores one per image
 * @param maps        pixel maps at output resolution, image after image, row-major
 * @param height      rows of each map
 * @param width       columns of each map
 */
public record ScoredBatch(float[] imageScores, float[] maps, int height, int width) {

	public int size() {
		return imageScores.length;
	}

	/** The pixel map of image i, a copy. */
	public float[] map(int i) {
		float[] m = new float[height * width];
		System.arraycopy(maps, i * height * width, m, 0, m.length);
		return m;
	}
}
