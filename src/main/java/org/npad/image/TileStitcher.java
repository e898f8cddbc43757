package org.npad.image;

import java.util.Arrays;

/**
 * Accumulates maps of network inputs into one map of the whole image: a weighted mean wherever inputs
 * overlap, NaN where none reached. Works for any placements (one centre crop gives the same result as
 * {@link Placement#mapBack(float[])}), but exists for tiles.
 */
public final class TileStitcher {

	private final int width;
	private final int height;
	private final TileBlending blending;
	private final int overlap;
	private final double[] sum;
	private final double[] weight;

	/**
	 * @param width    image width
	 * @param height   image height
	 * @param blending weights inside a tile
	 * @param overlap  tile overlap in pixels: the width of the linear ramp at each tile edge
	 */
	public TileStitcher(int width, int height, TileBlending blending, int overlap) {
		if (width < 1 || height < 1) throw new IllegalArgumentException("image size must be positive, got " + width + " x " + height);
		if (blending == null) throw new IllegalArgumentException("tile blending is missing");
		if (overlap < 0) throw new IllegalArgumentException("overlap must be >= 0, got " + overlap);
		this.width = width;
		this.height = height;
		this.blending = blending;
		this.overlap = overlap;
		this.sum = new double[width * height];
		this.weight = new double[width * height];
	}

	/** The stitcher for images preprocessed with these settings. */
	public static TileStitcher of(int width, int height, Preprocessing settings) {
		return new TileStitcher(width, height, settings.tileBlending(), settings.tileOverlap());
	}

	/** Adds the map of the input at this placement, at the input's resolution. */
	public void add(Placement placement, float[] map) {
		add(placement, map, placement.width(), placement.height());
	}

	/** Adds a map of any resolution that spans the input at this placement. */
	public void add(Placement placement, float[] map, int mapWidth, int mapHeight) {
		if (placement.imageWidth() != width || placement.imageHeight() != height) {
			throw new IllegalArgumentException("placement belongs to an image of " + placement.imageWidth() + " x "
					+ placement.imageHeight() + ", the stitcher to " + width + " x " + height);
		}
		placement.backProject(map, mapWidth, mapHeight, (index, value, u, v) -> {
			double w = weight(u, placement.width()) * weight(v, placement.height());
			sum[index] += w * value;
			weight[index] += w;
		});
	}

	/** The weighted mean map, row-major width x height, NaN where no input was added. */
	public float[] result() {
		float[] out = new float[width * height];
		Arrays.fill(out, Float.NaN);
		for (int i = 0; i < out.length; i++) {
			if (weight[i] > 0) out[i] = (float) (sum[i] / weight[i]);
		}
		return out;
	}

	/**
	 * Weight along one axis at network coordinate u of an input of this size: 1, or for the linear ramp
	 * min(1, (distance to the nearer edge pixel + 1) / (overlap + 1)), so 1/(overlap + 1) on the edge
	 * pixel and 1 from overlap pixels inwards; never 0, so the image border still gets its value.
	 */
	private double weight(double u, int size) {
		if (blending == TileBlending.UNIFORM) return 1;
		double clamped = Math.min(Math.max(u, 0), size - 1);
		double distance = Math.min(clamped, size - 1 - clamped);
		return Math.min(1, (distance + 1) / (overlap + 1));
	}
}
