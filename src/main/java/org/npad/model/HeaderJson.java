package org.npad.model;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import org.npad.backbone.BackboneIdentity;
import org.npad.image.PixelSizeRange;
import org.npad.image.Preprocessing;
import org.npad.image.SizeRange;
import org.npad.method.NpadConfig;
import org.npad.method.NpadModel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The model file's header: everything but the arrays, as indented UTF-8 JSON so that a person can
 * read it with any text viewer. Checksums are written as fixed-width hex so that the header keeps
 * its length when the writer fills them in after the arrays (see {@link ModelWriter}).
 */
final class HeaderJson {

	private HeaderJson() {
	}

	static String write(TrainedModel trained, ModelFile.Storage storage, List<StoredArray> arrays) {
		NpadModel m = trained.model();
		JsonObject root = new JsonObject();
		root.add("settings", strings(m.config().toMap()));
		root.add("preprocessing", strings(trained.preprocessing().toMap()));
		JsonObject backbone = new JsonObject();
		backbone.addProperty("name", trained.backbone().name());
		backbone.addProperty("weight_sha256", trained.backbone().weightSha256());
		root.add("backbone", backbone);
		JsonArray channels = new JsonArray();
		for (int c : m.channels()) channels.add(c);
		root.add("channels", channels);
		JsonObject map = new JsonObject();
		map.addProperty("height", m.height());
		map.addProperty("width", m.width());
		root.add("feature_map", map);
		root.addProperty("training_count", m.trainingCount());
		root.add("median_distance", number(m.medianDistance()));
		root.add("thresholds", thresholds(trained.thresholds()));
		root.add("provenance", provenance(trained.provenance()));
		root.addProperty("storage", storage.fileName());
		JsonArray table = new JsonArray();
		for (StoredArray a : arrays) table.add(array(a));
		root.add("arrays", table);
		return new GsonBuilder().setPrettyPrinting().disableHtmlEscaping().serializeNulls().serializeSpecialFloatingPointValues().create().toJson(root);
	}

	/** @throws IllegalArgumentException when the JSON lacks a field or holds an unreadable value */
	static ModelInfo read(String json, int formatVersion, long fileLength, long dataStart) {
		JsonObject root = object(JsonParser.parseString(json), "header");
		JsonObject backbone = object(root, "backbone");
		JsonObject map = object(root, "feature_map");
		JsonArray channelList = field(root, "channels").getAsJsonArray();
		int[] channels = new int[channelList.size()];
		for (int i = 0; i < channels.length; i++) channels[i] = channelList.get(i).getAsInt();
		List<StoredArray> arrays = new ArrayList<>();
		for (JsonElement e : field(root, "arrays").getAsJsonArray()) arrays.add(array(object(e, "array")));
		return new ModelInfo(formatVersion, fileLength, dataStart,
				NpadConfig.fromMap(stringMap(object(root, "settings"))), channels,
				field(map, "height").getAsInt(), field(map, "width").getAsInt(),
				field(root, "training_count").getAsLong(), number(root, "median_distance"),
				new BackboneIdentity(text(backbone, "name"), text(backbone, "weight_sha256")),
				Preprocessing.fromMap(stringMap(object(root, "preprocessing"))),
				thresholds(object(root, "thresholds")), provenance(object(root, "provenance")),
				ModelFile.Storage.fromFileName(text(root, "storage")), arrays);
	}

	private static JsonObject thresholds(Thresholds t) {
		JsonObject o = new JsonObject();
		o.add("image", number(t.image()));
		o.add("pixel", number(t.pixel()));
		o.add("percentile", number(t.percentile()));
		o.addProperty("calibration", t.calibration());
		ScoreStatistics s = t.nominalImageScores();
		JsonObject stats = new JsonObject();
		stats.addProperty("count", s.count());
		stats.add("mean", number(s.mean()));
		stats.add("std", number(s.std()));
		stats.add("min", number(s.min()));
		stats.add("max", number(s.max()));
		o.add("nominal_image_scores", stats);
		return o;
	}

	private static Thresholds thresholds(JsonObject o) {
		JsonObject s = object(o, "nominal_image_scores");
		return new Thresholds(number(o, "image"), number(o, "pixel"), number(o, "percentile"),
				new ScoreStatistics(field(s, "count").getAsLong(), number(s, "mean"), number(s, "std"), number(s, "min"), number(s, "max")),
				text(o, "calibration"));
	}

	private static JsonObject provenance(Provenance p) {
		JsonObject o = new JsonObject();
		o.addProperty("created", p.created().toString());
		o.addProperty("plugin_version", p.pluginVersion());
		JsonArray images = new JsonArray();
		p.trainingImages().forEach(images::add);
		o.add("training_images", images);
		o.add("typical_brightest_input", number(p.typicalBrightestInput()));
		if (p.trainingSizes().isKnown()) {
			SizeRange r = p.trainingSizes();
			JsonObject sizes = new JsonObject();
			sizes.addProperty("min_width", r.minWidth());
			sizes.addProperty("max_width", r.maxWidth());
			sizes.addProperty("min_height", r.minHeight());
			sizes.addProperty("max_height", r.maxHeight());
			o.add("training_image_sizes", sizes);
		}
		if (p.trainingPixelSizes().isKnown()) {
			PixelSizeRange r = p.trainingPixelSizes();
			JsonObject pixels = new JsonObject();
			pixels.addProperty("unit", r.unit());
			pixels.addProperty("min", r.min());
			pixels.addProperty("max", r.max());
			o.add("training_pixel_sizes", pixels);
		}
		return o;
	}

	private static Provenance provenance(JsonObject o) {
		List<String> images = new ArrayList<>();
		for (JsonElement e : field(o, "training_images").getAsJsonArray()) images.add(e.getAsString());
		double brightness = o.has("typical_brightest_input") ? number(o, "typical_brightest_input") : Double.NaN; // absent in older models
		SizeRange sizes = SizeRange.UNKNOWN; // absent in older models
		if (o.has("training_image_sizes")) {
			JsonObject s = object(o, "training_image_sizes");
			sizes = new SizeRange(field(s, "min_width").getAsInt(), field(s, "max_width").getAsInt(), field(s, "min_height").getAsInt(),
					field(s, "max_height").getAsInt());
		}
		PixelSizeRange pixelSizes = PixelSizeRange.UNKNOWN; // absent for uncalibrated images and in older models
		if (o.has("training_pixel_sizes")) {
			JsonObject s = object(o, "training_pixel_sizes");
			pixelSizes = new PixelSizeRange(text(s, "unit"), number(s, "min"), number(s, "max"));
		}
		return new Provenance(images, Instant.parse(text(o, "created")), text(o, "plugin_version"), brightness, sizes, pixelSizes);
	}

	private static JsonObject array(StoredArray a) {
		JsonObject o = new JsonObject();
		o.addProperty("name", a.name());
		o.addProperty("dtype", a.dtype());
		JsonArray shape = new JsonArray();
		for (long s : a.shape()) shape.add(s);
		o.add("shape", shape);
		o.addProperty("encoding", a.encoding().fileName());
		o.addProperty("offset", a.offset());
		o.addProperty("length", a.length());
		o.addProperty("crc32c", String.format("%08x", a.crc32c()));
		return o;
	}

	private static StoredArray array(JsonObject o) {
		JsonArray shapeList = field(o, "shape").getAsJsonArray();
		long[] shape = new long[shapeList.size()];
		for (int i = 0; i < shape.length; i++) shape[i] = shapeList.get(i).getAsLong();
		return new StoredArray(text(o, "name"), text(o, "dtype"), shape, Encoding.fromFileName(text(o, "encoding")),
				field(o, "offset").getAsLong(), field(o, "length").getAsLong(), Integer.parseUnsignedInt(text(o, "crc32c"), 16));
	}

	private static JsonObject strings(Map<String, String> values) {
		JsonObject o = new JsonObject();
		values.forEach(o::addProperty);
		return o;
	}

	private static Map<String, String> stringMap(JsonObject o) {
		Map<String, String> m = new LinkedHashMap<>();
		for (Map.Entry<String, JsonElement> e : o.entrySet()) m.put(e.getKey(), e.getValue().getAsString());
		return m;
	}

	/** An unknown number (NaN) is null, which any JSON reader understands; infinities are written as Infinity. */
	private static JsonElement number(double value) {
		return Double.isNaN(value) ? JsonNull.INSTANCE : new JsonPrimitive(value);
	}

	private static double number(JsonObject o, String name) {
		JsonElement e = field(o, name);
		return e.isJsonNull() ? Double.NaN : e.getAsDouble();
	}

	private static String text(JsonObject o, String name) {
		return field(o, name).getAsString();
	}

	private static JsonObject object(JsonObject parent, String name) {
		return object(field(parent, name), name);
	}

	private static JsonObject object(JsonElement e, String what) {
		if (!e.isJsonObject()) throw new IllegalArgumentException(what + " is not a JSON object");
		return e.getAsJsonObject();
	}

	private static JsonElement field(JsonObject o, String name) {
		JsonElement e = o.get(name);
		if (e == null) throw new IllegalArgumentException("field '" + name + "' is missing");
		return e;
	}
}
