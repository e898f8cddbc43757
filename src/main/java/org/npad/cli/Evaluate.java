package org.npad.cli;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import com.google.gson.GsonBuilder;
import org.npad.backbone.KerasResNet50Backbone;
import org.npad.dataset.LabelledSet;
import org.npad.fiji.Devices;
import org.npad.image.Preprocessing;
import org.npad.method.ImageScoreKind;
import org.npad.method.NpadConfig;
import org.npad.method.PixelMapKind;
import org.npad.method.NpadModel;
import org.npad.method.PrecisionFormat;
import org.npad.pipeline.ClassMetrics;
import org.npad.pipeline.CsvField;
import org.npad.pipeline.Evaluation;
import org.npad.pipeline.FeatureSource;
import org.npad.pipeline.ImageOutcomes;
import org.npad.pipeline.Progress;
import org.npad.pipeline.Training;
import org.npad.model.ModelFile;
import org.npad.model.TrainedModel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/**
 * Trains on the nominal training images of a labelled set and evaluates on its test images: the
 * benchmark behind docs/benchmarks.md. Several inference variants (the paper's experiments 1-5,
 * shifting off) are scored from one training, since they share the learned statistics.
 * {@code --save-model FILE} keeps the trained model ({@code --storage float16_packed} to measure what
 * the smaller file costs) and {@code --model FILE} evaluates a kept one without training again, with
 * {@code --set} changing only its inference settings (smoothing, maps, image score, shifting).
 */
public final class Evaluate {

	private static final List<String> OPTIONS = List.of("data", "preset", "report", "batch", "train-every", "test-every", "variants", "label",
			"device", "model", "save-model", "storage");

	private Evaluate() {
	}

	public static void main(String[] args) throws IOException {
		Arguments a = new Arguments(args, OPTIONS, List.of("set", "pre"));
		Path data = Path.of(a.require("data"));
		LabelledSet set = LabelledSet.read(data);
		Path base = Files.isDirectory(data) ? data : data.toAbsolutePath().getParent();
		String modelFile = a.get("model", null);
		if (modelFile != null && (a.get("preset", null) != null || !a.settings("pre").isEmpty()))
			throw new IllegalArgumentException("--model " + modelFile + " brings its own settings: leave out --preset and --pre"
					+ " (--set takes its inference settings: " + String.join(", ", new TreeSet<>(NpadConfig.INFERENCE_SETTINGS)) + ")");
		if (modelFile != null) NpadConfig.requireInferenceSettings(a.settings("set").keySet());
		int batch = a.getInt("batch", 8);
		ModelFile.Storage storage = ModelFile.Storage.fromFileName(a.get("storage", "float32_packed")); // fails before training
		String reportDir = a.get("report", null);
		var train = every(set.training(), a.getInt("train-every", 1));
		var test = every(set.test(), a.getInt("test-every", 1));
		Progress progress = new ConsoleProgress();

		Map<String, Object> report = new LinkedHashMap<>();
		report.put("label", a.get("label", ""));
		report.put("data", data.toString());
		report.put("test_images", test.size());
		List<Map<String, Object>> rows = new ArrayList<>();
		Map<String, Evaluation.Result> byVariant = new LinkedHashMap<>();
		Device device = Devices.parse(a.get("device", Devices.CPU));
		try (NDManager manager = NDManager.newBaseManager(device);
				KerasResNet50Backbone backbone = KerasResNet50Backbone.load(device)) {
			report.put("backbone", backbone.identity());
			TrainedModel trained;
			if (modelFile != null) {
				trained = ModelFile.read(Path.of(modelFile), manager, backbone.identity());
				report.put("model", modelFile);
				report.put("model_file_bytes", Files.size(Path.of(modelFile)));
			} else {
				Preprocessing preprocessing = Preprocessing.fromMap(a.settings("pre"));
				NpadConfig config = NpadConfig.preset(a.get("preset", "accurate")).with(a.settings("set"));
				report.put("train_images", train.size());
				long t0 = System.nanoTime();
				Training training = new Training(preprocessing, config, backbone, new Training.Options(batch, 0), progress, manager);
				trained = training.run(Evaluation.slices(train, base));
				double trainSeconds = (System.nanoTime() - t0) / 1e9;
				report.put("train_seconds", trainSeconds);
				report.put("train_seconds_per_image", trainSeconds / train.size());
				report.put("train_step_seconds", training.times().seconds());
				printSteps("training", training.times().seconds(), trainSeconds, train.size());
				String saveTo = a.get("save-model", null);
				if (saveTo != null) {
					ModelFile.write(trained, Path.of(saveTo), storage);
					report.put("model_file_bytes", Files.size(Path.of(saveTo)));
				} else {
					report.put("model_file_bytes", ModelFile.bytes(trained, storage));
				}
			}
			NpadConfig config = modelFile == null ? trained.model().config() : trained.model().config().withInferenceSettings(a.settings("set"));
			report.put("settings", config.toMap());
			report.put("preprocessing", trained.preprocessing().toMap());
			report.put("model_bytes_in_memory", trained.model().bytes());
			report.put("precision_format", PrecisionFormat.selected().name().toLowerCase(Locale.ROOT)); // -Dnpad.precision
			report.put("median_neighbour_distance", trained.model().medianDistance());
			FeatureSource features = FeatureSource.of(backbone, trained.model(), manager);
			List<String> variants = new ArrayList<>();
			List<NpadConfig> distinct = new ArrayList<>(); // e.g. exp5 is npad itself when npad does not shift
			List<Integer> scoredAs = new ArrayList<>();
			for (String variant : a.get("variants", "npad").split(",")) {
				NpadConfig c = variant(variant.trim(), config);
				if (!distinct.contains(c)) distinct.add(c);
				variants.add(variant.trim());
				scoredAs.add(distinct.indexOf(c));
			}
			List<NpadModel> models = distinct.stream().map(c -> trained.model().withInference(c)).toList();
			List<Evaluation.Result> results = Evaluation.run(trained, models, features, batch, test, base, progress);
			Map<String, Double> steps = results.get(0).steps();
			double testSeconds = results.get(0).secondsPerImage() * test.size();
			// what detecting with one variant alone costs: all steps but the other variants' scoring
			double oneVariant = (testSeconds - steps.getOrDefault("scoring", 0.0) * (1 - 1.0 / models.size())) / test.size();
			report.put("test_step_seconds", steps);
			report.put("seconds_per_test_image_all_variants", testSeconds / test.size());
			printSteps("testing (" + models.size() + " distinct variants scored together)", steps, testSeconds, test.size());
			System.out.printf(Locale.ROOT, "detection with one variant alone: about %.3f s/image%n", oneVariant);
			for (int i = 0; i < variants.size(); i++) {
				Evaluation.Result r = results.get(scoredAs.get(i));
				Map<String, Object> row = new LinkedHashMap<>();
				row.put("variant", variants.get(i));
				row.put("image_auroc", 100 * r.imageAuroc());
				row.put("pixel_auroc", 100 * r.pixelAuroc());
				row.put("pro", 100 * r.pro());
				row.put("pixel_f1_max", 100 * r.pixels().f1Max().f1());
				row.put("image_f1_max", 100 * r.imageF1().f1());
				row.put("seconds_per_test_image", oneVariant); // estimated for this variant alone
				row.put("classes", r.classes().stream().map(Evaluate::classRow).toList());
				byVariant.put(variants.get(i), r);
				rows.add(row);
				System.out.printf(Locale.ROOT, "%-10s image AUROC %.2f  pixel AUROC %.2f  PRO %.2f  pixel F1 %.2f  %.3f s/image%n",
						variants.get(i), 100 * r.imageAuroc(), 100 * r.pixelAuroc(), 100 * r.pro(), 100 * r.pixels().f1Max().f1(), oneVariant);
				for (ClassMetrics c : r.classes())
					System.out.printf(Locale.ROOT, "  %-12s image AUROC %.2f  pixel AUROC %.2f  PRO %.2f  (%d images; %.1f %% of the defect pixels, %.2f against all unmarked)%n",
							c.name(), 100 * c.imageAuroc(), 100 * c.pixelAuroc(), 100 * c.pro(), c.anomalousImages(), 100 * c.defectPixelShare(),
							100 * c.pooledPixelAuroc());
			}
		}
		report.put("peak_memory_mib", PeakMemory.mebibytes());
		report.put("results", rows);
		if (reportDir != null) write(Path.of(reportDir), a.get("label", "evaluation"), report, rows, byVariant);
	}

	private static Map<String, Object> classRow(ClassMetrics c) {
		Map<String, Object> row = new LinkedHashMap<>();
		row.put("class", c.name());
		row.put("anomalous_images", c.anomalousImages());
		row.put("image_auroc", 100 * c.imageAuroc());
		row.put("pixel_auroc", 100 * c.pixelAuroc());
		row.put("pro", 100 * c.pro());
		row.put("defect_pixel_share", 100 * c.defectPixelShare());
		row.put("pooled_pixel_auroc", 100 * c.pooledPixelAuroc());
		return row;
	}

	private static void printSteps(String what, Map<String, Double> steps, double total, int images) {
		StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%s: %.1f s, %.3f s/image;", what, total, total / images));
		steps.forEach((step, seconds) -> line.append(String.format(Locale.ROOT, " %s %.1f s,", step, seconds)));
		System.out.println(line.substring(0, line.length() - 1));
	}

	/**
	 * "npad" is the trained configuration; "exp1".."exp5" the paper's ablations; "noshift" the trained
	 * one without shifting; "maxpixel" / "toppixels" / "topk" its image score (topk needs a model trained with
	 * image_score=top_k_centroid, which learns the centroid bank); "d1" / "d2" its pixel map.
	 */
	static NpadConfig variant(String name, NpadConfig trained) {
		if (name.equals("npad")) return trained;
		if (name.equals("noshift")) return trained.withShift(0);
		if (name.equals("maxpixel")) return trained.withImageScore(ImageScoreKind.MAX_PIXEL);
		if (name.equals("toppixels")) return trained.withImageScore(ImageScoreKind.TOP_PIXELS);
		if (name.equals("topk")) return trained.withImageScore(ImageScoreKind.TOP_K_CENTROID);
		if (name.equals("d1")) return trained.withPixelMap(PixelMapKind.D1);
		if (name.equals("d2")) return trained.withPixelMap(PixelMapKind.D2);
		if (name.matches("exp[1-5]")) return NpadConfig.experiment(name.charAt(3) - '0', trained);
		throw new IllegalArgumentException("unknown variant '" + name + "': use npad, noshift, maxpixel, toppixels, topk, d1, d2 or exp1..exp5");
	}

	/** Every k-th item: a quick run that still samples every class of the list evenly. */
	private static <T> List<T> every(List<T> list, int k) {
		if (k < 1) throw new IllegalArgumentException("--train-every and --test-every must be at least 1, got " + k);
		List<T> out = new ArrayList<>();
		for (int i = 0; i < list.size(); i += k) out.add(list.get(i));
		return out;
	}

	/**
	 * The report as JSON, its rows as CSV, each test image's score and call as LABEL-images.csv, and the
	 * per-class rows as LABEL-classes.csv where the set has classes.
	 */
	private static void write(Path dir, String label, Map<String, Object> report, List<Map<String, Object>> rows,
			Map<String, Evaluation.Result> byVariant) throws IOException {
		Files.createDirectories(dir);
		String stem = label.isBlank() ? "evaluation" : label;
		Files.writeString(dir.resolve(stem + ".json"), new GsonBuilder().setPrettyPrinting().serializeSpecialFloatingPointValues().create().toJson(report));
		StringBuilder csv = new StringBuilder("label,variant,image_auroc,pixel_auroc,pro,pixel_f1_max,image_f1_max,seconds_per_test_image,train_seconds_per_image,peak_memory_mib\n");
		for (Map<String, Object> r : rows)
			csv.append(String.format(Locale.ROOT, "%s,%s,%.2f,%.2f,%.2f,%.2f,%.2f,%.4f,%.4f,%d%n", stem, r.get("variant"), r.get("image_auroc"),
					r.get("pixel_auroc"), r.get("pro"), r.get("pixel_f1_max"), r.get("image_f1_max"), r.get("seconds_per_test_image"),
					report.get("train_seconds_per_image"), report.get("peak_memory_mib")));
		Files.writeString(dir.resolve(stem + ".csv"), csv.toString());
		StringBuilder images = new StringBuilder("label,variant," + ImageOutcomes.HEADER + "\n");
		byVariant.forEach((variant, r) -> ImageOutcomes.lines(r).forEach(line -> images.append(stem).append(',').append(variant)
				.append(',').append(line).append('\n')));
		Files.writeString(dir.resolve(stem + "-images.csv"), images.toString());
		if (byVariant.values().stream().allMatch(r -> r.classes().isEmpty())) return;
		StringBuilder classes = new StringBuilder("label,variant,class,anomalous_images,image_auroc,pixel_auroc,pro,defect_pixel_share,pooled_pixel_auroc\n");
		byVariant.forEach((variant, r) -> r.classes().forEach(c -> classes.append(String.format(Locale.ROOT, "%s,%s,%s,%d,%.2f,%.2f,%.2f,%.2f,%.2f%n",
				stem, variant, CsvField.of(c.name()), c.anomalousImages(), 100 * c.imageAuroc(), 100 * c.pixelAuroc(), 100 * c.pro(),
				100 * c.defectPixelShare(), 100 * c.pooledPixelAuroc()))));
		Files.writeString(dir.resolve(stem + "-classes.csv"), classes.toString());
	}
}
