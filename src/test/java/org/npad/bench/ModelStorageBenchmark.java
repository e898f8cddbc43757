package org.npad.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.npad.backbone.BackboneIdentity;
import org.npad.image.Preprocessing;
import org.npad.image.PixelSizeRange;
import org.npad.image.SizeRange;
import org.npad.method.CentroidBank;
import org.npad.method.Float32Precisions;
import org.npad.method.NpadConfig;
import org.npad.method.NpadModel;
import org.npad.method.PositionGaussians;
import org.npad.model.ModelFile;
import org.npad.model.Provenance;
import org.npad.model.Thresholds;
import org.npad.model.TrainedModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Model file size, write and read time per storage option at d = 150 and d = 550 on a 56 x 56 map
 * (modules A and B and a centroid bank of 0.1 x 100 images x positions), and what float16 storage
 * does to Mahalanobis distances.
 *
 * <p>The precisions are real inverses of ridge-regularised sample covariances (N = 200 samples of a
 * low-rank-plus-noise feature model, eps = 0.01, so most of the spectrum sits at 1 / eps as with
 * d > N in practice), a few of them tiled over all positions: size and speed do not depend on the
 * values. At d = 550 one precision array is 3.8 GB; unless the argument "full" is given the d = 550
 * model has 1/8 of the positions and the figures are also extrapolated linearly to 3136 positions.
 * Read times are from a warm page cache (the file was just written). Distances are the read
 * model's, so they hold the in-memory format too ({@code -Dnpad.precision}, float16 by default):
 * run with {@code -Dnpad.precision=float32} to see the file's rounding alone.
 *
 * <p>Run: {@code java -cp target/classes:target/test-classes:<dependencies> org.npad.bench.ModelStorageBenchmark [full]}
 */
public final class ModelStorageBenchmark {

	private static final int MAP = 56, POSITIONS = MAP * MAP, TEMPLATES = 4, SAMPLES = 200, RANK = 64, VECTORS = 256;
	private static final double EPSILON = 0.01;

	private ModelStorageBenchmark() {
	}

	public static void main(String[] args) throws IOException {
		boolean full = args.length > 0 && args[0].equals("full");
		Path dir = Files.createTempDirectory("npad-model-bench");
		try (NDManager manager = NDManager.newBaseManager()) {
			run(manager, dir, 150, POSITIONS);
			run(manager, dir, 550, full ? POSITIONS : POSITIONS / 8);
		} finally {
			try (var files = Files.list(dir)) {
				for (Path p : files.toList()) Files.delete(p);
			}
			Files.delete(dir);
		}
	}

	private static void run(NDManager parent, Path dir, int d, int positions) throws IOException {
		double scale = (double) POSITIONS / positions;
		int bankSize = (int) (0.1 * 100 * positions);
		System.out.printf(Locale.ROOT, "%nd = %d, %d positions%s, modules A and B, bank %d x %d%n", d, positions,
				scale == 1 ? "" : String.format(Locale.ROOT, " (1/%.0f of %d; 'x%.0f' columns extrapolate)", scale, POSITIONS, scale),
				bankSize, d);
		System.out.println(scale == 1
				? "storage          file MB   write s   read s   max rel. error of Mahalanobis distance (nominal / anomalous)"
				: "storage          file MB   write s   read s   | x8: file MB  write s  read s | max rel. error of distance (nominal / anomalous)");
		try (NDManager m = parent.newSubManager()) {
			Random random = new Random(d);
			NDArray[] centres = new NDArray[TEMPLATES];
			NDArray[] means = new NDArray[TEMPLATES];
			NDArray[] precisions = new NDArray[TEMPLATES];
			NDArray[] loadings = new NDArray[TEMPLATES];
			for (int t = 0; t < TEMPLATES; t++) {
				centres[t] = m.create(positive(random, d));
				loadings[t] = m.create(decayingLoadings(random, d), new Shape(RANK, d));
				NDArray samples = draw(m, random, centres[t], loadings[t], SAMPLES);
				means[t] = samples.mean(new int[] {0});
				NDArray centred = samples.sub(means[t]);
				precisions[t] = centred.transpose().matMul(centred).div(SAMPLES - 1).add(m.eye(d).mul(EPSILON)).inverse();
			}
			NDArray mean = NDArrays.stack(new NDList(means)).tile(new long[] {positions / TEMPLATES, 1});
			NDArray precision = NDArrays.stack(new NDList(precisions)).tile(new long[] {positions / TEMPLATES, 1, 1});
			NDArray bank = m.randomNormal(new Shape(bankSize, d));
			NpadModel npad = new NpadModel(NpadConfig.paper().withChannels(d), channels(d), MAP, positions / MAP, SAMPLES,
					new PositionGaussians(mean, new Float32Precisions(precision)), new PositionGaussians(mean, new Float32Precisions(precision)),
					new CentroidBank(bank), Double.NaN, null);
			TrainedModel model = new TrainedModel(npad, new BackboneIdentity("benchmark", "00"), Preprocessing.defaults(),
					Thresholds.none(99.5), Provenance.now(List.of(), Double.NaN, SizeRange.UNKNOWN, PixelSizeRange.UNKNOWN));

			NDArray nominal = NDArrays.stack(new NDList(range(TEMPLATES, t -> draw(m, random, centres[t], loadings[t], VECTORS))));
			NDArray anomalous = nominal.add(m.randomNormal(0, 0.5f, nominal.getShape(), nominal.getDataType()));
			NDArray nominalReference = distances(model.model().moduleA(), nominal);
			NDArray anomalousReference = distances(model.model().moduleA(), anomalous);

			for (ModelFile.Storage storage : ModelFile.Storage.values()) {
				Path file = dir.resolve(storage.fileName() + ModelFile.EXTENSION);
				long start = System.nanoTime();
				ModelFile.write(model, file, storage);
				double write = (System.nanoTime() - start) / 1e9;
				double mb = Files.size(file) / 1e6;
				start = System.nanoTime();
				try (NDManager readManager = m.newSubManager(); TrainedModel read = ModelFile.read(file, readManager)) {
					double readSeconds = (System.nanoTime() - start) / 1e9;
					PositionGaussians stored = read.model().moduleA();
					double nominalError = maxRelativeError(nominalReference, distances(stored, nominal));
					double anomalousError = maxRelativeError(anomalousReference, distances(stored, anomalous));
					PositionGaussians storedPrecisionOnly = new PositionGaussians(mean, stored.precision());
					double nominalMedian = medianRelativeError(nominalReference, distances(stored, nominal));
					double precisionOnlyError = maxRelativeError(nominalReference, distances(storedPrecisionOnly, nominal));
					String extrapolated = scale == 1 ? "" : String.format(Locale.ROOT, " | %11.0f %8.2f %7.2f |", mb * scale, write * scale, readSeconds * scale);
					System.out.printf(Locale.ROOT, "%-15s %8.1f %9.2f %8.2f%s   %.2e / %.2e  (nominal median %.1e; stored precision with exact mean: %.2e)%n",
							storage.fileName(), mb, write, readSeconds, extrapolated, nominalError, anomalousError, nominalMedian, precisionOnlyError);
				}
				Files.delete(file);
			}
			System.out.printf(Locale.ROOT, "(distances: nominal median %.1f, anomalous median %.1f over %d vectors at %d Gaussians)%n",
					median(nominalReference), median(anomalousReference), VECTORS * TEMPLATES, TEMPLATES);
		}
	}

	/** Mahalanobis distances of x (TEMPLATES x M x d) to the first TEMPLATES positions, with their stored values. */
	private static NDArray distances(PositionGaussians g, NDArray x) {
		Float32Precisions first = new Float32Precisions(g.precision().matrices(0, TEMPLATES));
		return first.squaredDistances(x, g.mean().get("0:" + TEMPLATES)).sqrt();
	}

	private static double maxRelativeError(NDArray reference, NDArray other) {
		return other.sub(reference).abs().div(reference).max().getFloat();
	}

	private static double medianRelativeError(NDArray reference, NDArray other) {
		return median(other.sub(reference).abs().div(reference));
	}

	private static double median(NDArray a) {
		float[] v = a.toFloatArray();
		java.util.Arrays.sort(v);
		return v[v.length / 2];
	}

	/** count x d draws of centre + z W + noise, z ~ N(0, I_RANK), noise sd 0.3. */
	private static NDArray draw(NDManager m, Random random, NDArray centre, NDArray loadings, int count) {
		float[] z = new float[count * RANK];
		for (int i = 0; i < z.length; i++) z[i] = (float) random.nextGaussian();
		int d = (int) centre.getShape().get(0);
		float[] noise = new float[count * d];
		for (int i = 0; i < noise.length; i++) noise[i] = (float) (0.3 * random.nextGaussian());
		return m.create(z, new Shape(count, RANK)).matMul(loadings).add(centre).add(m.create(noise, new Shape(count, d)));
	}

	/** Latent factor k has scale 2 / sqrt(k + 1): a decaying spectrum like that of CNN features. */
	private static float[] decayingLoadings(Random random, int d) {
		float[] w = new float[RANK * d];
		for (int k = 0; k < RANK; k++) {
			for (int j = 0; j < d; j++) w[k * d + j] = (float) (2 / Math.sqrt(k + 1) * random.nextGaussian());
		}
		return w;
	}

	private static float[] positive(Random random, int d) {
		float[] v = new float[d];
		for (int i = 0; i < d; i++) v[i] = (float) Math.abs(2 * random.nextGaussian());
		return v;
	}

	private static int[] channels(int d) {
		int[] c = new int[d];
		for (int i = 0; i < d; i++) c[i] = i;
		return c;
	}

	private static NDArray[] range(int n, java.util.function.IntFunction<NDArray> f) {
		NDArray[] a = new NDArray[n];
		for (int i = 0; i < n; i++) a[i] = f.apply(i);
		return a;
	}
}
