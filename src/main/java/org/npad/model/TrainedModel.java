package org.npad.model;

import ij.measure.Calibration;
import org.npad.backbone.BackboneIdentity;
import org.npad.image.InputBrightness;
import org.npad.image.Preprocessing;
import org.npad.image.TrainingScale;
import org.npad.method.NpadModel;

import java.util.Optional;

/**
 * Everything detection needs besides the backbone itself: the statistics, the network they were
 * computed with, how images were turned into network inputs, the thresholds and where it all came
 * from. This is what a model file holds.
 *
 * @param model         the statistics and the method's settings
 * @param backbone      the network whose features the statistics describe
 * @param preprocessing how images became network inputs in training; detection must repeat it
 * @param thresholds    decision thresholds and the nominal scores behind them
 * @param provenance    training images, creation time, plugin version
 */
public record TrainedModel(NpadModel model, BackboneIdentity backbone, Preprocessing preprocessing,
		Thresholds thresholds, Provenance provenance) implements AutoCloseable {

	public TrainedModel {
		if (model == null || backbone == null || preprocessing == null || thresholds == null || provenance == null) {
			throw new IllegalArgumentException("a trained model needs its statistics, backbone, preprocessing, thresholds and provenance");
		}
	}

	/**
	 * Refuses to go on with another network than the one the model was trained with: its features
	 * would be compared to statistics of different features, and the scores would mean nothing.
	 *
	 * @throws IllegalStateException naming both backbones when they differ
	 */
	public void requireBackbone(BackboneIdentity actual) {
		requireSameBackbone(backbone, actual);
	}

	/**
	 * Why an image whose brightest network input had this value should not be trusted with this
	 * model (far darker or brighter than the training images: another bit depth?), or empty; see
	 * {@link InputBrightness}.
	 */
	public Optional<String> brightnessWarning(String image, float brightestInput) {
		return InputBrightness.detectionWarning(image, brightestInput, preprocessing, (float) provenance.typicalBrightestInput());
	}

	/**
	 * Why an image of this size and spatial calibration should not be trusted with this model (it
	 * reaches the network at another scale than the training images did), or empty; see {@link TrainingScale}.
	 */
	public Optional<String> scaleWarning(String image, int width, int height, Calibration calibration) {
		return new TrainingScale(provenance.trainingSizes(), provenance.trainingPixelSizes())
				.detectionWarning(image, width, height, calibration, preprocessing);
	}

	static void requireSameBackbone(BackboneIdentity trained, BackboneIdentity actual) {
		if (!trained.name().equals(actual.name()) || !trained.weightSha256().equalsIgnoreCase(actual.weightSha256())) {
			throw new IllegalStateException("the model was trained with backbone " + describe(trained)
					+ " but the backbone in use is " + describe(actual)
					+ ": load the backbone the model was trained with, or train a new model");
		}
	}

	private static String describe(BackboneIdentity b) {
		return "'" + b.name() + "' (weights sha256 " + b.weightSha256() + ")";
	}

	@Override
	public void close() {
		model.close();
	}
}
