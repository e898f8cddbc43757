package org.npad.pipeline;

import ij.process.ImageProcessor;
import org.npad.dataset.LabelledImage;
import org.npad.image.ImageFolder;
import org.npad.image.NamedSlice;
import org.npad.image.Placement;
import org.npad.image.Preprocessor;
import org.npad.method.NpadModel;
import org.npad.method.PhaseTimes;
import org.npad.metrics.F1Max;
import org.npad.metrics.PixelMetrics;
import org.npad.metrics.Roc;
import org.npad.model.TrainedModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Scores a labelled test set with a trained model and measures it as method.md section 5 asks:
 * image AUROC over image scores, pixel AUROC, PRO (to FPR 0.3) and F1-max over all pixels of all
 * network inputs, with the masks brought into the same geometry as the inputs.
 */
public final class Evaluation {

	/**
	 * @param names        per test image (slice), its name
	 * @param imageClasses per test image, its defect class as the set names it
	 * @param scores       per test image, its image score
	 * @param labels       per test image, true when defective
	 * @param imageRoc     ROC over image scores
	 * @param imageF1      best image F1 and its threshold
	 * @param pixels       pixel ROC, PRO and F1-max
	 * @param secondsPerImage mean detection time per test image (for all variants scored together)
	 * @param steps    seconds per step over the whole test set (for all variants scored together)
	 * @param classes  the metrics of each defect class on its own; empty where the set names one class or none
	 */
	public record Result(List<String> names, List<String> imageClasses, double[] scores, boolean[] labels, Roc imageRoc, F1Max imageF1,
			PixelMetrics pixels, double secondsPerImage, Map<String, Double> steps, List<ClassMetrics> classes) {

		public double imageAuroc() {
			return imageRoc.auroc();
		}

		public double pixelAuroc() {
			return pixels.roc().auroc();
		}

		public double pro() {
			return pixels.pro().integrated();
		}
	}

	private Evaluation() {
	}

	/** The images of a labelled list as slices, read lazily, named by their path relative to base. */
	public static Iterable<NamedSlice> slices(List<LabelledImage> images, Path base) {
		return () -> images.stream().flatMap(i -> ImageFolder.read(i.image(), name(i.image(), base)).stream()).iterator();
	}

	/** Scores the test set with the trained model itself. */
	public static Result run(TrainedModel trained, FeatureSource features, int batchSize, List<LabelledImage> test, Path base,
			Progress progress) {
		return run(trained, List.of(trained.model()), features, batchSize, test, base, progress).get(0);
	}

	/**
	 * Scores several inference variants of one training on the same features; one result per variant.
	 * A test image far darker, brighter, larger or smaller than the training images is warned of once,
	 * as Detect does: such scores say more about the images' kind than about defects.
	 */
	public static List<Result> run(TrainedModel trained, List<NpadModel> models, FeatureSource features, int batchSize,
			List<LabelledImage> test, Path base, Progress progress) {
		Detector detector = new Detector(models, trained.preprocessing(), features, batchSize);
		Collected collected = new Collected(models.size(), new Preprocessor(trained.preprocessing()), new InputCheck(trained, progress));
		PhaseTimes times = new PhaseTimes();
		long start = System.nanoTime();
		List<LabelledImage> images = new ArrayList<>();
		List<NamedSlice> slices = new ArrayList<>();
		for (LabelledImage image : test) {
			for (NamedSlice slice : times.time(Steps.READING, () -> ImageFolder.read(image.image(), name(image.image(), base)))) {
				images.add(image);
				slices.add(slice);
				if (slices.size() == detector.imagesPerBatch()) collected.add(images, slices, detector, times, progress, test.size());
			}
		}
		if (!slices.isEmpty()) collected.add(images, slices, detector, times, progress, test.size());
		double seconds = (System.nanoTime() - start) / 1e9 / Math.max(1, collected.names.size());
		times.addAll(detector.times());
		boolean[] l = new boolean[collected.labels.size()];
		for (int i = 0; i < l.length; i++) l[i] = collected.labels.get(i);
		List<Result> results = new ArrayList<>();
		int[] mapImage = collected.mapImage.stream().mapToInt(Integer::intValue).toArray();
		for (int m = 0; m < models.size(); m++) {
			double[] s = collected.scores.get(m).stream().mapToDouble(Double::doubleValue).toArray();
			Roc roc = Roc.of(s, l);
			List<float[]> maps = collected.maps.get(m);
			results.add(new Result(collected.names, collected.classes, s, l, roc, F1Max.of(roc),
					PixelMetrics.of(maps, collected.masks, collected.width, collected.height), seconds, times.seconds(),
					ClassMetrics.of(collected.classes, s, l, maps, collected.masks, mapImage, collected.width, collected.height)));
		}
		return results;
	}

	/** Scores, maps and masks of the images detected so far, per model. */
	private static final class Collected {
		final List<String> names = new ArrayList<>();
		final List<Boolean> labels = new ArrayList<>();
		final List<String> classes = new ArrayList<>();
		final List<boolean[]> masks = new ArrayList<>();
		final List<Integer> mapImage = new ArrayList<>();
		final List<List<Double>> scores = new ArrayList<>();
		final List<List<float[]>> maps = new ArrayList<>();
		final Preprocessor preprocessor;
		final InputCheck inputCheck;
		int width = -1, height = -1;

		Collected(int models, Preprocessor preprocessor, InputCheck inputCheck) {
			this.preprocessor = preprocessor;
			this.inputCheck = inputCheck;
			for (int m = 0; m < models; m++) {
				scores.add(new ArrayList<>());
				maps.add(new ArrayList<>());
			}
		}

		/** Detects a batch of slices (each with the labelled image it came from); the lists are emptied. */
		void add(List<LabelledImage> images, List<NamedSlice> slices, Detector detector, PhaseTimes times, Progress progress, int total) {
			progress.checkCancelled();
			List<List<Detection>> detections = detector.detectAll(slices);
			for (int i = 0; i < slices.size(); i++) {
				LabelledImage image = images.get(i);
				NamedSlice slice = slices.get(i);
				ImageProcessor mask = image.mask() == null ? null : times.time(Steps.READING, () -> ImageFolder.open(image.mask()).getProcessor());
				if (mask != null && (mask.getWidth() != slice.width() || mask.getHeight() != slice.height()))
					throw new IllegalArgumentException("mask " + image.mask() + " is " + mask.getWidth() + " x " + mask.getHeight()
							+ " but its image " + image.image() + " is " + slice.width() + " x " + slice.height());
				Detection first = detections.get(i).get(0);
				inputCheck.check(first);
				for (Placement placement : first.placements()) {
					masks.add(mask == null ? new boolean[placement.width() * placement.height()] : preprocessor.mask(mask, placement));
					mapImage.add(names.size());
					width = placement.width();
					height = placement.height();
				}
				for (int m = 0; m < scores.size(); m++) {
					maps.get(m).addAll(detections.get(i).get(m).networkMaps());
					scores.get(m).add((double) detections.get(i).get(m).score());
				}
				names.add(slice.name());
				labels.add(image.anomalous());
				classes.add(image.category());
			}
			images.clear();
			slices.clear();
			progress.report("Evaluating", names.size(), total);
		}
	}

	static String name(Path image, Path base) {
		Path p = base == null ? image.getFileName() : base.toAbsolutePath().relativize(image.toAbsolutePath());
		return p.toString().replace('\\', '/');
	}
}
