package org.npad.method;

import java.util.ArrayList;
import java.util.List;

/**
 * The s x s neighbourhood of method.md: offsets -floor((s-1)/2) .. +ceil((s-1)/2) in each axis, so
 * an even size leans to the bottom right (s = 2: offsets 0 and 1), and positions that fall outside
 * the map are left out, never padded in.
 */
public final class Window {

	private final int size;
	private final int low;

	public Window(int size) {
		if (size < 1) throw new IllegalArgumentException("window size must be at least 1, got " + size);
		this.size = size;
		this.low = -((size - 1) / 2);
	}

	public int size() {
		return size;
	}

	/** Offsets (dy, dx) in row-major order; (0, 0) is always among them. */
	public List<int[]> offsets() {
		List<int[]> offsets = new ArrayList<>(size * size);
		for (int dy = low; dy < low + size; dy++)
			for (int dx = low; dx < low + size; dx++)
				offsets.add(new int[] {dy, dx});
		return offsets;
	}

	/** Index of the offset (0, 0) in {@link #offsets()}. */
	public int centreIndex() {
		return -low * size - low;
	}

	/**
	 * For every position of an h x w map and every offset, the flat index of the neighbour, or -1
	 * where it falls outside the map. Row p * offsets + o.
	 */
	public int[] neighbourTable(int h, int w) {
		List<int[]> offsets = offsets();
		int[] table = new int[h * w * offsets.size()];
		int i = 0;
		for (int y = 0; y < h; y++)
			for (int x = 0; x < w; x++)
				for (int[] o : offsets) {
					int ny = y + o[0], nx = x + o[1];
					table[i++] = ny >= 0 && ny < h && nx >= 0 && nx < w ? ny * w + nx : -1;
				}
		return table;
	}
}
