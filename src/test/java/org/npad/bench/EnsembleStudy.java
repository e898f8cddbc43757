package org.npad.bench;

import ai.djl.ndarray.NDManager;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Do models trained with other seeds (other random channels, other projections) see the same
 * nominal hot spots? Each model is scored without smoothing, one after the other (the maps outlive
 * the model, so only one model is in memory); their maps are then combined pixel by pixel, blurred as
 * detection blurs, and scored with the maximum as image score. Combinations: the mean of the maps, and
 * the root mean square (the distance under one Gaussian whose covariance is block-diagonal across the
 * models' channels, up to a constant).
 *
 * <p>Usage (class path as for {@link EngineBenchmark}): {@code EnsembleStudy models=A,B[,C]
 * data=split.csv [every=1] [sigma=4]}; the models' image score must be max_pixel, their preprocessing
 * the same.
 */
public final class EnsembleStudy {

	private EnsembleStudy() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> a = EngineBenchmark.arguments(args);
		double sigma = Double.parseDouble(a.getOrDefault("sigma", "4"));
		List<List<float[]>> perModel = new ArrayList<>();
		ScoredMaps last = null;
		for (String file : a.get("models").split(",")) {
			Map<String, String> one = new HashMap<>(a);
			one.put("model", file);
			last = ScoredMaps.of(one, model -> List.of(model.withInference(model.config().withSmoothingSigma(0))));
			perModel.add(last.maps.get(0));
		}
		try (NDManager m = NDManager.newBaseManager()) {
			for (int k = 0; k < perModel.size(); k++) report("model " + k, last, ScoredMaps.blur(perModel.get(k), last.size, sigma, m));
			report("mean", last, ScoredMaps.blur(combine(perModel, false), last.size, sigma, m));
			report("rms", last, ScoredMaps.blur(combine(perModel, true), last.size, sigma, m));
		}
	}

	private static void report(String what, ScoredMaps scored, List<float[]> maps) {
		System.out.printf(Locale.ROOT, "%-8s %s%n", what, scored.metrics(maps, ScoredMaps.maxima(maps)));
	}

	private static List<float[]> combine(List<List<float[]>> perModel, boolean squares) {
		List<float[]> out = new ArrayList<>();
		int k = perModel.size();
		for (int i = 0; i < perModel.get(0).size(); i++) {
			float[] c = new float[perModel.get(0).get(i).length];
			for (List<float[]> maps : perModel) {
				float[] x = maps.get(i);
				for (int j = 0; j < c.length; j++) c[j] += squares ? x[j] * x[j] / k : x[j] / k;
			}
			if (squares) for (int j = 0; j < c.length; j++) c[j] = (float) Math.sqrt(c[j]);
			out.add(c);
		}
		return out;
	}
}
