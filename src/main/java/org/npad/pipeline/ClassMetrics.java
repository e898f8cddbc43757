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
 * <p>The last two figures say what the pooled pixel AUROC is made of. Pooled pixel AUROC is the mean,
 * over all marked pixels, of the share of unmarked pixels each one outscores (Mann-Whitney), so it
 * is exactly the mean of {@code pooledPixelAuroc} weighted by {@code defectPixelShare}: a class with
 * large masks decides it (on MTD the Uneven zones hold 72 % of all marked pixels).
 *
 * @param name             the class as the data set names it
 * @param anomalousImages  its anomalous test images
 * @param imageAuroc       in [0, 1]
 * @param pixelAuroc       in [0, 1]; NaN where none of its masks marks a pixel
 * @param pro              normalised to FPR 0.3; NaN as pixel AUROC
 * @param defectPixelShare its marked pixels over all marked pixels of the test set, in [0, 1]
 * @param pooledPixelAuroc its marked pixels against every unmarked pixel of the test set (nominal
 *                         images and the rest of every defective image), in [0, 1]; NaN as pixel AUROC
 */
public record ClassMetrics(String name, int anomalousImages, double imageAuroc, double pixelAuroc, double pro,
		double defectPixelShare, double pooledPixelAuroc) {

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
		List<float[]> unmarked = new ArrayList<>();
		long allMarked = 0;
		for (int j = 0; j < maps.size(); j++) {
			int n = marked(masks.get(j));
			allMarked += n;
			unmarked.add(n == 0 ? maps.get(j) : unmarkedPixels(maps.get(j), masks.get(j), n));
		}
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
			List<float[]> m = new ArrayList<>(), pooledMaps = new ArrayList<>();
			List<boolean[]> k = new ArrayList<>(), pooledMasks = new ArrayList<>();
			long classMarked = 0;
			for (int j = 0; j < maps.size(); j++) {
				boolean own = labels[mapImage[j]] && classes.get(mapImage[j]).equals(name);
				if (own) classMarked += marked(masks.get(j));
				if (member[mapImage[j]]) {
					m.add(maps.get(j));
					k.add(masks.get(j));
				}
				pooledMaps.add(own ? maps.get(j) : unmarked.get(j));
				pooledMasks.add(own ? masks.get(j) : new boolean[unmarked.get(j).length]);
			}
			double imageAuroc = Roc.of(s, l).auroc();
			if (classMarked == 0) {
				out.add(new ClassMetrics(name, anomalous, imageAuroc, Double.NaN, Double.NaN, 0, Double.NaN));
			} else {
				PixelMetrics p = PixelMetrics.of(m, k, width, height);
				out.add(new ClassMetrics(name, anomalous, imageAuroc, p.roc().auroc(), p.pro().integrated(),
						(double) classMarked / allMarked, Roc.ofPixels(pooledMaps, pooledMasks).auroc()));
			}
		}
		return out;
	}

	private static int marked(boolean[] mask) {
		int n = 0;
		for (boolean b : mask) if (b) n++;
		return n;
	}

	/** The scores of a map's unmarked pixels: what another class's defect pixels compete with in the pooled figure. */
	private static float[] unmarkedPixels(float[] map, boolean[] mask, int marked) {
		float[] out = new float[map.length - marked];
		for (int j = 0, o = 0; j < map.length; j++) if (!mask[j]) out[o++] = map[j];
		return out;
	}
}
