package org.npad.method;

/**
 * What gamma of eq. 4 is measured against. Bhattacharyya distances grow with the number of channels
 * and differ by orders of magnitude between data sets, so an absolute gamma that suits one data set
 * switches the neighbour weights off on another (method.md section 7).
 */
public enum GammaScale {
	/** m = exp(-BC / gamma), the paper's literal form. */
	ABSOLUTE,
	/** m = exp(-BC / (gamma * median BC over all neighbour pairs of the training set)): scale-free. */
	MEDIAN
}
