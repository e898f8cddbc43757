package org.npad.bench;

import ai.djl.Device;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import org.npad.backbone.BackboneIdentity;
import org.npad.backbone.FeatureExtractor;
import org.npad.backbone.KerasResNet50Backbone;
import org.npad.image.Preprocessing;
import org.npad.image.PixelSizeRange;
import org.npad.image.SizeRange;
import org.npad.method.CentroidBank;
import org.npad.method.ChannelSelection;
import org.npad.method.FeatureAggregation;
import org.npad.method.FeatureLayout;
import org.npad.method.ImageScoreKind;
import org.npad.method.NpadConfig;
import org.npad.method.NpadModel;
import org.npad.method.NpadScorer;
import org.npad.method.NpadTrainer;
import org.npad.method.PrecisionFormat;
import org.npad.model.ModelFile;
import org.npad.model.Provenance;
import org.npad.model.Thresholds;
import org.npad.model.TrainedModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

/**
 * What the engine costs for one preset on synthetic ResNet-50-sized features (1792 channels of a
 * 56 x 56 map): channel counting, streaming training per image, the one-off finish (covariance
 * inverses, neighbour weights, centroid bank), scoring per image without and with shifting,
 * peak memory, and the model's size in memory and on file.
 *
 * <p>The features are ReLU(W z + b + noise) with a 48-dimensional latent z smoothed over 3 x 3
 * positions and per-channel biases that make some channels mostly zero, so the channel rule has
 * something to choose. The cost of every step depends on the shapes, not on the values.
 *
 * <p>The full 56 x 56 map does not fit a 10 GB budget at either preset: module A's finish keeps
 * dozens of chunk-sized temporaries (up to 128 MB each) alive at once, about 8 GB at d = 550 on
 * any map of 110 positions or more, and at d = 150 on 56 x 56 it passed 11 GB. The defaults are
 * therefore 28 x 28 for d = 150 and 14 x 14 for d = 550, and every per-position cost is also
 * printed extrapolated linearly to 3136 positions; the streaming bank, whose per-image k-means
 * is quadratic in positions, is measured on one batch of full-size maps instead. Shifting (eq. 15)
 * scores (r + 1)^2 copies, each through the backbone and the engine, so its cost is stated as
 * 25 x (backbone + engine) rather than run.
 *
 * <p>Usage: {@code EngineBenchmark [preset=accurate|fast] [d=...] [n=...] [side=...] [batch=8]
 * [batches=3] [backbone=<weight file>|none] [dir=/tmp]}
 */
public final class EngineBenchmark {

	private static final int CHANNELS = 1792, FULL_SIDE = 56, LATENT = 48, SHIFT = 4;
	private static final String DEFAULT_WEIGHTS = ".build/backbone/resources/org/npad/backbone/keras-resnet50-imagenet.npw";

	private EngineBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		Map<String, String> a = arguments(args);
		NpadConfig config = NpadConfig.preset(a.getOrDefault("preset", "accurate"));
		if (a.containsKey("d")) config = config.withChannels(Integer.parseInt(a.get("d")));
		int d = config.channels();
		int n = Integer.parseInt(a.getOrDefault("n", d > 300 ? "32" : "64"));
		int side = Integer.parseInt(a.getOrDefault("side", d > 300 ? "14" : "28"));
		int batch = Integer.parseInt(a.getOrDefault("batch", "8"));
		int scoreBatches = Integer.parseInt(a.getOrDefault("batches", "3"));
		String backbone = a.getOrDefault("backbone", DEFAULT_WEIGHTS);
		Path dir = Path.of(a.getOrDefault("dir", System.getProperty("java.io.tmpdir")));
		double scale = (double) FULL_SIDE * FULL_SIDE / (side * side);

		Engine engine = Engine.getEngine("PyTorch");
		System.out.printf(Locale.ROOT, "engine %s %s, %d JVM processors, load average %s%n", engine.getEngineName(),
				engine.getVersion(), Runtime.getRuntime().availableProcessors(), loadAverage());
		System.out.printf(Locale.ROOT, "preset %s: d = %d (%s), p = %d, q = %d, k-means cap %d; N = %d, map %d x %d%s%n",
				a.getOrDefault("preset", "accurate"), d, config.channelRule(), config.trainNeighbourhood(),
				config.inferNeighbourhood(), config.kmeansIterations(), n, side, side,
				scale == 1 ? "" : String.format(Locale.ROOT, " (1/%.0f of the positions; 'x%.0f' figures extrapolate linearly)", scale, scale));

		try (NDManager manager = NDManager.newBaseManager()) {
			System.out.printf(Locale.ROOT, "machine now: 2048 x 2048 float32 matMul at %.1f GFLOP/s (the yardstick for scaling these times)%n",
					matMulGflops(manager));
			Synthetic synthetic = new Synthetic(side, 1);
			long baseline = Memory.rss();

			ChannelSelection selection = new ChannelSelection(CHANNELS);
			double counting = 0;
			for (int from = 0; from < n; from += batch) {
				try (NDManager m = manager.newSubManager()) {
					NDArray all = synthetic.images(m, from, Math.min(batch, n - from));
					long start = System.nanoTime();
					selection.count(all);
					counting += seconds(start);
				}
			}
			int[] kept = selection.select(config);
			long hwmCounting = Memory.peak(); // making the 1792-channel synthetic maps, before any statistics
			NDArray keptIndex = manager.create(toLongs(kept));

			// the bank is trained beside the moments, not inside the trainer, so that its cost (quadratic
			// in the positions of one image: K = 0.1 P centroids for P vectors) is timed on its own
			NpadConfig moments = config.withImageScore(ImageScoreKind.MAX_PIXEL);
			FeatureAggregation aggregation = new FeatureAggregation(config.trainNeighbourhood());
			double training = 0, banking = 0;
			NpadModel model;
			try (NDManager inputs = manager.newSubManager();
					NpadTrainer trainer = new NpadTrainer(moments, kept, side, side, manager);
					CentroidBank.Builder bank = new CentroidBank.Builder(config, manager)) {
				List<NDArray> batches = keptBatches(synthetic, inputs, 0, n, batch, keptIndex);
				Memory.resetPeak();
				for (NDArray features : batches) {
					long start = System.nanoTime();
					trainer.add(features);
					training += seconds(start);
					try (NDScope scope = new NDScope()) {
						NDArray phi = FeatureLayout.positionMajor(aggregation.apply(features));
						start = System.nanoTime();
						bank.add(phi);
						banking += seconds(start);
					}
				}
				long hwmTraining = Memory.peak();
				inputs.close();
				Memory.resetPeak();
				long start = System.nanoTime();
				NpadModel statistics = trainer.finish(manager);
				NpadModel estimated = new NpadModel(config, kept, side, side, statistics.trainingCount(), statistics.moduleA(),
						statistics.moduleB(), bank.build(manager), statistics.medianDistance(), null);
				double finish = seconds(start);
				model = estimated.in(PrecisionFormat.selected()); // as Training holds it for detection
				long hwmFinish = Memory.peak();
				double bankFull = scale == 1 ? banking / n : fullMapBankSeconds(config, keptIndex, manager, batch);
				System.out.println();
				System.out.println("step                                        measured       | full 56 x 56");
				row("channel counting, per image (all 1792)", counting / n, "s", scale);
				row("training: moments (streaming add), per image", training / n, "s", scale);
				System.out.printf(Locale.ROOT, "%-44s %10.3f s   %s%n", "training: centroid bank (k-means), per image", banking / n,
						scale == 1 ? "" : String.format(Locale.ROOT, "| %10.3f s  (measured on %d full-size maps: quadratic in positions)", bankFull, batch));
				row("finish (inverses, weights), once", finish, "s", scale);
				System.out.printf(Locale.ROOT, "training total per image at 56 x 56: %.3f s, plus %.1f s once for N = %d%n",
						(training / n) * scale + bankFull, finish * scale, n);
				System.out.printf(Locale.ROOT, "peak resident memory (VmHWM%s), MB: baseline %d; making the synthetic 1792-channel maps %d; "
								+ "training adds (N maps of kept channels held) %d; finish %d%n", Memory.RESETS ? ", per phase" : ", cumulative",
						baseline, hwmCounting, hwmTraining, hwmFinish);
				if (scale != 1) System.out.printf(Locale.ROOT, "  finish on the full map: about %.0f MB (%s)%n",
						fullMapPeak(baseline, hwmFinish, d, side * side), "3 P d x d statistics, chunk temporaries scaled to the larger chunk");
			}

			try (model; NDManager inputs = manager.newSubManager()) {
				int out = 4 * side;
				NpadScorer scorer = new NpadScorer(model, out, out);
				List<NDArray> batches = keptBatches(synthetic, inputs, n, batch * (scoreBatches + 1), batch, keptIndex);
				Memory.resetPeak();
				double scoring = 0;
				for (int b = 0; b < batches.size(); b++) { // batch 0 warms up
					long start = System.nanoTime();
					scorer.score(batches.get(b));
					if (b > 0) scoring += seconds(start);
				}
				double perImage = scoring / (scoreBatches * batch);
				long hwmScoring = Memory.peak();
				row("scoring, per image (batch " + batch + ", no shift)", perImage, "s", scale);
				row("scoring x 25 (shift r = 4), engine only", perImage * (SHIFT + 1) * (SHIFT + 1), "s", scale);
				System.out.printf(Locale.ROOT, "peak while scoring %d MB (Java heap committed %d MB, in use %d MB: the rest is libtorch's native memory)%n",
						hwmScoring, Memory.heapCommitted(), Memory.heapUsed());

				row("model in memory (sum of arrays, precisions " + PrecisionFormat.selected().name().toLowerCase(Locale.ROOT) + ")", model.bytes() / 1e6, "MB", scale);
				System.out.printf(Locale.ROOT, "  bank: %d centroids x %d%n", model.bank().size(), d);
				TrainedModel trained = new TrainedModel(model, new BackboneIdentity("synthetic", "00"), Preprocessing.defaults(),
						Thresholds.none(config.thresholdPercentile()), Provenance.now(List.of(), Double.NaN, SizeRange.UNKNOWN, PixelSizeRange.UNKNOWN));
				for (ModelFile.Storage storage : List.of(ModelFile.Storage.FLOAT32_PACKED, ModelFile.Storage.FLOAT16_PACKED)) {
					Path file = Files.createTempFile(dir, "engine-bench", ModelFile.EXTENSION);
					try {
						long start = System.nanoTime();
						ModelFile.write(trained, file, storage);
						double write = seconds(start);
						row("model file, " + storage.fileName(), Files.size(file) / 1e6, "MB", scale);
						row("  written in", write, "s", scale);
					} finally {
						Files.deleteIfExists(file);
					}
				}

				double features = backbone.equals("none") ? Double.NaN : backboneSeconds(Path.of(backbone), kept, manager, batch);
				System.out.println();
				if (Double.isNaN(features)) {
					System.out.println("backbone not measured: per image with shifting = 25 x (backbone + engine scoring)");
				} else {
					double engineFull = perImage * scale;
					System.out.printf(Locale.ROOT, "backbone + channel selection, 224 x 224, batch %d: %.3f s per image%n", batch, features);
					System.out.printf(Locale.ROOT, "detection per image at 56 x 56: no shift %.2f s (backbone %.2f + engine %.2f); "
									+ "shift r = 4: 25 x %.2f = %.1f s%n", features + engineFull, features, engineFull,
							features + engineFull, 25 * (features + engineFull));
				}
				System.out.printf(Locale.ROOT, "load average %s; matMul now %.1f GFLOP/s%n", loadAverage(), matMulGflops(manager));
			}
		}
	}

	/**
	 * Finish peak on the full map, estimated from a smaller one: the finish holds module A's
	 * scatter, its precision and module B's precision (3 P d x d float32 matrices) plus temporaries
	 * proportional to the positions of one chunk, min(P, 2^25 / d^2) (PositionGaussians' chunk).
	 */
	private static double fullMapPeak(long baseline, long peak, int d, int positions) {
		double matrix = (double) d * d * Float.BYTES / (1 << 20);
		double chunk = Math.max(1, (1L << 25) / ((long) d * d));
		double temporaries = peak - baseline - 3 * positions * matrix;
		int full = FULL_SIDE * FULL_SIDE;
		return baseline + 3 * full * matrix + temporaries * Math.min(full, chunk) / Math.min(positions, chunk);
	}

	/** Kept-channel maps first .. first + count - 1 in batches, made beforehand so that their making is neither timed nor in the peaks. */
	private static List<NDArray> keptBatches(Synthetic synthetic, NDManager owner, int first, int count, int batch, NDArray keptIndex) {
		List<NDArray> batches = new ArrayList<>();
		for (int from = first; from < first + count; from += batch) {
			try (NDManager m = owner.newSubManager()) {
				NDArray features = synthetic.images(m, from, Math.min(batch, first + count - from)).get(new NDIndex(":, {}", keptIndex));
				features.attach(owner);
				batches.add(features);
			}
		}
		return batches;
	}

	/** Seconds per image of the streaming bank on full-size 56 x 56 maps, one batch. */
	private static double fullMapBankSeconds(NpadConfig config, NDArray keptIndex, NDManager parent, int batch) {
		Synthetic full = new Synthetic(FULL_SIDE, 2);
		try (NDManager m = parent.newSubManager(); CentroidBank.Builder bank = new CentroidBank.Builder(config, m)) {
			NDArray features = full.images(m, 0, batch).get(new NDIndex(":, {}", keptIndex));
			NDArray phi = FeatureLayout.positionMajor(new FeatureAggregation(config.trainNeighbourhood()).apply(features));
			long start = System.nanoTime();
			bank.add(phi);
			return seconds(start) / batch;
		}
	}

	/** Seconds per image of the backbone with the model's channel selection, after one warm-up batch. */
	private static double backboneSeconds(Path weights, int[] kept, NDManager parent, int batch) throws IOException {
		if (!Files.isRegularFile(weights)) {
			System.out.println("(no backbone weights at " + weights + "; run scripts/fetch-backbone.sh or pass backbone=<file>)");
			return Double.NaN;
		}
		try (KerasResNet50Backbone network = KerasResNet50Backbone.load(weights, Device.cpu());
				NDManager m = parent.newSubManager()) {
			FeatureExtractor extractor = new FeatureExtractor(network, kept);
			NDArray input = m.randomUniform(0, 255, new Shape(batch, 3, 224, 224));
			double total = 0;
			int repeats = 2;
			for (int r = -1; r < repeats; r++) {
				long start = System.nanoTime();
				NDArray f = extractor.extract(input);
				f.get(0, 0, 0, 0).getFloat();
				if (r >= 0) total += seconds(start);
				f.close();
			}
			return total / (repeats * batch);
		}
	}

	/** The machine's dense float32 rate at this moment, median of three after a warm-up: it moves with the load. */
	private static double matMulGflops(NDManager parent) {
		int size = 2048;
		double[] seconds = new double[3];
		try (NDManager m = parent.newSubManager()) {
			NDArray x = m.randomUniform(-1, 1, new Shape(size, size));
			for (int r = -1; r < seconds.length; r++) {
				long start = System.nanoTime();
				x.matMul(x).getFloat(0, 0);
				if (r >= 0) seconds[r] = seconds(start);
			}
		}
		Arrays.sort(seconds);
		return 2.0 * size * size * size / seconds[1] / 1e9;
	}

	private static void row(String what, double value, String unit, double scale) {
		String extrapolated = scale == 1 ? "" : String.format(Locale.ROOT, "| %10.3f %s", value * scale, unit);
		System.out.printf(Locale.ROOT, "%-44s %10.3f %-3s %s%n", what, value, unit, extrapolated);
	}

	private static double seconds(long start) {
		return (System.nanoTime() - start) / 1e9;
	}

	private static long[] toLongs(int[] v) {
		long[] l = new long[v.length];
		for (int i = 0; i < v.length; i++) l[i] = v[i];
		return l;
	}

	private static String loadAverage() {
		try {
			String[] f = Files.readString(Path.of("/proc/loadavg")).trim().split(" ");
			return f[0] + " " + f[1] + " " + f[2];
		} catch (IOException e) {
			return "unknown";
		}
	}

	static Map<String, String> arguments(String[] args) {
		Map<String, String> m = new LinkedHashMap<>();
		for (String arg : args) {
			int eq = arg.indexOf('=');
			if (eq < 1) throw new IllegalArgumentException("arguments are key=value, got '" + arg + "'");
			m.put(arg.substring(0, eq), arg.substring(eq + 1));
		}
		return m;
	}

	/**
	 * Reproducible ReLU-like feature maps: image i is generated from its own seed, so the counting
	 * pass and the training pass see the same images.
	 */
	private static final class Synthetic {

		private final int side;
		private final long seed;
		private final float[] loadings; // CHANNELS x LATENT
		private final float[] bias;     // CHANNELS

		Synthetic(int side, long seed) {
			this.side = side;
			this.seed = seed;
			Random random = new Random(seed);
			loadings = new float[CHANNELS * LATENT];
			for (int i = 0; i < loadings.length; i++) loadings[i] = (float) (random.nextGaussian() / Math.sqrt(LATENT));
			bias = new float[CHANNELS];
			for (int c = 0; c < CHANNELS; c++) bias[c] = (float) (0.8 * random.nextGaussian() - 0.3);
		}

		/**
		 * Images first .. first + count - 1, count x 1792 x side x side, in m. Every array is created
		 * in m: an operation's result belongs to its first operand's manager.
		 */
		NDArray images(NDManager m, int first, int count) {
			int positions = side * side;
			float[] z = new float[count * LATENT * positions];
			float[] noise = new float[count * CHANNELS * positions];
			for (int i = 0; i < count; i++) {
				Random random = new Random(seed * 1_000_003L + first + i);
				for (int j = 0; j < LATENT * positions; j++) z[i * LATENT * positions + j] = (float) random.nextGaussian();
				for (int j = 0; j < CHANNELS * positions; j++) noise[i * CHANNELS * positions + j] = (float) (0.3 * random.nextGaussian());
			}
			NDArray latent = new FeatureAggregation(3).apply(m.create(z, new Shape(count, LATENT, side, side))).mul(3);
			NDArray mixed = m.create(loadings, new Shape(CHANNELS, LATENT)).matMul(latent.reshape(count, LATENT, positions));
			return mixed.add(m.create(bias, new Shape(1, CHANNELS, 1))).add(m.create(noise, new Shape(count, CHANNELS, positions)))
					.maximum(0).reshape(count, CHANNELS, side, side);
		}
	}

	/** The kernel's figures for this process, in MB. */
	private static final class Memory {

		/** Whether the peak can be reset (Linux: writing 5 to /proc/self/clear_refs); if not, peaks are cumulative. */
		static final boolean RESETS = resetPeak();

		private Memory() {
		}

		/** Sets VmHWM back to the current resident size, so that the next peak belongs to one phase. */
		static boolean resetPeak() {
			try {
				Files.writeString(Path.of("/proc/self/clear_refs"), "5");
				return true;
			} catch (IOException e) {
				return false;
			}
		}

		static long peak() {
			return status("VmHWM:");
		}

		static long rss() {
			return status("VmRSS:");
		}

		static long heapCommitted() {
			return Runtime.getRuntime().totalMemory() >> 20;
		}

		static long heapUsed() {
			Runtime r = Runtime.getRuntime();
			return (r.totalMemory() - r.freeMemory()) >> 20;
		}

		private static long status(String key) {
			try {
				for (String line : Files.readAllLines(Path.of("/proc/self/status")))
					if (line.startsWith(key)) return Long.parseLong(line.replaceAll("\\D", "")) / 1024;
			} catch (IOException | NumberFormatException e) {
				return -1;
			}
			return -1;
		}
	}
}
