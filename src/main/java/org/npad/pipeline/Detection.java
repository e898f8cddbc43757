package org.npad.pipeline;

import ij.measure.Calibration;
import org.npad.image.Placement;

import java.util.List;

/**
 * The anomaly map and score of one image.
 *
 * @param name        the image's name
 * @param width       image width
 * @param height      image height
 * @param map         width x height row-major anomaly map at image resolution; NaN where no network
 *                    input covered the pixel (outside a centre crop)
 * @param score       image score (for tiled images the largest tile score)
 * @param placements  where the network inputs came from
 * @param networkMaps one map per placement at network-input resolution (what the metrics use)
 * @param brightestInput the brightest value of the image's network inputs, 0..255: an input far darker or
 *                    brighter than the training inputs (see {@link org.npad.image.InputBrightness}) makes the score mean little
 * @param calibration the image's spatial calibration: with the size, it tells whether the image reached the
 *                    network at the training images' scale ({@link org.npad.image.TrainingScale})
 */
public record Detection(String name, int width, int height, float[] map, float score,
		List<Placement> placements, List<float[]> networkMaps, float brightestInput, Calibration calibration) {
}
