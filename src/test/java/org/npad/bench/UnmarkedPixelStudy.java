package org.npad.bench;

import ij.IJ;
import ij.ImagePlus;
import org.npad.dataset.LabelledImage;
import org.npad.metrics.Roc;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which unmarked pixels a class's defect pixels lose to in the pooled pixel AUROC. Prints, per defect
 * class, the pixel AUROC of its marked pixels against the unmarked pixels of each class's test images
 * (the nominal ones included), then how high the unmarked pixels of nominal and defective test images
 * score (median over images of each image's median unmarked pixel) within bins of the image's aspect
 * ratio: whether the full resize's distortion is what raises them.
 *
 * <p>Usage (class path as for {@link EngineBenchmark}): {@code UnmarkedPixelStudy model=FILE
 * data=split.csv}; the class of the nominal test images is named by {@code nominal=} (default Free, as MTD).
 */
public final class UnmarkedPixelStudy {

	private static final double[] ASPECT_BINS = {0, 0.5, 0.7, 1.0, 1.5, 2.2, Double.POSITIVE_INFINITY};

	private UnmarkedPixelStudy() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> a = EngineBenchmark.arguments(args);
		String nominal = a.getOrDefault("nominal", "Free");
		ScoredMaps scored = ScoredMaps.of(a, model -> List.of(model));
		List<LabelledImage> test = ScoredMaps.testImages(Path.of(a.get("data")), Integer.parseInt(a.getOrDefault("every", "1")));
		List<float[]> maps = scored.maps.get(0);
		Map<String, List<float[]>> marked = new TreeMap<>(), unmarked = new TreeMap<>();
		double[] levels = new double[maps.size()], aspects = new double[maps.size()];
		for (int i = 0; i < maps.size(); i++) {
			String c = test.get(i).category();
			float[] rest = ScoredMaps.pixels(maps.get(i), scored.masks.get(i), false);
			marked.computeIfAbsent(c, k -> new ArrayList<>()).add(ScoredMaps.pixels(maps.get(i), scored.masks.get(i), true));
			unmarked.computeIfAbsent(c, k -> new ArrayList<>()).add(rest);
			levels[i] = median(rest);
			ImagePlus image = IJ.openImage(test.get(i).image().toString());
			aspects[i] = (double) image.getWidth() / image.getHeight();
		}
		System.out.println("pooled: " + scored.metrics(maps, ScoredMaps.maxima(maps)));
		System.out.println("marked pixels of a class against the unmarked pixels of each class's images (pixel AUROC):");
		for (String c : marked.keySet()) {
			if (c.equals(nominal)) continue;
			StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-10s", c));
			for (String other : unmarked.keySet())
				line.append(String.format(Locale.ROOT, "  %s %.2f", other, auroc(marked.get(c), unmarked.get(other))));
			System.out.println(line);
		}
		System.out.println("median unmarked pixel per image, median over images, by aspect ratio (width / height):");
		for (int b = 0; b + 1 < ASPECT_BINS.length; b++) {
			List<Double> nominalLevels = new ArrayList<>(), defectiveLevels = new ArrayList<>();
			for (int i = 0; i < maps.size(); i++)
				if (aspects[i] >= ASPECT_BINS[b] && aspects[i] < ASPECT_BINS[b + 1])
					(test.get(i).anomalous() ? defectiveLevels : nominalLevels).add(levels[i]);
			System.out.printf(Locale.ROOT, "  aspect %.1f-%.1f: nominal %.2f (%d images), defective %.2f (%d images)%n", ASPECT_BINS[b],
					ASPECT_BINS[b + 1], median(nominalLevels), nominalLevels.size(), median(defectiveLevels), defectiveLevels.size());
		}
	}

	private static double median(float[] values) {
		float[] sorted = values.clone();
		Arrays.sort(sorted);
		return sorted[sorted.length / 2];
	}

	private static double median(List<Double> values) {
		if (values.isEmpty()) return Double.NaN;
		double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
		return sorted[sorted.length / 2];
	}

	private static double auroc(List<float[]> positives, List<float[]> negatives) {
		List<float[]> maps = new ArrayList<>();
		List<boolean[]> masks = new ArrayList<>();
		for (float[] p : positives) {
			maps.add(p);
			masks.add(ScoredMaps.allMarked(p.length));
		}
		for (float[] n : negatives) {
			maps.add(n);
			masks.add(new boolean[n.length]);
		}
		return 100 * Roc.ofPixels(maps, masks).auroc();
	}
}
