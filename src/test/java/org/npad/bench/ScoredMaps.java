package org.npad.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import org.npad.backbone.Backbone;
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

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * The network-size maps and image scores of several inference variants of one model over a labelled
 * test set, scored in one pass (the backbone once per image), with the masks in the same geometry:
 * what the map studies take apart and recombine.
 */
final class ScoredMaps {

	/** Per variant, one map of size x size per test image. */
	final List<List<float[]>> maps = new ArrayList<>();
	/** Per variant, the image scores. */
	final List<double[]> scores = new ArrayList<>();
	final List<boolean[]> masks = new ArrayList<>();
	final boolean[] labels;
	final int size;

	private ScoredMaps(List<NpadModel> variants, TrainedModel trained, Backbone backbone, List<LabelledImage> test, NDManager m) {
		Detector detector = new Detector(variants, trained.preprocessing(), FeatureSource.of(backbone, variants.get(0), m), 8);
		Preprocessor preprocessor = new Preprocessor(trained.preprocessing());
		for (int v = 0; v < variants.size(); v++) {
			maps.add(new ArrayList<>());
			scores.add(new double[test.size()]);
		}
		labels = new boolean[test.size()];
		int width = -1;
		for (int from = 0; from < test.size(); from += detector.imagesPerBatch()) {
			List<NamedSlice> slices = new ArrayList<>();
			for (int i = from; i < Math.min(test.size(), from + detector.imagesPerBatch()); i++)
				slices.add(ImageFolder.read(test.get(i).image(), test.get(i).image().toString()).get(0));
			List<List<Detection>> detections = detector.detectAll(slices);
			for (int i = 0; i < slices.size(); i++) {
				LabelledImage image = test.get(from + i);
				for (int v = 0; v < variants.size(); v++) {
					Detection d = detections.get(i).get(v);
					maps.get(v).add(d.networkMaps().get(0));
					scores.get(v)[from + i] = d.score();
				}
				Detection first = detections.get(i).get(0);
				width = first.placements().get(0).width();
				masks.add(image.mask() == null ? new boolean[first.networkMaps().get(0).length]
						: preprocessor.mask(ImageFolder.open(image.mask()).getProcessor(), first.placements().get(0)));
				labels[from + i] = image.anomalous();
			}
			System.out.printf(Locale.ROOT, "%d / %d test images%n", Math.min(test.size(), from + detector.imagesPerBatch()), test.size());
		}
		size = width;
	}

	/**
	 * Reads the model named by {@code model=FILE} and scores the variants made of it over every
	 * {@code every}-th test image of {@code data=CSV}; the maps outlive the model.
	 *
	 * @param variantsOf sharing channels; the first decides the taps, so a variant with a patch bank goes first
	 */
	static ScoredMaps of(Map<String, String> arguments, Function<NpadModel, List<NpadModel>> variantsOf) throws IOException {
		return of(arguments, (trained, backbone) -> variantsOf.apply(trained.model()));
	}

	/** As {@link #of(Map, Function)}, for variants that need the backbone or the preprocessing to be made. */
	static ScoredMaps of(Map<String, String> arguments, BiFunction<TrainedModel, Backbone, List<NpadModel>> variantsOf) throws IOException {
		List<LabelledImage> test = testImages(Path.of(arguments.get("data")), Integer.parseInt(arguments.getOrDefault("every", "1")));
		try (NDManager m = NDManager.newBaseManager(); KerasResNet50Backbone backbone = KerasResNet50Backbone.load(Device.cpu());
				TrainedModel trained = ModelFile.read(Path.of(arguments.get("model")), m)) {
			return new ScoredMaps(variantsOf.apply(trained, backbone), trained, backbone, test, m);
		}
	}

	/** Every {@code every}-th test image of a labelled set: a quicker study on a spread of classes. */
	static List<LabelledImage> testImages(Path data, int every) {
		List<LabelledImage> test = new ArrayList<>();
		List<LabelledImage> all = LabelledSet.read(data).test();
		for (int i = 0; i < all.size(); i += every) test.add(all.get(i));
		return test;
	}

	/** The patch distance map of a fused map: fused^2 / N-pad, the geometric mean undone. */
	static List<float[]> patchMaps(List<float[]> npad, List<float[]> fused) {
		List<float[]> out = new ArrayList<>();
		for (int i = 0; i < npad.size(); i++) {
			float[] n = npad.get(i), f = fused.get(i), p = new float[n.length];
			for (int j = 0; j < p.length; j++) p[j] = n[j] > 0 ? f[j] * f[j] / n[j] : 0;
			out.add(p);
		}
		return out;
	}

	/**
	 * a^w * b^(1-w), pixel by pixel: the geometric mean with its weight moved; at w = 0.5 computed
	 * as detection fuses the maps, sqrt(a * b) in float.
	 */
	static List<float[]> weighted(List<float[]> a, List<float[]> b, double w) {
		List<float[]> out = new ArrayList<>();
		for (int i = 0; i < a.size(); i++) {
			float[] x = a.get(i), y = b.get(i), g = new float[x.length];
			for (int j = 0; j < g.length; j++)
				g[j] = w == 0.5 ? (float) Math.sqrt(x[j] * y[j]) : (float) (Math.pow(x[j], w) * Math.pow(y[j], 1 - w));
			out.add(g);
		}
		return out;
	}

	static double[] maxima(List<float[]> maps) {
		double[] scores = new double[maps.size()];
		for (int i = 0; i < scores.length; i++) {
			scores[i] = Double.NEGATIVE_INFINITY;
			for (float v : maps.get(i)) scores[i] = Math.max(scores[i], v);
		}
		return scores;
	}

	/** Image AUROC / pixel AUROC / PRO of maps and image scores, as docs/benchmarks.md reports them. */
	String metrics(List<float[]> maps, double[] imageScores) {
		PixelMetrics pixels = PixelMetrics.of(maps, masks, size, size);
		return String.format(Locale.ROOT, "image AUROC %.2f  pixel AUROC %.2f  PRO %.2f", 100 * Roc.of(imageScores, labels).auroc(),
				100 * pixels.roc().auroc(), 100 * pixels.pro().integrated());
	}

	/** Each map blurred as detection blurs an upsampled map ({@link MapResampler}). */
	static List<float[]> blur(List<float[]> maps, int size, double sigma, NDManager manager) {
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

	/** The values of a map's marked (or unmarked) pixels, in order: one side of a pixel AUROC. */
	static float[] pixels(float[] map, boolean[] mask, boolean marked) {
		int n = 0;
		for (boolean m : mask) if (m == marked) n++;
		float[] out = new float[n];
		for (int j = 0, o = 0; j < map.length; j++) if (mask[j] == marked) out[o++] = map[j];
		return out;
	}

	/** A mask marking all n pixels: values taken from defects, pooled as positives. */
	static boolean[] allMarked(int n) {
		boolean[] all = new boolean[n];
		java.util.Arrays.fill(all, true);
		return all;
	}
}
