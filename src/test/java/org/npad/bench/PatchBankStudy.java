package org.npad.bench;


import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What each map of a model with a patch bank achieves on its own: N-pad's map (the model scored
 * without its bank), the patch distance map (fused^2 / N-pad, the geometric mean undone) and the
 * fused map, each with its own maximum as the image score, then the product's combination (fused
 * map, N-pad's image score) and, with the same image score, the geometric mean weighted towards
 * either map. Image AUROC / pixel AUROC / PRO, as docs/benchmarks.md reports them.
 *
 * <p>Usage (class path as for {@link EngineBenchmark}): {@code PatchBankStudy model=FILE data=split.csv
 * [every=1]}, the model trained with {@code patch_bank} above 0 (e.g. {@code scripts/npad evaluate
 * --set patch_bank=6000 --save-model FILE}).
 */
public final class PatchBankStudy {

	private PatchBankStudy() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> a = EngineBenchmark.arguments(args);
		ScoredMaps scored = ScoredMaps.of(a, fused -> {
			if (fused.patches() == null) throw new IllegalArgumentException(a.get("model") + " has no patch bank");
			return List.of(fused, fused.withInference(fused.config().withPatchBank(0)));
		});
		List<float[]> fusedMaps = scored.maps.get(0), npadMaps = scored.maps.get(1);
		List<float[]> patchMaps = ScoredMaps.patchMaps(npadMaps, fusedMaps);
		double[] npadScores = scored.scores.get(1);
		report("N-pad map", scored, npadMaps, ScoredMaps.maxima(npadMaps));
		double[] patchScores = ScoredMaps.maxima(patchMaps);
		report("patch map", scored, patchMaps, patchScores);
		report("fused map", scored, fusedMaps, ScoredMaps.maxima(fusedMaps));
		report("fused map, N-pad score", scored, fusedMaps, npadScores);
		double w0 = spreadWeight(npadMaps, patchMaps, scored.labels);
		for (double w : new double[] {0.25, 0.75, w0}) {
			List<float[]> weighted = ScoredMaps.weighted(npadMaps, patchMaps, w);
			report(String.format(Locale.ROOT, "N-pad^%.2f patch^%.2f", w, 1 - w), scored, weighted, npadScores);
			report("  the same, patch score", scored, weighted, patchScores);
		}
	}

	/**
	 * The weight of N-pad's map that gives both maps the same spread in the log domain, where the weighted
	 * geometric mean is a weighted sum: w / (1 - w) = sd(log patch) / sd(log N-pad) over the nominal images'
	 * pixels. A rule that needs only nominal images, unlike a weight chosen on defects.
	 */
	private static double spreadWeight(List<float[]> npad, List<float[]> patch, boolean[] anomalous) {
		double sn = logSpread(npad, anomalous), sp = logSpread(patch, anomalous);
		double w = sp / (sn + sp);
		System.out.printf(Locale.ROOT, "log spread over nominal pixels: N-pad %.4f, patch %.4f: N-pad's weight %.3f%n", sn, sp, w);
		return w;
	}

	private static double logSpread(List<float[]> maps, boolean[] anomalous) {
		double sum = 0, sumSq = 0;
		long n = 0;
		for (int i = 0; i < maps.size(); i++) {
			if (anomalous[i]) continue;
			for (float v : maps.get(i)) {
				if (!(v > 0)) continue;
				double l = Math.log(v);
				sum += l;
				sumSq += l * l;
				n++;
			}
		}
		double mean = sum / n;
		return Math.sqrt(sumSq / n - mean * mean);
	}

	private static void report(String name, ScoredMaps scored, List<float[]> maps, double[] scores) {
		System.out.printf(Locale.ROOT, "%-24s %s%n", name, scored.metrics(maps, scores));
	}
}
