package org.npad.pipeline;

import ai.djl.ndarray.NDArray;
import org.npad.image.NamedSlice;
import org.npad.image.InputBrightness;
import org.npad.image.NetworkInput;
import org.npad.image.Placement;
import org.npad.image.Preprocessing;
import org.npad.image.Preprocessor;
import org.npad.image.TileStitcher;
import org.npad.method.FeatureMaps;
import org.npad.method.NpadModel;
import org.npad.method.NpadScorer;
import org.npad.method.PhaseTimes;
import org.npad.method.ScoredBatch;
import org.npad.method.ShiftAggregation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Scores whole images: preprocessing, shifted copies (eq. 15), batched features, the engine's
 * maps, and the way back to image resolution (one placement, or stitched tiles).
 *
 * <p>Several models that share channels and shifting (the inference variants of one training,
 * as in the paper's ablations) can be scored on the same features: the backbone, by far the
 * most expensive step, then runs once per image for all of them.
 */
public final class Detector {

	private final List<NpadModel> models;
	private final Preprocessor preprocessor;
	private final FeatureSource features;
	private final Shifts shifts;
	private final HalvingBatches batches;
	private final List<NpadScorer> scorers = new ArrayList<>();
	private final PhaseTimes times = new PhaseTimes();

	public Detector(NpadModel model, Preprocessing preprocessing, FeatureSource features, int batchSize) {
		this(List.of(model), preprocessing, features, batchSize);
	}

	public Detector(List<NpadModel> models, Preprocessing preprocessing, FeatureSource features, int batchSize) {
		NpadModel first = models.get(0);
		for (NpadModel m : models)
			if (m.config().shift() != first.config().shift() || !m.sharesFeatures(first))
				throw new IllegalArgumentException("models scored together must share their features and shift");
		this.models = List.copyOf(models);
		this.preprocessor = new Preprocessor(preprocessing);
		this.features = features;
		this.shifts = new Shifts(first.config().shift());
		this.batches = new HalvingBatches(batchSize);
	}

	public Detection detect(NamedSlice slice) {
		return detectAll(List.of(slice)).get(0).get(0);
	}

	/**
	 * Images to pass to {@link #detectAll(List)} at once so that a batch is full: the engine reads
	 * every precision matrix once per batch (gigabytes at d = 550), so scoring images one at a time
	 * costs several times more than scoring them together.
	 */
	public int imagesPerBatch() {
		return Math.max(1, batches.size() / shifts.count());
	}

	/** For each slice, one detection per model in the order the models were given. */
	public List<List<Detection>> detectAll(List<NamedSlice> slices) {
		long start = System.nanoTime();
		List<List<NetworkInput>> inputs = new ArrayList<>();
		List<float[]> copies = new ArrayList<>();
		int w = -1, h = -1;
		for (NamedSlice slice : slices) {
			List<NetworkInput> sliceInputs = preprocessor.inputs(slice.processor());
			inputs.add(sliceInputs);
			for (NetworkInput input : sliceInputs) {
				if (w < 0) {
					w = input.width();
					h = input.height();
				} else if (input.width() != w || input.height() != h) {
					throw new IllegalStateException("network inputs of one batch differ in size: " + w + " x " + h + " and "
							+ input.width() + " x " + input.height());
				}
				for (int[] s : shifts.offsets())
					copies.add(s[0] == 0 && s[1] == 0 ? input.pixels() : Shifts.shift(input.pixels(), w, h, s[0], s[1]));
			}
		}
		times.add("preprocessing", System.nanoTime() - start);

		float[][] scores = new float[models.size()][copies.size()];
		List<List<float[]>> maps = new ArrayList<>();
		for (int m = 0; m < models.size(); m++) maps.add(new ArrayList<>(copies.size()));
		int width = w, height = h;
		batches.forEach(copies, batch -> score(batch, width, height), (from, scored) -> {
			for (int m = 0; m < models.size(); m++) {
				for (int i = 0; i < scored.get(m).size(); i++) {
					scores[m][from + i] = scored.get(m).imageScores()[i];
					maps.get(m).add(scored.get(m).map(i));
				}
			}
		});

		start = System.nanoTime();
		List<List<Detection>> detections = new ArrayList<>();
		int first = 0;
		for (int i = 0; i < slices.size(); i++) {
			int count = inputs.get(i).size() * shifts.count();
			List<Detection> perModel = new ArrayList<>();
			float brightest = InputBrightness.brightest(inputs.get(i)); // of the slice, the same for every model
			for (int m = 0; m < models.size(); m++)
				perModel.add(combine(slices.get(i), inputs.get(i), models.get(m), Arrays.copyOfRange(scores[m], first, first + count),
						maps.get(m).subList(first, first + count), w, h, brightest));
			detections.add(perModel);
			first += count;
		}
		times.add("maps back to the image", System.nanoTime() - start);
		return detections;
	}

	/** One batch through the backbone and every model (in the batch's NDScope: nothing is kept if it fails). */
	private List<ScoredBatch> score(List<float[]> batch, int width, int height) {
		FeatureMaps f = times.time(Steps.BACKBONE, () -> features.features(batch, width, height));
		List<ScoredBatch> scored = new ArrayList<>();
		for (int m = 0; m < models.size(); m++) {
			NpadScorer scorer = scorer(m, width, height);
			scored.add(times.time(Steps.SCORING, () -> scorer.score(f)));
		}
		return scored;
	}

	/** Seconds per step of all detections so far: preprocessing, backbone, scoring, maps back to the image. */
	public PhaseTimes times() {
		return times;
	}

	/** Averages (or maxes) the shifted copies of each placement and lays the maps onto the image. */
	private Detection combine(NamedSlice slice, List<NetworkInput> inputs, NpadModel model, float[] scores, List<float[]> maps,
			int w, int h, float brightestInput) {
		boolean max = model.config().shiftAggregation() == ShiftAggregation.MAX;
		List<Placement> placements = new ArrayList<>();
		List<float[]> networkMaps = new ArrayList<>();
		float score = Float.NEGATIVE_INFINITY;
		for (int p = 0; p < inputs.size(); p++) {
			float[] map = new float[w * h];
			float placementScore = max ? Float.NEGATIVE_INFINITY : 0;
			for (int s = 0; s < shifts.count(); s++) {
				int k = p * shifts.count() + s;
				int[] o = shifts.offsets().get(s);
				float[] back = o[0] == 0 && o[1] == 0 ? maps.get(k) : Shifts.unshift(maps.get(k), w, h, o[0], o[1]);
				for (int i = 0; i < map.length; i++) map[i] = max ? Math.max(map[i], back[i]) : map[i] + back[i] / shifts.count();
				placementScore = max ? Math.max(placementScore, scores[k]) : placementScore + scores[k] / shifts.count();
			}
			placements.add(inputs.get(p).placement());
			networkMaps.add(map);
			score = Math.max(score, placementScore);
		}
		return new Detection(slice.name(), slice.width(), slice.height(), imageMap(slice, placements, networkMaps),
				score, placements, networkMaps, brightestInput, slice.calibration());
	}

	private float[] imageMap(NamedSlice slice, List<Placement> placements, List<float[]> networkMaps) {
		if (placements.size() == 1) return placements.get(0).mapBack(networkMaps.get(0));
		TileStitcher stitcher = TileStitcher.of(slice.width(), slice.height(), preprocessor.settings());
		for (int i = 0; i < placements.size(); i++) stitcher.add(placements.get(i), networkMaps.get(i));
		return stitcher.result();
	}

	private NpadScorer scorer(int model, int width, int height) {
		while (scorers.size() <= model) scorers.add(new NpadScorer(models.get(scorers.size()), height, width));
		return scorers.get(model);
	}
}
