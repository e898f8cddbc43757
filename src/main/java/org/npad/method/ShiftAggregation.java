package org.npad.method;

/** How the maps and scores of the shifted copies of an image are combined (eq. 15). */
public enum ShiftAggregation {
	MEAN,
	MAX
}
