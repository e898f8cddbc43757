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
		for (double w : new double[] {0.25, 0.75}) {
			List<float[]> weighted = ScoredMaps.weighted(npadMaps, patchMaps, w);
			report(String.format(Locale.ROOT, "N-pad^%.2f patch^%.2f", w, 1 - w), scored, weighted, npadScores);
			report("  the same, patch score", scored, weighted, patchScores);
		}
	}

	private static void report(String name, ScoredMaps scored, List<float[]> maps, double[] scores) {
		System.out.printf(Locale.ROOT, "%-24s %s%n", name, scored.metrics(maps, scores));
	}
}
