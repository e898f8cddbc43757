package org.npad.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether a pixel map weighted by its image's score localises better across images: each map
 * times (image score)^alpha, so that a nominal-looking tile's local hot spots count less than
 * the same values in a tile the image score calls anomalous. Pooled pixel AUROC compares defect
 * pixels with the pixels of every other image (SmoothingStudy), which a per-image weight moves.
 *
 * <p>Usage (class path as for {@link EngineBenchmark}): {@code ImageGateStudy model=FILE data=split.csv
 * [every=1] [alphas=0.5,1,2]}.
 */
public final class ImageGateStudy {

	private ImageGateStudy() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> a = EngineBenchmark.arguments(args);
		ScoredMaps scored = ScoredMaps.of(a, model -> List.of(model));
		List<float[]> maps = scored.maps.get(0);
		double[] scores = scored.scores.get(0);
		System.out.printf(Locale.ROOT, "%-12s %s%n", "as detected", scored.metrics(maps, scores));
		for (String s : a.getOrDefault("alphas", "0.25,0.5,1,2").split(",")) {
			double alpha = Double.parseDouble(s);
			System.out.printf(Locale.ROOT, "%-12s %s%n", "alpha " + s, scored.metrics(gated(maps, scores, alpha), scores));
		}
	}

	private static List<float[]> gated(List<float[]> maps, double[] scores, double alpha) {
		List<float[]> out = new ArrayList<>();
		for (int i = 0; i < maps.size(); i++) {
			float f = (float) Math.pow(scores[i], alpha);
			float[] m = maps.get(i), g = new float[m.length];
			for (int j = 0; j < g.length; j++) g[j] = m[j] * f;
			out.add(g);
		}
		return out;
	}
}
