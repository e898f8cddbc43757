package org.npad.pipeline;

import org.npad.model.TrainedModel;

/**
 * Warns, once per run, of the first image that reached the network far darker or brighter than the
 * model's training images: one warning names the problem, one per image of a folder would bury the log.
 */
public final class BrightnessCheck {

	private final TrainedModel model;
	private final Progress progress;
	private boolean warned;

	/** @param progress where the warning goes */
	public BrightnessCheck(TrainedModel model, Progress progress) {
		this.model = model;
		this.progress = progress;
	}

	public void check(Detection detection) {
		if (warned) return;
		model.brightnessWarning(detection.name(), detection.brightestInput()).ifPresent(warning -> {
			progress.warn(warning);
			warned = true;
		});
	}
}
