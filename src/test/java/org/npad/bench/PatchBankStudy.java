package org.npad.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.npad.backbone.KerasResNet50Backbone;
import org.npad.dataset.LabelledImage;
import org.npad.dataset.LabelledSet;
import org.npad.image.ImageFolder;
import org.npad.image.NamedSlice;
import org.npad.image.Preprocessor;
import org.npad.method.NpadModel;
import org.npad.metrics.PixelMetrics;
import org.npad.metrics.Roc;
import org.npad.model.ModelFile;
import org.npad.model.TrainedModel;
import org.npad.pipeline.Detection;
import org.npad.pipeline.Detector;
import org.npad.pipeline.FeatureSource;

import java.nio.file.Path;
import java.util.ArrayList;
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
		int every = Integer.parseInt(a.getOrDefault("every", "1"));
		List<LabelledImage> test = new ArrayList<>();
		List<LabelledImage> all = LabelledSet.read(Path.of(a.get("data"))).test();
		for (int i = 0; i < all.size(); i += every) test.add(all.get(i));
		try (NDManager m = NDManager.newBaseManager(); KerasResNet50Backbone backbone = KerasResNet50Backbone.load(Device.cpu());
				TrainedModel trained = ModelFile.read(Path.of(a.get("model")), m)) {
			NpadModel fused = trained.model();
			if (fused.patches() == null) throw new IllegalArgumentException(a.get("model") + " has no patch bank");
			NpadModel npad = fused.withInference(fused.config().withPatchBank(0));
			Detector detector = new Detector(List.of(fused, npad), trained.preprocessing(), FeatureSource.of(backbone, fused, m), 8);
			Preprocessor preprocessor = new Preprocessor(trained.preprocessing());
			List<float[]> fusedMaps = new ArrayList<>(), npadMaps = new ArrayList<>(), patchMaps = new ArrayList<>();
			List<boolean[]> masks = new ArrayList<>();
			double[] npadScores = new double[test.size()];
			boolean[] labels = new boolean[test.size()];
			int size = -1;
			for (int from = 0; from < test.size(); from += detector.imagesPerBatch()) {
				List<NamedSlice> slices = new ArrayList<>();
				for (int i = from; i < Math.min(test.size(), from + detector.imagesPerBatch()); i++)
					slices.add(ImageFolder.read(test.get(i).image(), test.get(i).image().toString()).get(0));
				List<List<Detection>> detections = detector.detectAll(slices);
				for (int i = 0; i < slices.size(); i++) {
					LabelledImage image = test.get(from + i);
					Detection f = detections.get(i).get(0), n = detections.get(i).get(1);
					float[] fusedMap = f.networkMaps().get(0), npadMap = n.networkMaps().get(0), patchMap = new float[fusedMap.length];
					for (int p = 0; p < patchMap.length; p++) patchMap[p] = fusedMap[p] * fusedMap[p] / npadMap[p];
					fusedMaps.add(fusedMap);
					npadMaps.add(npadMap);
					patchMaps.add(patchMap);
					size = f.placements().get(0).width();
					masks.add(image.mask() == null ? new boolean[fusedMap.length]
							: preprocessor.mask(ImageFolder.open(image.mask()).getProcessor(), f.placements().get(0)));
					npadScores[from + i] = n.score();
					labels[from + i] = image.anomalous();
				}
				System.out.printf(Locale.ROOT, "%d / %d test images%n", Math.min(test.size(), from + detector.imagesPerBatch()), test.size());
			}
			report("N-pad map", npadMaps, maxima(npadMaps), masks, labels, size);
			report("patch map", patchMaps, maxima(patchMaps), masks, labels, size);
			report("fused map", fusedMaps, maxima(fusedMaps), masks, labels, size);
			report("fused map, N-pad score", fusedMaps, npadScores, masks, labels, size);
			for (double w : new double[] {0.25, 0.75}) {
				List<float[]> weighted = weighted(npadMaps, patchMaps, w);
				report(String.format(Locale.ROOT, "N-pad^%.2f patch^%.2f", w, 1 - w), weighted, npadScores, masks, labels, size);
			}
		}
	}

	/** npad^w * patch^(1-w), pixel by pixel: the geometric mean with its weight moved. */
	private static List<float[]> weighted(List<float[]> npadMaps, List<float[]> patchMaps, double w) {
		List<float[]> maps = new ArrayList<>();
		for (int i = 0; i < npadMaps.size(); i++) {
			float[] n = npadMaps.get(i), p = patchMaps.get(i), m = new float[n.length];
			for (int j = 0; j < m.length; j++) m[j] = (float) (Math.pow(n[j], w) * Math.pow(p[j], 1 - w));
			maps.add(m);
		}
		return maps;
	}

	private static double[] maxima(List<float[]> maps) {
		double[] scores = new double[maps.size()];
		for (int i = 0; i < scores.length; i++) {
			scores[i] = Double.NEGATIVE_INFINITY;
			for (float v : maps.get(i)) scores[i] = Math.max(scores[i], v);
		}
		return scores;
	}

	private static void report(String name, List<float[]> maps, double[] scores, List<boolean[]> masks, boolean[] labels, int size) {
		PixelMetrics pixels = PixelMetrics.of(maps, masks, size, size);
		System.out.printf(Locale.ROOT, "%-24s image AUROC %.2f  pixel AUROC %.2f  PRO %.2f%n", name, 100 * Roc.of(scores, labels).auroc(),
				100 * pixels.roc().auroc(), 100 * pixels.pro().integrated());
	}
}
