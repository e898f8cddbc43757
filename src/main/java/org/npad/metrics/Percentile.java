package org.npad.metrics;

import java.util.List;

/**
 * The p-th percentile of nominal scores, the default decision threshold of method.md section 5.
 * <p>
 * Definition (numpy's default, "linear"): with the n values sorted ascending as x[0..n-1], the
 * position is h = (p / 100) (n - 1); the percentile is x[floor h] + (h - floor h) (x[floor h + 1] -
 * x[floor h]). So p = 0 is the minimum, p = 100 the maximum, p = 50 the usual median.
 * Found by selection in linear expected time, not by sorting.
 */
public final class Percentile {

	private Percentile() {
	}

	/**
	 * @param values  finite values, at least one; not modified
	 * @param percent p in [0, 100]
	 */
	public static double of(double[] values, double percent) {
		if (values == null || values.length == 0) {
			throw new IllegalArgumentException("percentile of no values: at least one score is needed");
		}
		double[] copy = values.clone();
		for (int i = 0; i < copy.length; i++) {
			if (!Double.isFinite(copy[i])) {
				throw new IllegalArgumentException("value " + i + " is " + copy[i] + "; percentile values must be finite");
			}
		}
		return ofOwned(copy, percent);
	}

	/** The percentile of all pixels of all maps together (typically maps of nominal images). */
	public static double ofPixels(List<float[]> maps, double percent) {
		long total = 0;
		for (float[] map : maps) {
			total += map.length;
		}
		if (total == 0) {
			throw new IllegalArgumentException("percentile of no pixels: the maps are empty");
		}
		if (total > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("too many pixels for one percentile: " + total);
		}
		double[] values = new double[(int) total];
		int k = 0;
		for (int image = 0; image < maps.size(); image++) {
			for (float v : maps.get(image)) {
				if (!Float.isFinite(v)) {
					throw new IllegalArgumentException("pixel map " + image + " has the score " + v + "; scores must be finite");
				}
				values[k++] = v;
			}
		}
		return ofOwned(values, percent);
	}

	private static double ofOwned(double[] values, double percent) {
		if (!(percent >= 0 && percent <= 100)) {
			throw new IllegalArgumentException("percentile must be in [0, 100], got " + percent);
		}
		double position = percent / 100 * (values.length - 1);
		int below = (int) Math.floor(position);
		double fraction = position - below;
		double low = select(values, below);
		if (fraction == 0) {
			return low;
		}
		double high = Double.POSITIVE_INFINITY;
		for (int i = below + 1; i < values.length; i++) { // after select, all of these are >= low
			high = Math.min(high, values[i]);
		}
		return low + fraction * (high - low);
	}

	/**
	 * Quickselect (Hoare partition, median-of-three pivot): puts the k-th smallest value at k, smaller
	 * or equal ones before it and larger or equal ones after it.
	 */
	private static double select(double[] a, int k) {
		int lo = 0, hi = a.length - 1;
		while (lo < hi) {
			double pivot = medianOfThree(a[lo], a[(lo + hi) >>> 1], a[hi]);
			int i = lo, j = hi;
			while (i <= j) {
				while (a[i] < pivot) {
					i++;
				}
				while (a[j] > pivot) {
					j--;
				}
				if (i <= j) {
					double t = a[i];
					a[i] = a[j];
					a[j] = t;
					i++;
					j--;
				}
			}
			if (k <= j) {
				hi = j;
			} else if (k >= i) {
				lo = i;
			} else {
				break; // j < k < i: a[k] equals the pivot and sits in its final place
			}
		}
		return a[k];
	}

	private static double medianOfThree(double a, double b, double c) {
		return Math.max(Math.min(a, b), Math.min(Math.max(a, b), c));
	}
}
