package org.npad.model;

import org.npad.backbone.BackboneIdentity;
import org.npad.image.Preprocessing;
import org.npad.method.NpadConfig;

import java.util.List;

/**
 * What a model file says about itself without its arrays: enough for a "model info" command and
 * for refusing a file before gigabytes are loaded.
 *
 * @param formatVersion  version of the file format
 * @param fileLength     bytes the complete file has
 * @param dataStart      where the array data begins; array offsets count from here
 * @param config         the method's settings
 * @param channels       kept channel indices
 * @param height         feature-map rows
 * @param width          feature-map columns
 * @param trainingCount  feature maps seen in training
 * @param medianDistance median neighbour Bhattacharyya term, NaN if not computed
 * @param backbone       network the model was trained with
 * @param preprocessing  how images became network inputs
 * @param thresholds     decision thresholds and their nominal scores
 * @param provenance     training images, creation time, plugin version
 * @param storage        storage option the file was written with
 * @param arrays         the array table, in file order
 */
public record ModelInfo(int formatVersion, long fileLength, long dataStart, NpadConfig config, int[] channels,
		int height, int width, long trainingCount, double medianDistance, BackboneIdentity backbone,
		Preprocessing preprocessing, Thresholds thresholds, Provenance provenance, ModelFile.Storage storage,
		List<StoredArray> arrays) {

	/** The table row of the named array, or null if the file has none (a module the settings do not use). */
	public StoredArray array(String name) {
		return arrays.stream().filter(a -> a.name().equals(name)).findFirst().orElse(null);
	}
}
