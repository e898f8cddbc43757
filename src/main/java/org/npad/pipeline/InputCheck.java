package org.npad.pipeline;

import org.npad.model.TrainedModel;

import java.util.Optional;

/**
 * Warns, once per run for each kind, of the first image unlike the model's training images: one
 * that reached the network far darker or brighter (another bit depth), or at another scale (another
 * size, field of view or magnification). Its scores mean little; one warning names the problem, one
 * per image of a folder would bury the log.
 */
public final class InputCheck {

	private final TrainedModel model;
	private final Progress progress;
	private boolean warnedOfBrightness, warnedOfScale;

	/** @param progress where the warnings go */
	public InputCheck(TrainedModel model, Progress progress) {
		this.model = model;
		this.progress = progress;
	}

	public void check(Detection detection) {
		if (!warnedOfBrightness) warnedOfBrightness = warn(model.brightnessWarning(detection.name(), detection.brightestInput()));
		if (!warnedOfScale)
			warnedOfScale = warn(model.scaleWarning(detection.name(), detection.width(), detection.height(), detection.calibration()));
	}

	private boolean warn(Optional<String> warning) {
		warning.ifPresent(progress::warn);
		return warning.isPresent();
	}
}
