package org.npad.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.npad.backbone.KerasResNet50Backbone;
import org.npad.dataset.LabelledImage;
import org.npad.model.ModelFile;
import org.npad.model.TrainedModel;
import org.npad.pipeline.Evaluation;
import org.npad.pipeline.FeatureSource;
import org.npad.pipeline.Progress;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the float16 model file costs on real data: a trained model is evaluated as written (float32
 * packed), then after a round trip through float16-packed storage, on the same test images. Both
 * are read into the in-memory format {@code -Dnpad.precision} selects (float16 by default); with
 * {@code -Dnpad.precision=float32} the study measures the file's rounding alone, as the figures in
 * docs/benchmarks.md, taken before models were held in float16, do.
 *
 * <p>Usage (class path as for {@link EngineBenchmark}, and -Dnpad.backbone.weights=...):
 * {@code StorageQualityStudy model=FILE data=split.csv [every=3]} (every k-th test image).
 */
public final class StorageQualityStudy {

	public static void main(String[] args) throws Exception {
		Map<String, String> a = EngineBenchmark.arguments(args);
		Path modelFile = Path.of(a.get("model"));
		Path data = Path.of(a.get("data"));
		int every = Integer.parseInt(a.getOrDefault("every", "3"));
		List<LabelledImage> test = ScoredMaps.testImages(data, every);
		Path base = data.toAbsolutePath().getParent();
		Path half = Files.createTempFile(modelFile.toAbsolutePath().getParent(), "float16-", ModelFile.EXTENSION);
		try (NDManager m = NDManager.newBaseManager(); KerasResNet50Backbone backbone = KerasResNet50Backbone.load(Device.cpu())) {
			Evaluation.Result full, rounded;
			try (TrainedModel model = ModelFile.read(modelFile, m)) {
				ModelFile.write(model, half, ModelFile.Storage.FLOAT16_PACKED);
				full = Evaluation.run(model, FeatureSource.of(backbone, model.model(), m), 8,
						test, base, Progress.NONE);
			}
			try (TrainedModel model = ModelFile.read(half, m)) {
				rounded = Evaluation.run(model, FeatureSource.of(backbone, model.model(), m), 8,
						test, base, Progress.NONE);
			}
			double worst = 0;
			for (int i = 0; i < full.scores().length; i++)
				worst = Math.max(worst, Math.abs(full.scores()[i] - rounded.scores()[i]) / Math.abs(full.scores()[i]));
			System.out.printf(Locale.ROOT, "%d test images; file %d MB float32 packed, %d MB float16 packed%n", test.size(),
					Files.size(modelFile) >> 20, Files.size(half) >> 20);
			System.out.printf(Locale.ROOT, "float32: image AUROC %.2f, pixel AUROC %.2f, PRO %.2f%n", 100 * full.imageAuroc(),
					100 * full.pixelAuroc(), 100 * full.pro());
			System.out.printf(Locale.ROOT, "float16: image AUROC %.2f, pixel AUROC %.2f, PRO %.2f; largest relative change of an image score %.2e%n",
					100 * rounded.imageAuroc(), 100 * rounded.pixelAuroc(), 100 * rounded.pro(), worst);
		} finally {
			Files.deleteIfExists(half);
		}
	}
}
