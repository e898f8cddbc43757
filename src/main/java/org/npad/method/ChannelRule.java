package org.npad.method;

/** How the d kept channels are chosen from the concatenated taps (method.md section 1). */
public enum ChannelRule {
	/** The paper's rule: channels that are most often zero on nominal data. */
	FEWEST_NONZERO,
	/** The opposite: channels that fire most often on nominal data. */
	MOST_NONZERO,
	/** PaDiM's rule: a seeded random subset. */
	RANDOM
}
