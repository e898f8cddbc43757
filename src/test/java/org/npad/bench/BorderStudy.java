package org.npad.bench;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import org.npad.backbone.KerasResNet50Backbone;
import org.npad.dataset.LabelledImage;
import org.npad.image.ImageFolder;
import org.npad.image.NamedSlice;
import org.npad.method.ImageScoreKind;
import org.npad.method.NpadConfig;
import org.npad.method.NpadModel;
import org.npad.method.PixelMapKind;
import org.npad.metrics.Roc;
import org.npad.model.ModelFile;
import org.npad.model.TrainedModel;
import org.npad.pipeline.Detection;
import org.npad.pipeline.Detector;
import org.npad.pipeline.FeatureSource;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where nominal images are hottest: for the fused, D1 and D2 maps of a trained model, how many
 * nominal test images have their maximum within {@code band} pixels of the network input's border,
 * the mean nominal map value there and inside, and the image AUROC with the maximum taken inside
 * only. A diagnostic of border effects (docs/benchmarks.md), not a method: defects at the border
 * count as much as any other.
 *
 * <p>Usage (class path as for {@link EngineBenchmark}): {@code BorderStudy model=FILE data=split.csv
 * [band=12] [every=1]} (every k-th test image).
 */
public final class BorderStudy {

	public static void main(String[] args) throws Exception {
		Map<String, String> a = EngineBenchmark.arguments(args);
		int band = Integer.parseInt(a.getOrDefault("band", "12"));
		int every = Integer.parseInt(a.getOrDefault("every", "1"));
		List<LabelledImage> test = ScoredMaps.testImages(Path.of(a.get("data")), every);
		PixelMapKind[] maps = {PixelMapKind.FUSED, PixelMapKind.D1, PixelMapKind.D2};
		try (NDManager m = NDManager.newBaseManager(); KerasResNet50Backbone backbone = KerasResNet50Backbone.load(Device.cpu());
				TrainedModel trained = ModelFile.read(Path.of(a.get("model")), m)) {
			List<NpadModel> models = new ArrayList<>();
			for (PixelMapKind map : maps) {
				NpadConfig c = trained.model().config().withPixelMap(map).withImageScore(ImageScoreKind.MAX_PIXEL);
				models.add(trained.model().withInference(c));
			}
			Detector detector = new Detector(models, trained.preprocessing(), FeatureSource.of(backbone, trained.model(), m), 8);
			List<List<float[]>> perModel = new ArrayList<>();
			for (int v = 0; v < maps.length; v++) perModel.add(new ArrayList<>());
			boolean[] labels = new boolean[test.size()];
			List<NamedSlice> batch = new ArrayList<>();
			for (int i = 0; i < test.size(); i++) {
				labels[i] = test.get(i).anomalous();
				batch.add(ImageFolder.read(test.get(i).image(), test.get(i).image().toString()).get(0));
				if (batch.size() == detector.imagesPerBatch() || i == test.size() - 1) {
					for (List<Detection> detections : detector.detectAll(batch))
						for (int v = 0; v < maps.length; v++) perModel.get(v).add(detections.get(v).networkMaps().get(0));
					batch.clear();
				}
			}
			for (int v = 0; v < maps.length; v++) report(maps[v], perModel.get(v), labels, band);
		}
	}

	private static void report(PixelMapKind kind, List<float[]> maps, boolean[] labels, int band) {
		int side = (int) Math.round(Math.sqrt(maps.get(0).length));
		double[] whole = new double[maps.size()], inside = new double[maps.size()];
		int nominal = 0, nominalAtBorder = 0, anomalousAtBorder = 0;
		double borderSum = 0, insideSum = 0;
		long borderCount = 0, insideCount = 0;
		for (int i = 0; i < maps.size(); i++) {
			float[] map = maps.get(i);
			int argmax = 0;
			whole[i] = inside[i] = Double.NEGATIVE_INFINITY;
			for (int p = 0; p < map.length; p++) {
				boolean border = inBand(p, side, band);
				if (map[p] > whole[i]) { whole[i] = map[p]; argmax = p; }
				if (!border) inside[i] = Math.max(inside[i], map[p]);
				if (labels[i]) continue;
				if (border) { borderSum += map[p]; borderCount++; } else { insideSum += map[p]; insideCount++; }
			}
			if (!labels[i]) nominal++;
			if (inBand(argmax, side, band)) {
				if (labels[i]) anomalousAtBorder++; else nominalAtBorder++;
			}
		}
		double bandShare = 1 - Math.pow((side - 2.0 * band) / side, 2);
		System.out.printf(Locale.ROOT, "%-6s maximum in the %d px band (%.0f %% of the area): %d of %d nominal, %d of %d anomalous images;"
						+ " nominal mean there %.2f, inside %.2f; image AUROC %.2f, inside only %.2f%n",
				kind.name().toLowerCase(Locale.ROOT), band, 100 * bandShare, nominalAtBorder, nominal, anomalousAtBorder, maps.size() - nominal,
				borderSum / borderCount, insideSum / insideCount, 100 * Roc.of(whole, labels).auroc(), 100 * Roc.of(inside, labels).auroc());
	}

	private static boolean inBand(int p, int side, int band) {
		int y = p / side, x = p % side;
		return y < band || x < band || y >= side - band || x >= side - band;
	}
}
