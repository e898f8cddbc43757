package org.npad.bench;

import org.npad.metrics.Roc;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the image score's share of hot pixels ranks images: image AUROC of the mean of each smoothed
 * map's hottest p percent, for several p, from one scoring pass (p = 0 is the single hottest pixel,
 * max_pixel). The maps are the model's own, so pixel AUROC and PRO do not change with p. With a patch
 * bank the image score reads N-pad's map, not the map fused with the patch distances, so that is the
 * map scored here too.
 *
 * <p>Usage (class path as for {@link EngineBenchmark}): {@code ImageScoreStudy model=FILE data=split.csv
 * [percents=0,0.05,0.1,0.5,1,2,5,10]}.
 */
public final class ImageScoreStudy {

	private ImageScoreStudy() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> a = EngineBenchmark.arguments(args);
		ScoredMaps scored = ScoredMaps.of(a, model -> List.of(model.withInference(model.config().withPatchBank(0))));
		List<float[]> maps = scored.maps.get(0);
		for (String text : a.getOrDefault("percents", "0,0.05,0.1,0.5,1,2,5,10").split(",")) {
			double percent = Double.parseDouble(text);
			double[] scores = new double[maps.size()];
			for (int i = 0; i < scores.length; i++) scores[i] = topMean(maps.get(i), percent);
			System.out.printf(Locale.ROOT, "top %5.2f %%: image AUROC %.2f%n", percent, 100 * Roc.of(scores, scored.labels).auroc());
		}
	}

	/** The mean of the hottest percent of a map, at least its one hottest pixel (as the top_pixels score). */
	private static double topMean(float[] map, double percent) {
		float[] sorted = map.clone();
		Arrays.sort(sorted);
		int k = (int) Math.max(1, Math.round(percent / 100 * sorted.length));
		double sum = 0;
		for (int j = 0; j < k; j++) sum += sorted[sorted.length - 1 - j];
		return sum / k;
	}
}
