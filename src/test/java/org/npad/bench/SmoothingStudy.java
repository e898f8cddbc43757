package org.npad.bench;

import ai.djl.ndarray.NDManager;
import org.npad.method.MapResampler;
import org.npad.method.NpadModel;
import org.npad.metrics.Roc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How the smoothing of the maps trades image ranking against localisation, and where pooled pixel
 * AUROC loses its pixels. The model is scored once without smoothing; each sigma is then applied
 * to the unsmoothed maps exactly as {@link MapResampler} does at detection (blur after bilinear
 * upsampling is linear, so blurring the upsampled map is the same), N-pad's and the patch bank's
 * maps each on their own before their geometric mean, the image score the maximum of N-pad's map.
 * For each sigma: image AUROC / pixel AUROC / PRO, then pixel AUROC with the defect pixels against
 * the pixels of nominal images only, against the defect-free pixels of defective images only, and
 * against those farther than d pixels from a defect (is the loss the maps' spill around defects?).
 *
 * <p>Usage (class path as for {@link EngineBenchmark}): {@code SmoothingStudy model=FILE
 * data=split.csv [every=1] [sigmas=0,2,4,6,8]}; the model's image score must be max_pixel.
 */
public final class SmoothingStudy {

	private SmoothingStudy() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> a = EngineBenchmark.arguments(args);
		ScoredMaps scored = ScoredMaps.of(a, model -> {
			NpadModel npad = model.withInference(model.config().withPatchBank(0).withSmoothingSigma(0));
			return model.patches() == null ? List.of(npad) : List.of(model.withInference(model.config().withSmoothingSigma(0)), npad);
		});
		boolean bank = scored.maps.size() == 2;
		List<float[]> npadMaps = scored.maps.get(scored.maps.size() - 1);
		List<float[]> patchMaps = bank ? ScoredMaps.patchMaps(npadMaps, scored.maps.get(0)) : null;
		try (NDManager m = NDManager.newBaseManager()) {
			for (String s : a.getOrDefault("sigmas", "0,2,4,6,8").split(",")) {
				double sigma = Double.parseDouble(s);
				List<float[]> n = ScoredMaps.blur(npadMaps, scored.size, sigma, m);
				List<float[]> maps = bank ? ScoredMaps.weighted(n, ScoredMaps.blur(patchMaps, scored.size, sigma, m), 0.5) : n;
				report(sigma, scored, maps, ScoredMaps.maxima(n));
			}
		}
	}

	/** The pooled metrics, then the defect pixels against one source of defect-free pixels at a time. */
	private static void report(double sigma, ScoredMaps scored, List<float[]> maps, double[] scores) {
		List<boolean[]> masks = scored.masks;
		boolean[] labels = scored.labels;
		int size = scored.size;
		List<float[]> nominalSide = new ArrayList<>(), defectSide = new ArrayList<>();
		List<boolean[]> nominalMasks = new ArrayList<>(), defectMasks = new ArrayList<>();
		for (int i = 0; i < maps.size(); i++) {
			if (!labels[i]) {
				nominalSide.add(maps.get(i));
				nominalMasks.add(masks.get(i));
				continue;
			}
			defectSide.add(maps.get(i));
			defectMasks.add(masks.get(i));
			float[] marked = ScoredMaps.pixels(maps.get(i), masks.get(i), true);
			nominalSide.add(marked);
			nominalMasks.add(ScoredMaps.allMarked(marked.length));
		}
		System.out.printf(Locale.ROOT, "sigma %4.1f  %s  | against nominal images %.2f, against defective images' other pixels %.2f%n",
				sigma, scored.metrics(maps, scores), 100 * Roc.ofPixels(nominalSide, nominalMasks).auroc(),
				100 * Roc.ofPixels(defectSide, defectMasks).auroc());
		StringBuilder bands = new StringBuilder("           against defective images' pixels farther than d px from a defect:");
		for (int d : new int[] {4, 8, 16, 32}) {
			List<float[]> far = new ArrayList<>();
			List<boolean[]> farMasks = new ArrayList<>();
			for (int i = 0; i < defectSide.size(); i++) {
				int[] distance = distances(defectMasks.get(i), size);
				float[] map = defectSide.get(i);
				int n = 0;
				for (int v : distance) if (v == 0 || v > d) n++;
				float[] kept = new float[n];
				boolean[] keptMask = new boolean[n];
				for (int j = 0, o = 0; j < map.length; j++) {
					if (distance[j] != 0 && distance[j] <= d) continue;
					kept[o] = map[j];
					keptMask[o++] = distance[j] == 0;
				}
				far.add(kept);
				farMasks.add(keptMask);
			}
			bands.append(String.format(Locale.ROOT, " d %d: %.2f", d, 100 * Roc.ofPixels(far, farMasks).auroc()));
		}
		System.out.println(bands);
	}

	/** Chessboard distance of each pixel to the nearest defect pixel (0 on the defect; large where the mask is empty). */
	private static int[] distances(boolean[] mask, int size) {
		int[] d = new int[mask.length];
		java.util.ArrayDeque<Integer> queue = new java.util.ArrayDeque<>();
		java.util.Arrays.fill(d, Integer.MAX_VALUE);
		for (int j = 0; j < mask.length; j++)
			if (mask[j]) {
				d[j] = 0;
				queue.add(j);
			}
		while (!queue.isEmpty()) {
			int j = queue.poll(), x = j % size, y = j / size;
			for (int dy = -1; dy <= 1; dy++)
				for (int dx = -1; dx <= 1; dx++) {
					int u = x + dx, v = y + dy;
					if (u < 0 || v < 0 || u >= size || v >= size || d[v * size + u] <= d[j] + 1) continue;
					d[v * size + u] = d[j] + 1;
					queue.add(v * size + u);
				}
		}
		return d;
	}
}
