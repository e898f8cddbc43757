package org.npad.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.npad.method.CentroidBank;
import org.npad.method.FeatureAggregation;
import org.npad.method.FeatureLayout;
import org.npad.method.ImageScoreKind;
import org.npad.method.NpadConfig;
import org.npad.method.NpadModel;
import org.npad.method.NpadScorer;
import org.npad.method.NpadTrainer;
import org.npad.metrics.Roc;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * What the streaming centroid bank (per-image k-means, sample start) changes against the exact
 * bank of method.md (global k-means++ over all aggregated nominal vectors), on a case small enough
 * for exact k-means: the same moments and the same settings, only the bank differs.
 *
 * <p>Features: per position a Gaussian mixture in d dimensions (four components shared by all
 * positions, moved by a smooth per-position offset, each with a low-rank covariance plus noise),
 * the component drawn per position. Anomalous test maps carry one 3 x 3 patch drawn from the
 * same mixture and pushed off it by {@code strength} along a random direction. The image score is
 * the preset's top-k centroid score (eq. 12-14), which is where the bank enters; the maximum-pixel
 * score, which needs no bank, is printed beside it for reference. Exact k-means is itself random
 * (seeded k-means++ start): a second exact bank from another seed shows how much of the
 * difference any change of bank makes, and an exact bank of the streaming bank's size (per-image
 * rounding makes the streaming bank slightly smaller) separates the size from the streaming.
 *
 * <p>Usage: {@code CentroidBankStudy [seeds=1,2,3,4,5] [caps=1,3,10] [d=32] [side=12] [train=40]
 * [nominal=100] [anomalous=100] [strength=1.5]}. 100 + 100 test maps resolve the AUROC to 0.0001
 * (one pair in 10,000), well below the 0.001 that method.md allows a sampled k-means.
 */
public final class CentroidBankStudy {

	private static final int COMPONENTS = 4, RANK = 4, PATCH = 3;
	private static final double[] WEIGHTS = {0.4, 0.3, 0.2, 0.1};

	private CentroidBankStudy() {
	}

	public static void main(String[] args) {
		Map<String, String> a = new LinkedHashMap<>();
		for (String arg : args) {
			int eq = arg.indexOf('=');
			if (eq < 1) throw new IllegalArgumentException("arguments are key=value, got '" + arg + "'");
			a.put(arg.substring(0, eq), arg.substring(eq + 1));
		}
		long[] seeds = Arrays.stream(a.getOrDefault("seeds", "1,2,3,4,5").split(",")).mapToLong(Long::parseLong).toArray();
		int[] caps = Arrays.stream(a.getOrDefault("caps", "1,3,10").split(",")).mapToInt(Integer::parseInt).toArray();
		int d = Integer.parseInt(a.getOrDefault("d", "32"));
		int side = Integer.parseInt(a.getOrDefault("side", "12"));
		int train = Integer.parseInt(a.getOrDefault("train", "40"));
		int nominal = Integer.parseInt(a.getOrDefault("nominal", "100"));
		int anomalous = Integer.parseInt(a.getOrDefault("anomalous", "100"));
		double strength = Double.parseDouble(a.getOrDefault("strength", "1.5"));

		System.out.printf(Locale.ROOT, "d = %d, %d x %d maps, %d nominal training maps, test %d nominal + %d anomalous "
				+ "(3 x 3 patch pushed off by %.1f); accurate preset otherwise (p = 3, q = 2, k = 10, ratio 0.1)%n",
				d, side, side, train, nominal, anomalous, strength);
		System.out.println("seed cap | bank size stream/exact | image AUROC stream  exact  exact' exact@stream-size | stream-exact exact'-exact"
				+ " | mean rel. score diff stream exact' | quantisation stream/exact | build s stream/exact | max-pixel AUROC");
		double[][] sums = new double[caps.length][8];
		double[] worst = new double[caps.length], worstSeeds = new double[caps.length];
		try (NDManager manager = NDManager.newBaseManager()) {
			for (long seed : seeds) {
				try (NDManager m = manager.newSubManager()) {
					Mixture mixture = new Mixture(d, side, seed);
					Random random = new Random(seed * 7919);
					NDArray training = mixture.maps(m, random, train, 0);
					NDArray test = mixture.maps(m, random, nominal, 0).concat(mixture.maps(m, random, anomalous, strength), 0);
					boolean[] labels = new boolean[nominal + anomalous];
					Arrays.fill(labels, nominal, labels.length, true);
					for (int c = 0; c < caps.length; c++) {
						double[] r = compare(m, NpadConfig.accurate().withImageScore(ImageScoreKind.TOP_K_CENTROID).withChannels(d).withSeed(seed).withKmeansIterations(caps[c]),
								training, test, labels, side, seed, caps[c]);
						for (int i = 0; i < r.length; i++) sums[c][i] += r[i];
						worst[c] = Math.max(worst[c], Math.abs(r[0] - r[1]));
						worstSeeds[c] = Math.max(worstSeeds[c], Math.abs(r[2] - r[1]));
					}
				}
			}
		}
		System.out.println();
		System.out.println("over " + seeds.length + " seeds: cap | mean AUROC stream  exact  exact' exact@stream-size | mean |stream-exact|"
				+ " max | mean |exact'-exact| max | mean rel. score diff stream exact'");
		for (int c = 0; c < caps.length; c++) {
			double n = seeds.length;
			System.out.printf(Locale.ROOT, "                 %3d |          %.4f %.4f %.4f            %.4f |              %.4f %.4f |"
							+ "              %.4f %.4f |                      %.4f %.4f%n", caps[c], sums[c][0] / n, sums[c][1] / n,
					sums[c][2] / n, sums[c][7] / n, sums[c][3] / n, worst[c], sums[c][4] / n, worstSeeds[c], sums[c][5] / n, sums[c][6] / n);
		}
	}

	/**
	 * One seed and cap: the same moments with the streaming bank, the exact bank, an exact bank from
	 * another k-means seed and an exact bank of the streaming bank's size. Returns the AUROCs of the
	 * first three, |stream - exact|, |exact' - exact|, the mean relative image-score differences
	 * stream/exact and exact'/exact, and the AUROC with the size-matched exact bank.
	 */
	private static double[] compare(NDManager parent, NpadConfig config, NDArray training, NDArray test, boolean[] labels,
			int side, long seed, int cap) {
		int d = config.channels();
		int[] channels = new int[d];
		for (int i = 0; i < d; i++) channels[i] = i;
		try (NDManager m = parent.newSubManager()) {
			long start = System.nanoTime();
			NpadModel streaming;
			try (NpadTrainer trainer = new NpadTrainer(config, channels, side, side, m)) {
				trainer.add(training);
				streaming = trainer.finish(m);
			}
			double streamingSeconds = (System.nanoTime() - start) / 1e9; // includes the moments: an upper bound

			NDArray vectors = FeatureLayout.positionMajor(new FeatureAggregation(config.trainNeighbourhood()).apply(training)).reshape(-1, d);
			start = System.nanoTime();
			CentroidBank exactBank = CentroidBank.exact(vectors, config);
			double exactSeconds = (System.nanoTime() - start) / 1e9;
			CentroidBank otherBank = CentroidBank.exact(vectors, config.withSeed(seed + 1000));
			CentroidBank sizedBank = CentroidBank.exact(vectors,
					config.withCentroidRatio((double) streaming.bank().size() / vectors.getShape().get(0)));

			int out = 4 * side;
			float[] s = new NpadScorer(streaming, out, out).score(test).imageScores();
			float[] e = new NpadScorer(withBank(streaming, exactBank), out, out).score(test).imageScores();
			float[] o = new NpadScorer(withBank(streaming, otherBank), out, out).score(test).imageScores();
			float[] z = new NpadScorer(withBank(streaming, sizedBank), out, out).score(test).imageScores();
			float[] maxPixel = new NpadScorer(streaming.withInference(config.withImageScore(ImageScoreKind.MAX_PIXEL)), out, out)
					.score(test).imageScores();
			double aucStreaming = auroc(s, labels), aucExact = auroc(e, labels), aucOther = auroc(o, labels), aucSized = auroc(z, labels);
			double relative = meanRelativeDifference(s, e), relativeOther = meanRelativeDifference(o, e);
			double qStreaming = streaming.bank().nearestDistances(vectors).mean().getFloat();
			double qExact = exactBank.nearestDistances(vectors).mean().getFloat();
			System.out.printf(Locale.ROOT, "%4d %3d | %9d / %5d          | %17.4f %6.4f %6.4f %17.4f | %+12.4f %+12.4f |"
							+ " %26.4f %6.4f | %11.3f / %6.3f | %9.2f / %6.2f | %.4f%n",
					seed, cap, streaming.bank().size(), exactBank.size(), aucStreaming, aucExact, aucOther, aucSized,
					aucStreaming - aucExact, aucOther - aucExact, relative, relativeOther, qStreaming, qExact,
					streamingSeconds, exactSeconds, auroc(maxPixel, labels));
			exactBank.close();
			otherBank.close();
			sizedBank.close();
			streaming.close();
			return new double[] {aucStreaming, aucExact, aucOther, Math.abs(aucStreaming - aucExact),
					Math.abs(aucOther - aucExact), relative, relativeOther, aucSized};
		}
	}

	/** The trained model with another bank, built through the record constructor (the trainer only streams). */
	private static NpadModel withBank(NpadModel model, CentroidBank bank) {
		return new NpadModel(model.config(), model.channels(), model.height(), model.width(), model.trainingCount(),
				model.moduleA(), model.moduleB(), bank, model.medianDistance(), null);
	}

	private static double auroc(float[] scores, boolean[] labels) {
		return Roc.of(toDoubles(scores), labels).auroc();
	}

	private static double meanRelativeDifference(float[] a, float[] reference) {
		double sum = 0;
		for (int i = 0; i < a.length; i++) sum += Math.abs(a[i] - reference[i]) / reference[i];
		return sum / a.length;
	}

	private static double[] toDoubles(float[] f) {
		double[] v = new double[f.length];
		for (int i = 0; i < f.length; i++) v[i] = f[i];
		return v;
	}

	/** The nominal distribution of one seed, and maps drawn from it. */
	private static final class Mixture {

		private final int d;
		private final int side;
		private final float[][][] means;   // position x component x d
		private final float[][][] loadings; // component x RANK x d

		Mixture(int d, int side, long seed) {
			this.d = d;
			this.side = side;
			Random random = new Random(seed);
			float[][] centres = new float[COMPONENTS][d];
			loadings = new float[COMPONENTS][RANK][d];
			for (int c = 0; c < COMPONENTS; c++)
				for (int j = 0; j < d; j++) {
					centres[c][j] = (float) (2 * random.nextGaussian());
					for (int r = 0; r < RANK; r++) loadings[c][r][j] = (float) random.nextGaussian();
				}
			// a smooth offset per position: one low-frequency wave per channel
			double[] fy = new double[d], fx = new double[d], phase = new double[d];
			for (int j = 0; j < d; j++) {
				fy[j] = random.nextDouble();
				fx[j] = random.nextDouble();
				phase[j] = 2 * Math.PI * random.nextDouble();
			}
			means = new float[side * side][COMPONENTS][d];
			for (int y = 0; y < side; y++)
				for (int x = 0; x < side; x++)
					for (int c = 0; c < COMPONENTS; c++)
						for (int j = 0; j < d; j++)
							means[y * side + x][c][j] = centres[c][j]
									+ (float) (1.5 * Math.cos(2 * Math.PI * (fy[j] * y + fx[j] * x) / side + phase[j]));
		}

		/**
		 * count maps, N x d x side x side; with strength > 0 each carries a 3 x 3 patch pushed off the
		 * mixture by strength along one random unit direction (scaled by sqrt(d), so that strength is
		 * per channel).
		 */
		NDArray maps(NDManager m, Random random, int count, double strength) {
			int positions = side * side;
			float[] values = new float[count * d * positions];
			for (int i = 0; i < count; i++) {
				for (int p = 0; p < positions; p++) {
					float[] v = draw(random, p);
					for (int j = 0; j < d; j++) values[(i * d + j) * positions + p] = v[j];
				}
				if (strength > 0) {
					double[] u = new double[d];
					double norm = 0;
					for (int j = 0; j < d; j++) norm += (u[j] = random.nextGaussian()) * u[j];
					norm = Math.sqrt(norm);
					int y0 = random.nextInt(side - PATCH + 1), x0 = random.nextInt(side - PATCH + 1);
					for (int y = y0; y < y0 + PATCH; y++)
						for (int x = x0; x < x0 + PATCH; x++)
							for (int j = 0; j < d; j++)
								values[(i * d + j) * positions + y * side + x] += (float) (strength * Math.sqrt(d) * u[j] / norm);
				}
			}
			return m.create(values, new Shape(count, d, side, side));
		}

		/** One vector of position p: a component by its weight, mean + loadings z + noise (sd 0.5). */
		private float[] draw(Random random, int p) {
			double u = random.nextDouble();
			int c = 0;
			while (c < COMPONENTS - 1 && u >= WEIGHTS[c]) u -= WEIGHTS[c++];
			float[] v = means[p][c].clone();
			for (int r = 0; r < RANK; r++) {
				float z = (float) random.nextGaussian();
				for (int j = 0; j < d; j++) v[j] += z * loadings[c][r][j];
			}
			for (int j = 0; j < d; j++) v[j] += (float) (0.5 * random.nextGaussian());
			return v;
		}
	}
}
