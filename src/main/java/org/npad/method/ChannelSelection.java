package org.npad.method;

import ai.djl.ndarray.NDArray;

import java.util.Arrays;
import java.util.Comparator;
import java.util.Random;
import java.util.stream.IntStream;

/**
 * Chooses the backbone channels the model reads (method.md section 1): d of them, or all where
 * they are projected onto d directions. The counting rules need one pass
 * over the nominal features before the statistics pass, so counts are streamed here too.
 */
public final class ChannelSelection {

	private final long[] nonzero;

	/** @param channels all channels of the backbone's concatenated taps */
	public ChannelSelection(int channels) {
		this.nonzero = new long[channels];
	}

	/** Whether a rule needs {@link #count} to have seen the nominal features. */
	public static boolean needsCounts(ChannelRule rule) {
		return rule == ChannelRule.FEWEST_NONZERO || rule == ChannelRule.MOST_NONZERO;
	}

	/** @param features N x C x H x W, all channels */
	public void count(NDArray features) {
		long[] counts = features.gt(0).sum(new int[] {0, 2, 3}).toLongArray();
		if (counts.length != nonzero.length)
			throw new IllegalArgumentException("expected " + nonzero.length + " channels, got " + counts.length);
		for (int c = 0; c < counts.length; c++) nonzero[c] += counts[c];
	}

	/** Channel indices, ascending, so the order of channels never depends on the rule. */
	public int[] select(NpadConfig config) {
		int total = nonzero.length, d = config.channels();
		if (d > total) throw new IllegalArgumentException("channels (d) = " + d + " exceeds the backbone's " + total + " channels");
		if (config.channelRule().projects()) return IntStream.range(0, total).toArray();
		Comparator<Integer> byIndex = Comparator.naturalOrder();
		Integer[] order = IntStream.range(0, total).boxed().toArray(Integer[]::new);
		switch (config.channelRule()) {
			case FEWEST_NONZERO -> Arrays.sort(order, Comparator.<Integer>comparingLong(c -> nonzero[c]).thenComparing(byIndex));
			case MOST_NONZERO -> Arrays.sort(order, Comparator.<Integer>comparingLong(c -> -nonzero[c]).thenComparing(byIndex));
			case RANDOM -> shuffle(order, new Random(config.seed()));
		}
		int[] kept = new int[d];
		for (int i = 0; i < d; i++) kept[i] = order[i];
		Arrays.sort(kept);
		return kept;
	}

	private static void shuffle(Integer[] order, Random random) {
		for (int i = order.length - 1; i > 0; i--) {
			int j = random.nextInt(i + 1);
			Integer t = order[i]; order[i] = order[j]; order[j] = t;
		}
	}
}
