package org.npad.pipeline;

import java.util.ArrayList;
import java.util.List;

/**
 * Image shifting of eq. 15: copies of the input translated by (a, b) for all a, b in [-r/2, r/2],
 * the border filled by edge replication, and the inverse translation of their maps so that the
 * maps can be averaged pixel by pixel.
 */
public final class Shifts {

	private final List<int[]> offsets = new ArrayList<>();

	/** @param r 0 for no shifting (the single offset (0, 0)) */
	public Shifts(int r) {
		int half = r / 2;
		for (int a = -half; a <= half; a++)
			for (int b = -half; b <= half; b++) offsets.add(new int[] {a, b});
	}

	public List<int[]> offsets() {
		return offsets;
	}

	public int count() {
		return offsets.size();
	}

	/** x'[c][y][x] = x[c][y + a][x + b], clamped at the border; planar channels of width x height. */
	public static float[] shift(float[] planes, int width, int height, int a, int b) {
		int channels = planes.length / (width * height);
		float[] out = new float[planes.length];
		for (int c = 0; c < channels; c++)
			for (int y = 0; y < height; y++) {
				int sy = clamp(y + a, height);
				for (int x = 0; x < width; x++)
					out[(c * height + y) * width + x] = planes[(c * height + sy) * width + clamp(x + b, width)];
			}
		return out;
	}

	/** The inverse translation of a map computed on a copy shifted by (a, b). */
	public static float[] unshift(float[] map, int width, int height, int a, int b) {
		return shift(map, width, height, -a, -b);
	}

	private static int clamp(int v, int n) {
		return v < 0 ? 0 : v >= n ? n - 1 : v;
	}
}
