package org.npad.fiji;

import org.npad.backbone.BackboneIdentity;
import org.npad.image.Preprocessing;
import org.npad.metrics.Percentile;
import org.npad.model.Provenance;
import org.npad.model.ScoreStatistics;
import org.npad.model.TrainedModel;
import org.npad.model.Thresholds;
import org.npad.pipeline.Detection;
import org.npad.pipeline.Training;

import java.util.ArrayList;
import java.util.List;

/**
 * A training result made into what a model file holds: the thresholds are the configured percentile
 * (method.md section 5) of the calibration images' scores, image scores for the image threshold and
 * all pixels of their network-resolution maps for the pixel threshold (those maps cover exactly what
 * the network saw, without the NaN border of a centre crop).
 */
final class ModelAssembly {

	private ModelAssembly() {
	}

	static TrainedModel assemble(Training.Result result, BackboneIdentity backbone, Preprocessing preprocessing) {
		return new TrainedModel(result.model(), backbone, preprocessing, thresholds(result), Provenance.now(result.trainingNames()));
	}

	static Thresholds thresholds(Training.Result result) {
		double percentile = result.model().config().thresholdPercentile();
		List<Detection> calibration = result.calibration();
		double[] scores = new double[calibration.size()];
		List<float[]> maps = new ArrayList<>();
		for (int i = 0; i < scores.length; i++) {
			scores[i] = calibration.get(i).score();
			maps.addAll(calibration.get(i).networkMaps());
		}
		return new Thresholds(Percentile.of(scores, percentile), Percentile.ofPixels(maps, percentile), percentile,
				ScoreStatistics.of(scores), result.calibrationSource());
	}
}
