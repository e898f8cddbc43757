package org.npad.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import org.npad.backbone.KerasResNet50Backbone;
import org.npad.dataset.LabelledImage;
import org.npad.dataset.LabelledSet;
import org.npad.image.ImageFolder;
import org.npad.image.NamedSlice;
import org.npad.image.Preprocessor;
import org.npad.method.MapResampler;
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
		int every = Integer.parseInt(a.getOrDefault("every", "1"));
		List<LabelledImage> test = new ArrayList<>();
		List<LabelledImage> all = LabelledSet.read(Path.of(a.get("data"))).test();
		for (int i = 0; i < all.size(); i += every) test.add(all.get(i));
		try (NDManager m = NDManager.newBaseManager(); KerasResNet50Backbone backbone = KerasResNet50Backbone.load(Device.cpu());
				TrainedModel trained = ModelFile.read(Path.of(a.get("model")), m)) {
			NpadModel model = trained.model();
			boolean bank = model.patches() != null;
			NpadModel npad = model.withInference(model.config().withPatchBank(0).withSmoothingSigma(0));
			List<NpadModel> models = bank ? List.of(npad, model.withInference(model.config().withSmoothingSigma(0))) : List.of(npad);
			Detector detector = new Detector(models, trained.preprocessing(), FeatureSource.of(backbone, model, m), 8);
			Preprocessor preprocessor = new Preprocessor(trained.preprocessing());
			List<float[]> npadMaps = new ArrayList<>(), patchMaps = new ArrayList<>();
			List<boolean[]> masks = new ArrayList<>();
			boolean[] labels = new boolean[test.size()];
			int size = -1;
			for (int from = 0; from < test.size(); from += detector.imagesPerBatch()) {
				List<NamedSlice> slices = new ArrayList<>();
				for (int i = from; i < Math.min(test.size(), from + detector.imagesPerBatch()); i++)
					slices.add(ImageFolder.read(test.get(i).image(), test.get(i).image().toString()).get(0));
				List<List<Detection>> detections = detector.detectAll(slices);
				for (int i = 0; i < slices.size(); i++) {
					LabelledImage image = test.get(from + i);
					Detection n = detections.get(i).get(0);
					float[] npadMap = n.networkMaps().get(0);
					npadMaps.add(npadMap);
					if (bank) {
						float[] fused = detections.get(i).get(1).networkMaps().get(0), patch = new float[fused.length];
						for (int p = 0; p < patch.length; p++) patch[p] = npadMap[p] > 0 ? fused[p] * fused[p] / npadMap[p] : 0;
						patchMaps.add(patch);
					}
					size = n.placements().get(0).width();
					masks.add(image.mask() == null ? new boolean[npadMap.length]
							: preprocessor.mask(ImageFolder.open(image.mask()).getProcessor(), n.placements().get(0)));
					labels[from + i] = image.anomalous();
				}
				System.out.printf(Locale.ROOT, "%d / %d test images%n", Math.min(test.size(), from + detector.imagesPerBatch()), test.size());
			}
			for (String s : a.getOrDefault("sigmas", "0,2,4,6,8").split(",")) {
				double sigma = Double.parseDouble(s);
				List<float[]> n = blur(npadMaps, size, sigma, m);
				List<float[]> maps = bank ? geometricMean(n, blur(patchMaps, size, sigma, m)) : n;
				report(sigma, maps, maxima(n), masks, labels, size);
			}
		}
	}

	private static List<float[]> blur(List<float[]> maps, int size, double sigma, NDManager manager) {
		MapResampler blur = new MapResampler(size, size, size, size, sigma);
		List<float[]> out = new ArrayList<>();
		for (float[] map : maps) {
			try (NDScope scope = new NDScope()) {
				NDArray x = manager.create(map).reshape(1, size, size);
				out.add(blur.apply(x).toFloatArray());
			}
		}
		return out;
	}

	private static List<float[]> geometricMean(List<float[]> a, List<float[]> b) {
		List<float[]> out = new ArrayList<>();
		for (int i = 0; i < a.size(); i++) {
			float[] x = a.get(i), y = b.get(i), g = new float[x.length];
			for (int j = 0; j < g.length; j++) g[j] = (float) Math.sqrt(x[j] * y[j]);
			out.add(g);
		}
		return out;
	}

	private static double[] maxima(List<float[]> maps) {
		double[] scores = new double[maps.size()];
		for (int i = 0; i < scores.length; i++) {
			scores[i] = Double.NEGATIVE_INFINITY;
			for (float v : maps.get(i)) scores[i] = Math.max(scores[i], v);
		}
		return scores;
	}

	/** The pooled metrics, then the defect pixels against one source of defect-free pixels at a time. */
	private static void report(double sigma, List<float[]> maps, double[] scores, List<boolean[]> masks, boolean[] labels, int size) {
		PixelMetrics pixels = PixelMetrics.of(maps, masks, size, size);
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
			float[] marked = marked(maps.get(i), masks.get(i));
			nominalSide.add(marked);
			nominalMasks.add(filled(marked.length));
		}
		System.out.printf(Locale.ROOT, "sigma %4.1f  image AUROC %.2f  pixel AUROC %.2f  PRO %.2f  | against nominal images %.2f,"
				+ " against defective images' other pixels %.2f%n", sigma, 100 * Roc.of(scores, labels).auroc(), 100 * pixels.roc().auroc(),
				100 * pixels.pro().integrated(), 100 * Roc.ofPixels(nominalSide, nominalMasks).auroc(),
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

	private static float[] marked(float[] map, boolean[] mask) {
		int n = 0;
		for (boolean b : mask) if (b) n++;
		float[] out = new float[n];
		for (int j = 0, o = 0; j < map.length; j++) if (mask[j]) out[o++] = map[j];
		return out;
	}

	private static boolean[] filled(int n) {
		boolean[] b = new boolean[n];
		java.util.Arrays.fill(b, true);
		return b;
	}
}
