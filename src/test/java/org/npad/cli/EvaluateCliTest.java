package org.npad.cli;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import org.npad.backbone.BackboneWeights;
import org.npad.backbone.KerasResNet50Backbone;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The benchmark entry on the sample data: the JSON and CSV report, variants that are the same
 * configuration under two names, the time per step and the model's size.
 */
class EvaluateCliTest {

	@BeforeAll
	static void weights() throws Exception {
		System.setProperty(KerasResNet50Backbone.WEIGHTS_PROPERTY, BackboneWeights.stage4().toString());
	}

	@Test
	void writesTheReportWithEveryVariantAndWhereTheTimeWent(@TempDir Path out) throws Exception {
		Evaluate.main(new String[] {"--data", Path.of("sample-data/split.csv").toAbsolutePath().toString(), "--label", "small",
				"--report", out.toString(), "--variants", "npad,exp5,d1,exp4,topk", "--batch", "4",
				"--set", "channels=24", "--set", "image_score=top_k_centroid", "--set", "smoothing_sigma=2", "--pre", "crop=64"});

		JsonObject report = JsonParser.parseString(Files.readString(out.resolve("small.json"))).getAsJsonObject();
		assertEquals(20, report.get("train_images").getAsInt());
		assertEquals(20, report.get("test_images").getAsInt());
		assertEquals(24, report.getAsJsonObject("settings").get("channels").getAsInt());
		JsonArray rows = report.getAsJsonArray("results");
		assertEquals(5, rows.size());
		// the accurate preset does not shift, so exp5 (A+B+C, no shifting) is npad itself, exp4 is d1 and topk is the
		// image score npad was trained with
		assertEquals(metrics(rows.get(0)), metrics(rows.get(1)));
		assertEquals(metrics(rows.get(2)), metrics(rows.get(3)));
		assertEquals(metrics(rows.get(0)), metrics(rows.get(4)));
		for (int i = 0; i < rows.size(); i++) {
			double auroc = rows.get(i).getAsJsonObject().get("image_auroc").getAsDouble();
			assertTrue(auroc >= 0 && auroc <= 100, "image AUROC in percent: " + auroc);
		}

		JsonObject training = report.getAsJsonObject("train_step_seconds");
		for (String step : List.of("reading images", "backbone", "moments", "centroid bank", "neighbour weights", "module A inverses",
				"module B inverses"))
			assertTrue(training.has(step) && training.get(step).getAsDouble() >= 0, step + " in " + training);
		JsonObject testing = report.getAsJsonObject("test_step_seconds");
		for (String step : List.of("reading images", "preprocessing", "backbone", "scoring", "maps back to the image"))
			assertTrue(testing.has(step), step + " in " + testing);
		double one = rows.get(0).getAsJsonObject().get("seconds_per_test_image").getAsDouble();
		double all = report.get("seconds_per_test_image_all_variants").getAsDouble();
		assertTrue(one > 0 && one < all, "one variant alone costs less than the two distinct ones together: " + one + " vs " + all);

		// 16 x 16 positions, two Gaussians of d = 24 each, held with float16 precisions; the file's
		// packed float32 triangles are smaller than square float32 arrays
		long inMemory = report.get("model_bytes_in_memory").getAsLong();
		long squareFloat32 = 2L * 256 * 24 * 24 * 4;
		assertTrue(inMemory >= squareFloat32 / 2 && inMemory < squareFloat32, "modules A and B, precisions in float16: " + inMemory);
		long file = report.get("model_file_bytes").getAsLong();
		assertTrue(file > squareFloat32 / 2 && file < squareFloat32, "packed triangles: " + file);
		try (Stream<Path> files = Files.list(out)) {
			assertEquals(List.of("small-classes.csv", "small-images.csv", "small.csv", "small.json"),
					files.map(f -> f.getFileName().toString()).sorted().toList(),
					"only the report: the model size is known without writing the model");
		}
		List<String> csv = Files.readAllLines(out.resolve("small.csv"));
		assertEquals(6, csv.size());
		assertTrue(csv.get(5).startsWith("small,topk,"), csv.get(5));

		// per defect class: each of the sample data's four kinds (3 images each) against the 8 nominal images
		JsonArray classes = rows.get(0).getAsJsonObject().getAsJsonArray("classes");
		assertEquals(4, classes.size());
		for (var c : classes) assertEquals(3, c.getAsJsonObject().get("anomalous_images").getAsInt());
		List<String> classRows = Files.readAllLines(out.resolve("small-classes.csv"));
		assertEquals("label,variant,class,anomalous_images,image_auroc,pixel_auroc,pro,defect_pixel_share,pooled_pixel_auroc", classRows.get(0));
		assertEquals(1 + 5 * 4, classRows.size(), "four classes for each of the five variants");
		// each image's call at the F1-max threshold gives back the report's image F1-max
		List<String> imageRows = Files.readAllLines(out.resolve("small-images.csv"));
		assertEquals("label,variant,image,class,defective,score,called_anomalous", imageRows.get(0));
		assertEquals(1 + 5 * 20, imageRows.size());
		int tp = 0, fp = 0, fn = 0;
		for (String line : imageRows.subList(1, 21)) {
			String[] f = line.split(",");
			assertEquals("npad", f[1]);
			boolean anomalous = f[4].equals("1"), called = f[6].equals("1");
			if (anomalous && called) tp++;
			if (!anomalous && called) fp++;
			if (anomalous && !called) fn++;
		}
		assertEquals(rows.get(0).getAsJsonObject().get("image_f1_max").getAsDouble(), 100.0 * 2 * tp / (2 * tp + fp + fn), 1e-9);
		JsonObject first = classes.get(0).getAsJsonObject();
		assertEquals(String.format(java.util.Locale.ROOT, "small,npad,%s,3,%.2f,%.2f,%.2f,%.2f,%.2f", first.get("class").getAsString(),
				first.get("image_auroc").getAsDouble(), first.get("pixel_auroc").getAsDouble(), first.get("pro").getAsDouble(),
				first.get("defect_pixel_share").getAsDouble(), first.get("pooled_pixel_auroc").getAsDouble()), classRows.get(1));
	}

	/** A kept model scores as when it was trained; --set changes its inference settings and refuses the learned ones. */
	@Test
	void aKeptModelTakesOtherInferenceSettingsOnly(@TempDir Path out) throws Exception {
		String data = Path.of("sample-data/split.csv").toAbsolutePath().toString();
		Path model = out.resolve("kept.npad");
		Evaluate.main(new String[] {"--data", data, "--label", "trained", "--report", out.toString(), "--batch", "4",
				"--save-model", model.toString(), "--set", "channels=24", "--set", "smoothing_sigma=2", "--pre", "crop=64"});
		Evaluate.main(new String[] {"--data", data, "--label", "kept", "--report", out.toString(), "--batch", "4", "--model", model.toString()});
		Evaluate.main(new String[] {"--data", data, "--label", "sharper", "--report", out.toString(), "--batch", "4",
				"--model", model.toString(), "--set", "smoothing_sigma=0"});

		JsonObject trained = report(out, "trained"), kept = report(out, "kept"), sharper = report(out, "sharper");
		List<Double> before = metrics(trained.getAsJsonArray("results").get(0)), again = metrics(kept.getAsJsonArray("results").get(0));
		for (int i = 0; i < 3; i++) assertEquals(before.get(i), again.get(i), 1e-6, "the float32 file keeps the scores");
		assertEquals("2.0", kept.getAsJsonObject("settings").get("smoothing_sigma").getAsString());
		assertEquals("0.0", sharper.getAsJsonObject("settings").get("smoothing_sigma").getAsString());
		assertNotEquals(again.get(1), metrics(sharper.getAsJsonArray("results").get(0)).get(1), "unsmoothed maps rank the pixels otherwise");

		// refused before any model is read: the file named here does not even exist
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Evaluate.main(new String[] {"--data", data,
				"--model", out.resolve("absent.npad").toString(), "--set", "channels=8"}));
		assertTrue(e.getMessage().contains("'channels' is fixed by training") && e.getMessage().contains("smoothing_sigma"), e.getMessage());
	}

	private static JsonObject report(Path dir, String label) throws Exception {
		return JsonParser.parseString(Files.readString(dir.resolve(label + ".json"))).getAsJsonObject();
	}

	private static List<Double> metrics(com.google.gson.JsonElement row) {
		JsonObject r = row.getAsJsonObject();
		return List.of(r.get("image_auroc").getAsDouble(), r.get("pixel_auroc").getAsDouble(), r.get("pro").getAsDouble());
	}
}
