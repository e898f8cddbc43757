package org.npad.metrics;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * 8-connected regions of a binary mask: a pixel belongs to the region of any of its eight
 * neighbours. PRO counts ground-truth regions this way (as the MVTec evaluation does), and the Fiji
 * side turns predicted masks into ROIs with the same rule, so both agree on what "one defect" is.
 * <p>
 * Regions are numbered 1..count in the raster order of their first pixel (top row first, then left
 * to right); label 0 is background.
 */
public final class ConnectedComponents {

	/**
	 * One region: its label, its number of pixels and its bounding box (inclusive pixel bounds).
	 */
	public record Region(int label, int area, int minX, int minY, int maxX, int maxY) {

		public int width() {
			return maxX - minX + 1;
		}

		public int height() {
			return maxY - minY + 1;
		}
	}

	private final int width;
	private final int height;
	private final int[] labels;
	private final List<Region> regions;

	private ConnectedComponents(int width, int height, int[] labels, List<Region> regions) {
		this.width = width;
		this.height = height;
		this.labels = labels;
		this.regions = Collections.unmodifiableList(regions);
	}

	/** Labels the true pixels of a row-major mask. */
	public static ConnectedComponents of(boolean[] mask, int width, int height) {
		requireShape(mask == null ? -1 : mask.length, width, height);
		int[] labels = new int[mask.length];
		int[] stack = new int[mask.length];
		List<Region> regions = new ArrayList<>();
		for (int start = 0; start < mask.length; start++) {
			if (mask[start] && labels[start] == 0) {
				regions.add(fill(mask, width, height, labels, stack, start, regions.size() + 1));
			}
		}
		return new ConnectedComponents(width, height, labels, regions);
	}

	/** Labels the non-zero pixels of a row-major mask (an ImageJ byte mask: 0 background, 255 foreground). */
	public static ConnectedComponents of(byte[] mask, int width, int height) {
		requireShape(mask == null ? -1 : mask.length, width, height);
		boolean[] foreground = new boolean[mask.length];
		for (int i = 0; i < mask.length; i++) {
			foreground[i] = mask[i] != 0;
		}
		return of(foreground, width, height);
	}

	private static void requireShape(int length, int width, int height) {
		if (length < 0) {
			throw new IllegalArgumentException("mask is missing");
		}
		if (width <= 0 || height <= 0 || (long) width * height != length) {
			throw new IllegalArgumentException("mask has " + length + " pixels but its size is given as " + width + " x " + height);
		}
	}

	/** Flood fill with an explicit stack: each pixel is pushed once, when it gets its label. */
	private static Region fill(boolean[] mask, int width, int height, int[] labels, int[] stack, int start, int label) {
		int top = 0;
		stack[top++] = start;
		labels[start] = label;
		int area = 0;
		int minX = width, minY = height, maxX = -1, maxY = -1;
		while (top > 0) {
			int p = stack[--top];
			int x = p % width, y = p / width;
			area++;
			minX = Math.min(minX, x);
			maxX = Math.max(maxX, x);
			minY = Math.min(minY, y);
			maxY = Math.max(maxY, y);
			for (int ny = Math.max(y - 1, 0); ny <= Math.min(y + 1, height - 1); ny++) {
				for (int nx = Math.max(x - 1, 0); nx <= Math.min(x + 1, width - 1); nx++) {
					int q = ny * width + nx;
					if (mask[q] && labels[q] == 0) {
						labels[q] = label;
						stack[top++] = q;
					}
				}
			}
		}
		return new Region(label, area, minX, minY, maxX, maxY);
	}

	public int width() {
		return width;
	}

	public int height() {
		return height;
	}

	public int count() {
		return regions.size();
	}

	/** The label of the pixel at (x, y): 0 for background, else 1..count. */
	public int label(int x, int y) {
		return labels[y * width + x];
	}

	/** A copy of the row-major label image. */
	public int[] labels() {
		return labels.clone();
	}

	/** The label image itself, for callers in this package that only read it. */
	int[] labelsView() {
		return labels;
	}

	/** The regions in label order: {@code regions().get(i).label() == i + 1}. */
	public List<Region> regions() {
		return regions;
	}

	/** The region with this label (1..count). */
	public Region region(int label) {
		if (label < 1 || label > regions.size()) {
			throw new IllegalArgumentException("no region " + label + "; labels run from 1 to " + regions.size());
		}
		return regions.get(label - 1);
	}
}
