package org.npad.pipeline;

import org.npad.metrics.PixelMetrics;
import org.npad.metrics.Roc;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;

/**
 * The metrics of one defect class on its own: its anomalous test images against all nominal test
 * images, as MVTec AD reports per category. Pooled figures hide which defects a model misses: in
 * pooled pixel AUROC each class's defect pixels also compete with the unmarked pixels of every other
 * class's images.
 *
 * @param name            the class as the data set names it
 * @param anomalousImages its anomalous test images
 * @param imageAuroc      in [0, 1]
 * @param pixelAuroc      in [0, 1]; NaN where none of its masks marks a pixel
 * @param pro             normalised to FPR 0.3; NaN as pixel AUROC
 */
public record ClassMetrics(String name, int anomalousImages, double imageAuroc, double pixelAuroc, double pro) {

	/**
	 * One entry per class of the anomalous images, in the order they first occur; none where they
	 * all share one class (the pooled figures are then that class's).
	 *
	 * @param classes  per image, its class
	 * @param scores   per image, its score
	 * @param labels   per image, true when anomalous
	 * @param maps     the pixel maps, one or more per image (tiles), each width x height
	 * @param masks    per map, its ground truth
	 * @param mapImage per map, the index of its image
	 */
	public static List<ClassMetrics> of(List<String> classes, double[] scores, boolean[] labels, List<float[]> maps,
			List<boolean[]> masks, int[] mapImage, int width, int height) {
		Set<String> names = new LinkedHashSet<>();
		for (int i = 0; i < labels.length; i++) if (labels[i]) names.add(classes.get(i));
		List<ClassMetrics> out = new ArrayList<>();
		if (names.size() < 2) return out;
		for (String name : names) {
			int[] members = IntStream.range(0, labels.length).filter(i -> !labels[i] || classes.get(i).equals(name)).toArray();
			double[] s = new double[members.length];
			boolean[] l = new boolean[members.length];
			boolean[] member = new boolean[labels.length];
			int anomalous = 0;
			for (int o = 0; o < members.length; o++) {
				s[o] = scores[members[o]];
				l[o] = labels[members[o]];
				member[members[o]] = true;
				if (l[o]) anomalous++;
			}
			List<float[]> m = new ArrayList<>();
			List<boolean[]> k = new ArrayList<>();
			for (int j = 0; j < maps.size(); j++) {
				if (!member[mapImage[j]]) continue;
				m.add(maps.get(j));
				k.add(masks.get(j));
			}
			double imageAuroc = Roc.of(s, l).auroc();
			if (k.stream().noneMatch(ClassMetrics::marks)) {
				out.add(new ClassMetrics(name, anomalous, imageAuroc, Double.NaN, Double.NaN));
			} else {
				PixelMetrics p = PixelMetrics.of(m, k, width, height);
				out.add(new ClassMetrics(name, anomalous, imageAuroc, p.roc().auroc(), p.pro().integrated()));
			}
		}
		return out;
	}

	private static boolean marks(boolean[] mask) {
		for (boolean b : mask) if (b) return true;
		return false;
	}
}
