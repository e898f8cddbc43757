package org.npad.image;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Where one network input sits in its image, so that a map computed on the input can be laid back
 * onto the image. Per axis, the image interval [start, start + length) is resampled to {@code scaled}
 * samples (bilinear, half-pixel centres, see {@link Bilinear}) and the network input is the samples
 * [cropStart, cropStart + cropLength) of that. This one description covers all three geometries:
 * centre crop (whole image to resize, crop in the middle), full resize (whole image to crop, no crop)
 * and tiles (a crop-sized interval at scale 1).
 *
 * <p>Mapping back samples the map bilinearly at the network coordinate of every image pixel whose
 * centre falls inside the input's footprint; pixels outside the footprint get NaN, because the network
 * never saw them and any value there would be invented. Inside the footprint, coordinates beyond the
 * outermost map pixel centres take the edge value (as in {@link Bilinear}).
 *
 * @param imageWidth  width of the image the input was taken from
 * @param imageHeight height of that image
 * @param x           the horizontal axis
 * @param y           the vertical axis
 */
public record Placement(int imageWidth, int imageHeight, Axis x, Axis y) {

	/**
	 * One axis of a placement.
	 *
	 * @param start      first image pixel of the resampled interval (may be past the image for tiles of
	 *                   an image smaller than the crop; the missing pixels repeat the edge)
	 * @param length     pixels in the resampled interval
	 * @param scaled     samples the interval is resampled to
	 * @param cropStart  first sample that is part of the network input
	 * @param cropLength samples in the network input
	 */
	public record Axis(int start, int length, int scaled, int cropStart, int cropLength) {

		public Axis {
			if (length < 1 || scaled < 1 || cropLength < 1 || cropStart < 0 || cropStart + cropLength > scaled) {
				throw new IllegalArgumentException("inconsistent placement axis " + start + ", " + length + ", "
						+ scaled + ", " + cropStart + ", " + cropLength);
			}
		}

		/** Image coordinate (pixel centres at integers) of network coordinate u. */
		public double toImage(double u) {
			return start + (u + cropStart + 0.5) * length / scaled - 0.5;
		}

		/** Network coordinate of image coordinate x; the inverse of {@link #toImage(double)}. */
		public double toNetwork(double x) {
			return (x - start + 0.5) * scaled / length - 0.5 - cropStart;
		}

		/**
		 * The image pixel whose area holds the centre of network pixel u (nearest neighbour with
		 * half-pixel centres, as PyTorch's "nearest-exact"), clamped to the image.
		 */
		int nearestImagePixel(int u, int imageLength) {
			long index = start + ((2L * (u + cropStart) + 1) * length) / (2L * scaled);
			return (int) Math.min(Math.max(index, 0), imageLength - 1);
		}

		/** Whether image pixel x has its centre inside the network input's footprint (exact integer test). */
		boolean covers(int x) {
			if (x < start || x >= start + length) return false;
			long centre = (2L * (x - start) + 1) * scaled;
			return centre >= 2L * cropStart * length && centre < 2L * (cropStart + cropLength) * length;
		}

		/** First image pixel covered, or imageLength if none. */
		int firstCovered(int imageLength) {
			int i = Math.max(0, start);
			while (i < imageLength && !covers(i)) i++;
			return i;
		}

		/** One past the last image pixel covered (covered pixels are contiguous). */
		int endCovered(int imageLength) {
			int i = firstCovered(imageLength);
			while (i < imageLength && covers(i)) i++;
			return i;
		}

		/**
		 * Interpolation weights that read the network input at its samples 0..cropLength-1 from the image,
		 * antialiased or not (see {@link Bilinear}).
		 */
		Bilinear.Weights forward(int imageLength, boolean antialias) {
			double[] positions = new double[cropLength];
			for (int u = 0; u < cropLength; u++) positions[u] = toImage(u);
			int min = Math.max(0, start);
			int max = Math.min(imageLength, start + length) - 1;
			return antialias ? Bilinear.antialiased(positions, length / (double) scaled, min, max) : Bilinear.plain(positions, min, max);
		}

		/**
		 * Interpolation weights that read a map of mapLength samples spanning the network input at the
		 * covered image pixels [from, to); plain bilinear, since maps are smooth and mostly enlarged.
		 */
		Bilinear.Weights backward(int from, int to, int mapLength) {
			double[] positions = new double[Math.max(0, to - from)];
			for (int i = 0; i < positions.length; i++) {
				double u = toNetwork(from + i);
				positions[i] = (u + 0.5) * mapLength / cropLength - 0.5;
			}
			return Bilinear.plain(positions, 0, mapLength - 1);
		}
	}

	/** Receives one covered image pixel while a map is laid back onto the image. */
	@FunctionalInterface
	interface CoveredPixel {
		/**
		 * @param index image pixel index y * imageWidth + x
		 * @param value the map's value there
		 * @param u     network x coordinate of the pixel
		 * @param v     network y coordinate of the pixel
		 */
		void accept(int index, float value, double u, double v);
	}

	public Placement {
		if (imageWidth < 1 || imageHeight < 1) {
			throw new IllegalArgumentException("image size must be positive, got " + imageWidth + " x " + imageHeight);
		}
		if (x == null || y == null) throw new IllegalArgumentException("placement axes are missing");
	}

	/** The paper's geometry: the whole image resized to resize x resize, then the centre crop x crop. */
	public static Placement centerCrop(int imageWidth, int imageHeight, int resize, int crop) {
		// torchvision's CenterCrop: offset round((resize - crop) / 2), Python rounding = half to even
		int offset = (int) Math.rint((resize - crop) / 2.0);
		return new Placement(imageWidth, imageHeight,
				new Axis(0, imageWidth, resize, offset, crop),
				new Axis(0, imageHeight, resize, offset, crop));
	}

	/** The whole image resized to crop x crop. */
	public static Placement fullResize(int imageWidth, int imageHeight, int crop) {
		return new Placement(imageWidth, imageHeight,
				new Axis(0, imageWidth, crop, 0, crop),
				new Axis(0, imageHeight, crop, 0, crop));
	}

	/** Full-resolution tiles covering the image, row by row; see {@link #tileStarts(int, int, int)}. */
	public static List<Placement> tiles(int imageWidth, int imageHeight, int crop, int overlap) {
		List<Placement> tiles = new ArrayList<>();
		for (int ty : tileStarts(imageHeight, crop, overlap)) {
			for (int tx : tileStarts(imageWidth, crop, overlap)) {
				tiles.add(new Placement(imageWidth, imageHeight,
						new Axis(tx, crop, crop, 0, crop),
						new Axis(ty, crop, crop, 0, crop)));
			}
		}
		return tiles;
	}

	/**
	 * Tile starts along one axis: 0, crop - overlap, 2 (crop - overlap), ... while a tile ends before
	 * the border, then one tile ending exactly at the border (so it may overlap its neighbour by more).
	 * An axis shorter than the crop gets one tile at 0 whose missing pixels repeat the edge.
	 */
	static int[] tileStarts(int length, int crop, int overlap) {
		if (overlap < 0 || overlap >= crop) throw new IllegalArgumentException("overlap must be 0..crop-1, got " + overlap);
		if (length <= crop) return new int[] {0};
		int stride = crop - overlap;
		int[] starts = new int[length / stride + 2];
		int n = 0;
		for (int s = 0; s + crop < length; s += stride) starts[n++] = s;
		starts[n++] = length - crop;
		return Arrays.copyOf(starts, n);
	}

	/** Width of the network input. */
	public int width() {
		return x.cropLength();
	}

	/** Height of the network input. */
	public int height() {
		return y.cropLength();
	}

	/** Whether image pixel (px, py) lies inside the network input's footprint. */
	public boolean covers(int px, int py) {
		return px >= 0 && px < imageWidth && py >= 0 && py < imageHeight && x.covers(px) && y.covers(py);
	}

	/** {@link #mapBack(float[], int, int)} for a map at the network input's own resolution. */
	public float[] mapBack(float[] map) {
		return mapBack(map, width(), height());
	}

	/**
	 * Lays a map that spans the network input (any resolution, e.g. the crop or a 56 x 56 feature grid)
	 * back onto the image: a new imageWidth x imageHeight row-major array, NaN outside the footprint.
	 */
	public float[] mapBack(float[] map, int mapWidth, int mapHeight) {
		float[] image = new float[imageWidth * imageHeight];
		Arrays.fill(image, Float.NaN);
		backProject(map, mapWidth, mapHeight, (index, value, u, v) -> image[index] = value);
		return image;
	}

	/** Visits every covered image pixel with the bilinearly interpolated map value there. */
	void backProject(float[] map, int mapWidth, int mapHeight, CoveredPixel sink) {
		if (mapWidth < 1 || mapHeight < 1 || map.length != mapWidth * mapHeight) {
			throw new IllegalArgumentException("map has " + map.length + " values, not " + mapWidth + " x " + mapHeight);
		}
		int x0 = x.firstCovered(imageWidth);
		int x1 = x.endCovered(imageWidth);
		int y0 = y.firstCovered(imageHeight);
		int y1 = y.endCovered(imageHeight);
		Bilinear.Weights xs = x.backward(x0, x1, mapWidth);
		Bilinear.Weights ys = y.backward(y0, y1, mapHeight);
		for (int j = 0; j < y1 - y0; j++) {
			double v = y.toNetwork(y0 + j);
			for (int i = 0; i < x1 - x0; i++) {
				sink.accept((y0 + j) * imageWidth + x0 + i, Bilinear.value(map, mapWidth, xs, i, ys, j), x.toNetwork(x0 + i), v);
			}
		}
	}
}
