package org.npad.fiji;

import ij.process.ImageProcessor;
import org.npad.dataset.LabelledImage;
import org.npad.dataset.LabelledSet;
import org.npad.image.ImageFolder;
import org.npad.image.NamedSlice;
import org.npad.image.Placement;
import org.npad.image.Preprocessor;
import org.npad.metrics.F1Max;
import org.npad.metrics.PixelMetrics;
import org.npad.metrics.Roc;
import org.npad.pipeline.Detection;
import org.npad.pipeline.Progress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A model judged on a labelled test set, as method.md section 5 defines it: image AUROC and F1-max
 * over the image scores, pixel AUROC, PRO and pixel F1-max over the maps at network resolution
 * against the masks sampled to the same geometry (inside the crop, as the network saw the image).
 * This class only gathers scores and masks and hands them to the metrics.
 *
 * @param testImages      number of test images scored
 * @param anomalousImages how many of them are labelled anomalous
 * @param imageRoc        ROC of the image scores
 * @param imageF1         best image F1 and its threshold
 * @param pixels          pixel ROC, PRO and pixel F1-max
 */
record Evaluation(int testImages, int anomalousImages, Roc imageRoc, F1Max imageF1, PixelMetrics pixels) {

	/** The training images of a set, read one file at a time on each pass. */
	static Iterable<NamedSlice> trainingImages(LabelledSet set, Path base) {
		List<LabelledImage> training = set.training();
		if (training.isEmpty()) throw new IllegalArgumentException("the data set " + set.name() + " has no training images");
		return () -> training.stream().flatMap(i -> ImageFolder.read(i.image(), name(base, i.image())).stream()).iterator();
	}

	static Evaluation run(LabelledSet set, Path base, DetectionSession session, Progress progress) {
		List<LabelledImage> test = set.test();
		if (test.isEmpty()) throw new IllegalArgumentException("the data set " + set.name() + " has no test images");
		Preprocessor preprocessor = new Preprocessor(session.model().preprocessing());
		double[] scores = new double[test.size()];
		boolean[] labels = new boolean[test.size()];
		List<float[]> maps = new ArrayList<>();
		List<boolean[]> masks = new ArrayList<>();
		int anomalous = 0;
		Placement first = null;
		for (int i = 0; i < test.size(); i++) {
			progress.checkCancelled();
			LabelledImage image = test.get(i);
			Detection d = session.detect(single(image.image(), name(base, image.image())));
			scores[i] = d.score();
			labels[i] = image.anomalous();
			if (image.anomalous()) anomalous++;
			ImageProcessor mask = image.mask() == null ? null : single(image.mask(), name(base, image.mask())).processor();
			for (int p = 0; p < d.placements().size(); p++) {
				Placement placement = d.placements().get(p);
				if (first == null) first = placement;
				maps.add(d.networkMaps().get(p));
				masks.add(mask == null ? new boolean[placement.width() * placement.height()] : preprocessor.mask(mask, placement));
			}
			progress.report("N-pad: evaluating", i + 1, test.size());
		}
		Roc roc = Roc.of(scores, labels);
		return new Evaluation(test.size(), anomalous, roc, F1Max.of(roc), PixelMetrics.of(maps, masks, first.width(), first.height()));
	}

	private static NamedSlice single(Path file, String name) {
		List<NamedSlice> slices = ImageFolder.read(file, name);
		if (slices.size() != 1)
			throw new IllegalArgumentException(file + " is a stack of " + slices.size() + " slices; evaluation takes single images");
		return slices.get(0);
	}

	/** The file's path relative to the data set, or the full path for files elsewhere. */
	static String name(Path base, Path file) {
		Path a = file.toAbsolutePath().normalize();
		return a.startsWith(base) ? base.relativize(a).toString().replace('\\', '/') : a.toString();
	}
}
