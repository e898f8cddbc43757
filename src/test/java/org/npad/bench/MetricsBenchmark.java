package org.npad.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Supplier;

import org.npad.metrics.F1Max;
import org.npad.metrics.Percentile;
import org.npad.metrics.PixelMetrics;
import org.npad.metrics.Pro;
import org.npad.metrics.Roc;

/**
 * Times the pixel metrics on a test set the size of a large benchmark: 600 synthetic 224 x 224 maps
 * (30 M pixels), half of them with one to three elliptic defects, scores = noise + a bump inside the
 * defects. Run after {@code mvn -o -q test-compile}:
 * {@code java -Xmx3g -cp target/classes:target/test-classes org.npad.bench.MetricsBenchmark [images] [rounds]}.
 */
public final class MetricsBenchmark {

	private static final int SIZE = 224;

	public static void main(String[] args) {
		int images = args.length > 0 ? Integer.parseInt(args[0]) : 600;
		int rounds = args.length > 1 ? Integer.parseInt(args[1]) : 3;
		List<float[]> maps = new ArrayList<>();
		List<boolean[]> masks = new ArrayList<>();
		synthesize(images, new SplittableRandom(1), maps, masks);
		System.out.printf(Locale.ROOT, "%d maps of %d x %d = %.1f M pixels, %d processors, max heap %d MiB%n",
				images, SIZE, SIZE, images * (double) SIZE * SIZE / 1e6, Runtime.getRuntime().availableProcessors(),
				Runtime.getRuntime().maxMemory() >> 20);
		for (int round = 1; round <= rounds; round++) {
			Roc roc = time("round " + round + " pixel AUROC (Roc.ofPixels)", () -> Roc.ofPixels(maps, masks));
			F1Max f1 = time("round " + round + " pixel F1-max (from that ROC)", () -> F1Max.of(roc));
			Pro pro = time("round " + round + " PRO (Pro.of)", () -> Pro.of(maps, masks, SIZE, SIZE));
			double integrated = time("round " + round + " PRO integral to 0.3", () -> pro.integrated(0.3));
			PixelMetrics all = time("round " + round + " all three, one sort (PixelMetrics.of)", () -> PixelMetrics.of(maps, masks, SIZE, SIZE));
			List<float[]> nominal = maps.subList(0, images / 2);
			double threshold = time("round " + round + " 99.5th percentile of " + nominal.size() + " nominal maps", () -> Percentile.ofPixels(nominal, 99.5));
			System.out.printf(Locale.ROOT, "  AUROC %.4f, PRO %.4f (%d regions), F1 %.4f at %.3f; curve points ROC %d, PRO %d; p99.5 %.3f; same via PixelMetrics: %b%n",
					roc.auroc(), integrated, pro.regions(), f1.f1(), f1.threshold(), roc.size(), pro.size(), threshold,
					all.roc().auroc() == roc.auroc() && all.pro().integrated(0.3) == integrated && all.f1Max().equals(f1));
		}
	}

	/** The first half of the images is nominal (empty masks); the second half has defects. */
	private static void synthesize(int images, SplittableRandom random, List<float[]> maps, List<boolean[]> masks) {
		for (int i = 0; i < images; i++) {
			boolean[] mask = new boolean[SIZE * SIZE];
			if (i >= images / 2) {
				int defects = 1 + random.nextInt(3);
				for (int d = 0; d < defects; d++) {
					paintEllipse(mask, random.nextInt(SIZE), random.nextInt(SIZE), 2 + random.nextInt(30), 2 + random.nextInt(30));
				}
			}
			float[] map = new float[SIZE * SIZE];
			for (int p = 0; p < map.length; p++) {
				map[p] = (float) (gaussian(random) + (mask[p] ? 1.5 : 0));
			}
			maps.add(map);
			masks.add(mask);
		}
	}

	private static void paintEllipse(boolean[] mask, int cx, int cy, int rx, int ry) {
		for (int y = Math.max(0, cy - ry); y <= Math.min(SIZE - 1, cy + ry); y++) {
			for (int x = Math.max(0, cx - rx); x <= Math.min(SIZE - 1, cx + rx); x++) {
				double u = (x - cx) / (double) rx, v = (y - cy) / (double) ry;
				if (u * u + v * v <= 1) {
					mask[y * SIZE + x] = true;
				}
			}
		}
	}

	private static double gaussian(SplittableRandom random) {
		return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
	}

	private static <T> T time(String what, Supplier<T> work) {
		long start = System.nanoTime();
		T result = work.get();
		System.out.printf(Locale.ROOT, "%-60s %8.3f s%n", what, (System.nanoTime() - start) / 1e9);
		return result;
	}
}
