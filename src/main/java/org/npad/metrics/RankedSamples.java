package org.npad.metrics;

import java.util.Arrays;
import java.util.List;
import java.util.function.IntFunction;
import java.util.function.IntToDoubleFunction;

/**
 * Samples ordered from the highest score to the lowest, each carrying a payload: 0 for a nominal
 * sample, otherwise the positive class or ground-truth region it belongs to.
 * <p>
 * Each sample is one {@code long}: a 32-bit rank key in the high half (smaller key = higher score,
 * equal scores share a key) and the payload in the low half. Tens of millions of pixels then sort as
 * primitives with a three-pass radix sort on the key, without boxing and without an index array.
 * Float scores use their own bits as the key; double scores (image scores, few) are replaced by the
 * rank of their value among the distinct values, so no precision is lost.
 */
final class RankedSamples {

	private static final int DIGIT_BITS = 11;
	private static final int DIGIT_MASK = (1 << DIGIT_BITS) - 1;
	private static final int PASSES = 3;

	private final long[] entries;
	private final IntToDoubleFunction scoreOfKey;

	private RankedSamples(long[] entries, IntToDoubleFunction scoreOfKey) {
		sortByKey(entries);
		this.entries = entries;
		this.scoreOfKey = scoreOfKey;
	}

	/** Payload 1 for a positive label, 0 for a negative one. */
	static RankedSamples ofScores(double[] scores, boolean[] labels) {
		double[] distinct = new double[scores.length];
		for (int i = 0; i < scores.length; i++) {
			if (!Double.isFinite(scores[i])) {
				throw new IllegalArgumentException("score " + i + " is " + scores[i] + "; scores must be finite");
			}
			distinct[i] = scores[i] + 0.0; // -0.0 becomes 0.0: equal scores must share a rank
		}
		Arrays.sort(distinct);
		int count = 0;
		for (double v : distinct) {
			if (count == 0 || v != distinct[count - 1]) {
				distinct[count++] = v;
			}
		}
		int top = count - 1;
		long[] entries = new long[scores.length];
		for (int i = 0; i < scores.length; i++) {
			int key = top - Arrays.binarySearch(distinct, 0, count, scores[i] + 0.0);
			entries[i] = pack(key, labels[i] ? 1 : 0);
		}
		return new RankedSamples(entries, key -> distinct[top - key]);
	}

	/** All pixels of all maps; {@code payloadsOfImage} gives one payload per pixel of image i. */
	static RankedSamples ofMaps(List<float[]> maps, IntFunction<int[]> payloadsOfImage) {
		long total = 0;
		for (float[] map : maps) {
			total += map.length;
		}
		if (total > Integer.MAX_VALUE - 8) {
			throw new IllegalArgumentException("too many pixels to evaluate at once: " + total + " (at most " + (Integer.MAX_VALUE - 8) + ")");
		}
		long[] entries = new long[(int) total];
		int k = 0;
		for (int image = 0; image < maps.size(); image++) {
			float[] map = maps.get(image);
			int[] payloads = payloadsOfImage.apply(image);
			for (int p = 0; p < map.length; p++) {
				float v = map[p];
				if (!Float.isFinite(v)) {
					throw new IllegalArgumentException("pixel map " + image + " has the score " + v + " at index " + p + "; scores must be finite");
				}
				entries[k++] = pack(floatKey(v), payloads[p]);
			}
		}
		return new RankedSamples(entries, key -> floatOfKey(key));
	}

	/**
	 * Walks the samples from the highest score down; at each distinct score appends a point with the
	 * nominal samples so far and the summed weight of the positive payloads so far.
	 *
	 * @param weightOfPayload weight of each payload; entry 0 (nominal) is not used
	 */
	SweepCurve sweep(double[] weightOfPayload) {
		SweepCurve curve = new SweepCurve();
		int falsePositives = 0;
		double hits = 0;
		int n = entries.length;
		int i = 0;
		while (i < n) {
			int key = key(entries[i]);
			do {
				int payload = (int) entries[i];
				if (payload == 0) {
					falsePositives++;
				} else {
					hits += weightOfPayload[payload];
				}
				i++;
			} while (i < n && key(entries[i]) == key);
			curve.append(scoreOfKey.applyAsDouble(key), falsePositives, hits);
		}
		return curve;
	}

	private static long pack(int key, int payload) {
		return ((long) key << 32) | (payload & 0xFFFFFFFFL);
	}

	private static int key(long entry) {
		return (int) (entry >>> 32);
	}

	/** Unsigned key that grows as the score falls; -0 and +0 share one key. */
	static int floatKey(float score) {
		int bits = Float.floatToRawIntBits(score + 0.0f);
		int ascending = bits < 0 ? ~bits : bits ^ 0x80000000;
		return ~ascending;
	}

	static float floatOfKey(int key) {
		int ascending = ~key;
		int bits = ascending < 0 ? ascending ^ 0x80000000 : ~ascending;
		return Float.intBitsToFloat(bits);
	}

	/** Stable LSD radix sort on the unsigned high 32 bits; a pass whose digit is constant is skipped. */
	private static void sortByKey(long[] entries) {
		int n = entries.length;
		if (n < 2) {
			return;
		}
		int[][] counts = new int[PASSES][DIGIT_MASK + 1];
		int[] low = counts[0], middle = counts[1], high = counts[2];
		for (long e : entries) {
			int key = key(e);
			low[key & DIGIT_MASK]++;
			middle[(key >>> DIGIT_BITS) & DIGIT_MASK]++;
			high[key >>> (2 * DIGIT_BITS)]++;
		}
		long[] source = entries;
		long[] target = null;
		for (int pass = 0; pass < PASSES; pass++) {
			int[] count = counts[pass];
			int shift = 32 + pass * DIGIT_BITS;
			if (count[(int) (source[0] >>> shift) & DIGIT_MASK] == n) {
				continue;
			}
			int offset = 0;
			for (int d = 0; d <= DIGIT_MASK; d++) {
				int c = count[d];
				count[d] = offset;
				offset += c;
			}
			if (target == null) {
				target = new long[n];
			}
			for (long e : source) {
				target[count[(int) (e >>> shift) & DIGIT_MASK]++] = e;
			}
			long[] swap = source;
			source = target;
			target = swap;
		}
		if (source != entries) {
			System.arraycopy(source, 0, entries, 0, n);
		}
	}
}
