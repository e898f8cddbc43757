package org.npad.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import org.npad.backbone.KerasResNet50Backbone;
import org.npad.compute.BatchedInverse;
import org.npad.dataset.LabelledImage;
import org.npad.method.NpadModel;
import org.npad.method.PositionGaussians;
import org.npad.method.Precisions;
import org.npad.model.ModelFile;
import org.npad.model.TrainedModel;
import org.npad.pipeline.Evaluation;
import org.npad.pipeline.FeatureSource;
import org.npad.pipeline.Progress;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What sharing covariances between positions costs: the cheapest representation of the per-position
 * Gaussians issue 5 asks about, beyond float16 and packed triangles. The precisions are the model's
 * bulk (H W of them per module); with one covariance per b x b block of positions there are
 * ceil(H/b) ceil(W/b). Each block's covariance is the mean of its positions' covariances (each with
 * its ridge), i.e. the pooled within-position covariance, and every position of the block is scored
 * with its inverse; the means stay per position. b = 1 is the model as trained.
 *
 * <p>Usage (class path as for {@link EngineBenchmark}, and -Dnpad.backbone.weights=...):
 * {@code SharedCovarianceStudy model=FILE data=split.csv [every=2] [blocks=1,4,56]}.
 */
public final class SharedCovarianceStudy {

	private SharedCovarianceStudy() {
	}

	public static void main(String[] args) throws Exception {
		Map<String, String> a = EngineBenchmark.arguments(args);
		Path modelFile = Path.of(a.get("model"));
		Path data = Path.of(a.get("data"));
		int every = Integer.parseInt(a.getOrDefault("every", "2"));
		List<LabelledImage> test = ScoredMaps.testImages(data, every);
		Path base = data.toAbsolutePath().getParent();
		try (KerasResNet50Backbone backbone = KerasResNet50Backbone.load(Device.cpu())) {
			for (String b : a.getOrDefault("blocks", "1,4,56").split(",")) {
				int block = Integer.parseInt(b.trim());
				try (NDManager m = NDManager.newBaseManager(); TrainedModel trained = ModelFile.read(modelFile, m)) {
					NpadModel model = trained.model();
					long start = System.nanoTime();
					long shared = 0;
					for (PositionGaussians g : new PositionGaussians[] {model.moduleA(), model.moduleB()})
						if (g != null) shared += share(g, model.height(), model.width(), block);
					double seconds = (System.nanoTime() - start) / 1e9;
					Evaluation.Result r = Evaluation.run(trained, FeatureSource.of(backbone, model, m), 8, test, base,
							Progress.NONE);
					long d = model.channels().length;
					System.out.printf(Locale.ROOT, "block %d: %d precisions (%.1f MB float32 packed), pooling %.1f s; %d test images: "
									+ "image AUROC %.2f, pixel AUROC %.2f, PRO %.2f%n", block, shared, shared * d * (d + 1) / 2 * 4 / 1e6,
							seconds, test.size(), 100 * r.imageAuroc(), 100 * r.pixelAuroc(), 100 * r.pro());
				}
			}
		}
	}

	/**
	 * Replaces, in place, every precision of a block by the inverse of the block's mean covariance.
	 *
	 * @return how many distinct precisions remain
	 */
	private static int share(PositionGaussians g, int height, int width, int block) {
		if (block <= 1) return height * width;
		Precisions precision = g.precision();
		int d = g.channels(), count = 0;
		for (int top = 0; top < height; top += block) {
			for (int left = 0; left < width; left += block) {
				try (NDScope scope = new NDScope()) {
					NDArray sum = g.mean().getManager().zeros(new Shape(d, d));
					List<int[]> rows = new ArrayList<>();
					int members = 0;
					for (int h = top; h < Math.min(height, top + block); h++) {
						int from = h * width + left, to = h * width + Math.min(width, left + block);
						rows.add(new int[] {from, to});
						members += to - from;
						try (NDScope perRow = new NDScope()) { // one row's inverses at a time
							sum.addi(BatchedInverse.selected().invert(precision.matrices(from, to)).sum(new int[] {0}));
						}
					}
					NDArray pooled = BatchedInverse.selected().invert(sum.div(members).reshape(1, d, d));
					pooled = pooled.add(pooled.transpose(0, 2, 1)).div(2);
					for (int[] row : rows) precision.set(row[0], pooled.broadcast(row[1] - row[0], d, d));
				}
				count++;
			}
		}
		return count;
	}
}
