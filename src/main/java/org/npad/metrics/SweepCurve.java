package org.npad.metrics;

import java.util.Arrays;

/**
 * The points of a threshold sweep, highest threshold first: at each distinct score, how many
 * nominal samples (false positives) and how much positive weight lie at or above it. The first
 * point is the origin, threshold +infinity, where nothing is predicted anomalous.
 * <p>
 * Only corners are kept: a point in the middle of a vertical or horizontal run lies on the straight
 * segment between its neighbours, so dropping it changes neither the area under the curve, nor the
 * plot, nor the best F1 (F1 rises along a vertical run and falls along a horizontal one, so its
 * maximum is at a corner). This keeps curves of tens of millions of pixels small.
 */
final class SweepCurve {

	private double[] thresholds = new double[64];
	private int[] falsePositives = new int[64];
	private double[] hits = new double[64];
	private int size;

	SweepCurve() {
		append(Double.POSITIVE_INFINITY, 0, 0);
	}

	void append(double threshold, int falsePositive, double hit) {
		if (size >= 2 && isInsideRun(falsePositive, hit)) {
			size--;
		} else if (size == thresholds.length) {
			int capacity = Math.max(size * 2, 64);
			thresholds = Arrays.copyOf(thresholds, capacity);
			falsePositives = Arrays.copyOf(falsePositives, capacity);
			hits = Arrays.copyOf(hits, capacity);
		}
		thresholds[size] = threshold;
		falsePositives[size] = falsePositive;
		hits[size] = hit;
		size++;
	}

	/** Whether the last point lies inside a straight vertical or horizontal run ending at the new one. */
	private boolean isInsideRun(int falsePositive, double hit) {
		int a = size - 2, b = size - 1;
		boolean vertical = falsePositives[a] == falsePositives[b] && falsePositives[b] == falsePositive;
		boolean horizontal = hits[a] == hits[b] && hits[b] == hit;
		return vertical || horizontal;
	}

	int size() {
		return size;
	}

	double threshold(int i) {
		return thresholds[i];
	}

	int falsePositives(int i) {
		return falsePositives[i];
	}

	double hits(int i) {
		return hits[i];
	}

	double[] thresholds() {
		return Arrays.copyOf(thresholds, size);
	}

	double[] falsePositiveRates(int negatives) {
		double[] rates = new double[size];
		for (int i = 0; i < size; i++) {
			rates[i] = falsePositives[i] / (double) negatives;
		}
		return rates;
	}

	double[] hitRates(double total) {
		double[] rates = new double[size];
		for (int i = 0; i < size; i++) {
			rates[i] = hits[i] / total;
		}
		return rates;
	}
}
