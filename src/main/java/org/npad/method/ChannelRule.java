package org.npad.method;

/** How the d feature channels come from the concatenated taps (method.md section 1). */
public enum ChannelRule {
	/** The paper's rule: channels that are most often zero on nominal data. */
	FEWEST_NONZERO,
	/** The opposite: channels that fire most often on nominal data. */
	MOST_NONZERO,
	/** PaDiM's rule: a seeded random subset. */
	RANDOM,
	/** Every channel kept, projected onto d seeded orthonormal directions ({@link ChannelProjection}). */
	SEMI_ORTHOGONAL;

	/** Whether the model reads every channel and projects them, rather than keeping d of them. */
	public boolean projects() {
		return this == SEMI_ORTHOGONAL;
	}
}
