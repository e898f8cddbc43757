package org.npad.pipeline;

/** Names of the pipeline's timed steps, shared by training, detection and evaluation reports. */
final class Steps {

	static final String READING = "reading images";
	static final String BACKBONE = "backbone";
	/** The engine (eq. 8-14), summed over all the models scored together. */
	static final String SCORING = "scoring";

	private Steps() {
	}
}
