package org.npad.fiji;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.npad.backbone.Backbone;
import org.npad.image.NamedSlice;
import org.npad.model.TrainedModel;
import org.npad.pipeline.Detection;
import org.npad.pipeline.Detector;
import org.npad.pipeline.FeatureSource;
import org.npad.pipeline.InputCheck;
import org.npad.pipeline.Progress;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * A trained model joined to the backbone it was trained with, ready to score images one after the
 * other, repeating the model's preprocessing exactly. Refuses a backbone other than the model's.
 */
final class DetectionSession implements AutoCloseable {

	private final TrainedModel model;
	private final NDManager manager;
	private final Detector detector;
	private final Runnable release;
	private final InputCheck inputCheck;

	/**
	 * @param progress where a warning about an image goes
	 * @param release  what to do with the model when the session ends (hand back a lease, or nothing)
	 */
	DetectionSession(TrainedModel model, Backbone backbone, Device device, int batchSize, Progress progress, Runnable release) {
		model.requireBackbone(backbone.identity());
		this.model = model;
		this.inputCheck = new InputCheck(model, progress);
		this.release = release;
		this.manager = NDManager.newBaseManager(device);
		this.detector = new Detector(model.model(), model.preprocessing(), FeatureSource.of(backbone, model.model(), manager), batchSize);
	}

	/** The model in a file (kept by {@link ModelCache} for the next command) with the cached backbone. */
	static DetectionSession open(Path modelFile, Device device, int batchSize, Progress progress) throws IOException {
		Backbone backbone = BackboneCache.get(device, progress);
		ModelCache.Lease lease = ModelCache.open(modelFile, device, backbone.identity());
		try {
			return new DetectionSession(lease.model(), backbone, device, batchSize, progress, lease::close);
		} catch (RuntimeException | OutOfMemoryError e) {
			lease.close();
			throw e;
		}
	}

	TrainedModel model() {
		return model;
	}

	/** Slices to detect together: batches amortise reading the model's statistics (see Detector). */
	int imagesPerBatch() {
		return detector.imagesPerBatch();
	}

	/** Also warns, once per session, of an image unlike the training images (see {@link InputCheck}). */
	List<Detection> detect(List<NamedSlice> slices) {
		List<Detection> detections = detector.detectAll(slices).stream().map(perModel -> perModel.get(0)).toList();
		detections.forEach(inputCheck::check);
		return detections;
	}

	@Override
	public void close() {
		manager.close();
		release.run();
	}
}
