package org.npad.bench;

import org.npad.metrics.Percentile;
import org.npad.metrics.Roc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Whether the pixel maps localise better relative to their own image: each map less (or divided by)
 * a low percentile of itself, so that a tile scoring high all over (another finish, exposure or
 * focus) no longer outscores a defect elsewhere, while the image score stays the model's own. Pooled
 * pixel AUROC on MTD is held down by the defect-free pixels of defective tiles (SmoothingStudy); this
 * asks whether those tiles are raised as a whole.
 *
 * <p>Usage (class path as for {@link EngineBenchmark}): {@code BaselineStudy model=FILE data=split.csv
 * [every=1] [percentiles=10,25,50]}.
 */
public final class BaselineStudy {

	private BaselineStudy() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> a = EngineBenchmark.arguments(args);
		ScoredMaps scored = ScoredMaps.of(a, model -> List.of(model));
		List<float[]> maps = scored.maps.get(0);
		double[] scores = scored.scores.get(0);
		report("as detected", scored, maps, scores);
		for (String p : a.getOrDefault("percentiles", "10,25,50").split(",")) {
			double q = Double.parseDouble(p);
			report("less p" + p, scored, relative(maps, q, false), scores);
			report("over p" + p, scored, relative(maps, q, true), scores);
		}
	}

	private static List<float[]> relative(List<float[]> maps, double percentile, boolean divide) {
		List<float[]> out = new ArrayList<>();
		for (float[] map : maps) {
			float base = (float) Percentile.ofPixels(List.of(map), percentile);
			float[] r = new float[map.length];
			for (int j = 0; j < r.length; j++) r[j] = divide ? map[j] / base : Math.max(0, map[j] - base);
			out.add(r);
		}
		return out;
	}

	private static void report(String label, ScoredMaps scored, List<float[]> maps, double[] scores) {
		List<float[]> defective = new ArrayList<>();
		List<boolean[]> masks = new ArrayList<>();
		for (int i = 0; i < maps.size(); i++) {
			if (!scored.labels[i]) continue;
			defective.add(maps.get(i));
			masks.add(scored.masks.get(i));
		}
		System.out.printf(Locale.ROOT, "%-12s %s | defects against defective images' other pixels %.2f%n", label,
				scored.metrics(maps, scores), 100 * Roc.ofPixels(defective, masks).auroc());
	}
}
