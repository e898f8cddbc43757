package org.npad.image;

import ij.process.ColorProcessor;
import ij.process.ImageProcessor;

import java.util.AbstractList;
import java.util.List;

/**
 * Turns one image slice into network inputs, and its ground-truth mask into masks of the same
 * geometry. Order: intensity mapping on the full slice, then one bilinear resample straight from the
 * slice to each network input (a resize followed by a crop is the same as sampling only the cropped
 * samples of the resize, so the resized image is never built).
 */
public final class Preprocessor {

	/** A mask pixel is foreground above this raw value (8-bit masks saved as 0/255, as in MTD). */
	public static final int MASK_THRESHOLD = 127;

	private final Preprocessing settings;

	public Preprocessor(Preprocessing settings) {
		if (settings == null) throw new IllegalArgumentException("preprocessing settings are missing");
		this.settings = settings;
	}

	public Preprocessing settings() {
		return settings;
	}

	/** Where the network inputs of an image of this size come from: one placement, or the tiles in row order. */
	public List<Placement> placements(int imageWidth, int imageHeight) {
		return switch (settings.geometry()) {
			case CENTER_CROP -> List.of(Placement.centerCrop(imageWidth, imageHeight, settings.resize(), settings.crop()));
			case FULL_RESIZE -> List.of(Placement.fullResize(imageWidth, imageHeight, settings.crop()));
			case TILED -> Placement.tiles(imageWidth, imageHeight, settings.crop(), settings.tileOverlap());
		};
	}

	/**
	 * All network inputs of a slice (one, or one per tile, in {@link #placements} order). Intensities
	 * are mapped once; each input is resampled when it is read and not kept, so a large image with
	 * thousands of tiles costs one tile of memory at a time (read each element once).
	 */
	public List<NetworkInput> inputs(ImageProcessor image) {
		IntensityPlanes planes = IntensityPlanes.of(image, settings);
		List<Placement> placements = placements(image.getWidth(), image.getHeight());
		return new AbstractList<>() {
			@Override
			public NetworkInput get(int index) {
				return sample(planes, placements.get(index));
			}

			@Override
			public int size() {
				return placements.size();
			}
		};
	}

	/** The network input at one placement of a slice; maps the whole slice's intensities, so for many placements use {@link #inputs}. */
	public NetworkInput input(ImageProcessor image, Placement placement) {
		requireSize(image, placement, "image");
		return sample(IntensityPlanes.of(image, settings), placement);
	}

	/**
	 * The ground truth of the network input at a placement: nearest-neighbour sampling with half-pixel
	 * centres (no new values, no blurred edges), then {@link #isForeground}; row-major, width x height.
	 */
	public boolean[] mask(ImageProcessor mask, Placement placement) {
		requireSize(mask, placement, "mask");
		int w = placement.width();
		int h = placement.height();
		int[] cols = new int[w];
		for (int u = 0; u < w; u++) cols[u] = placement.x().nearestImagePixel(u, placement.imageWidth());
		boolean[] out = new boolean[w * h];
		for (int v = 0; v < h; v++) {
			int row = placement.y().nearestImagePixel(v, placement.imageHeight());
			for (int u = 0; u < w; u++) out[v * w + u] = isForeground(mask, cols[u], row);
		}
		return out;
	}

	/** The mask at its own resolution, for scoring maps that were mapped back to the image. */
	public static boolean[] foreground(ImageProcessor mask) {
		int w = mask.getWidth();
		boolean[] out = new boolean[w * mask.getHeight()];
		for (int i = 0; i < out.length; i++) out[i] = isForeground(mask, i % w, i / w);
		return out;
	}

	/** Raw value above {@link #MASK_THRESHOLD}; for an RGB mask, any channel above it. */
	static boolean isForeground(ImageProcessor mask, int x, int y) {
		if (mask instanceof ColorProcessor) {
			int c = mask.get(x, y);
			return Math.max(Math.max((c >> 16) & 0xff, (c >> 8) & 0xff), c & 0xff) > MASK_THRESHOLD;
		}
		return mask.getf(x, y) > MASK_THRESHOLD;
	}

	private NetworkInput sample(IntensityPlanes planes, Placement placement) {
		Bilinear.Weights xs = placement.x().forward(planes.width(), settings.antialias());
		Bilinear.Weights ys = placement.y().forward(planes.height(), settings.antialias());
		int n = placement.width() * placement.height();
		float[] pixels = new float[NetworkInput.CHANNELS * n];
		for (int c = 0; c < NetworkInput.CHANNELS; c++) {
			if (c < planes.planes().length) {
				float[] channel = Bilinear.resample(planes.planes()[c], planes.width(), xs, ys);
				System.arraycopy(channel, 0, pixels, c * n, n);
			} else {
				System.arraycopy(pixels, 0, pixels, c * n, n); // gray: repeat the first plane
			}
		}
		return new NetworkInput(pixels, placement.width(), placement.height(), placement);
	}

	private static void requireSize(ImageProcessor ip, Placement placement, String what) {
		if (ip.getWidth() != placement.imageWidth() || ip.getHeight() != placement.imageHeight()) {
			throw new IllegalArgumentException("the " + what + " is " + ip.getWidth() + " x " + ip.getHeight()
					+ " but the placement belongs to an image of " + placement.imageWidth() + " x " + placement.imageHeight());
		}
	}
}
