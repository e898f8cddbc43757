package org.npad.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.npad.TemporaryProperty;
import org.npad.backbone.BackboneIdentity;
import org.npad.image.PixelSizeRange;
import org.npad.image.SizeRange;
import org.npad.method.Float16Precisions;
import org.npad.method.Float32Precisions;
import org.npad.method.NpadModel;
import org.npad.method.PositionGaussians;
import org.npad.method.PrecisionFormat;
import org.npad.method.Precisions;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ModelFileTest {

	@TempDir
	Path dir;
	private NDManager manager;
	private Path file;

	@BeforeEach
	void open() {
		manager = NDManager.newBaseManager();
		file = dir.resolve("model.npad");
	}

	@AfterEach
	void close() {
		manager.close();
	}

	@ParameterizedTest
	@EnumSource(ModelFile.Storage.class)
	void roundTripKeepsEveryArrayAndSetting(ModelFile.Storage storage) throws IOException {
		try (TrainedModel written = TestModels.random(manager, 1)) {
			ModelFile.write(written, file, storage);
			try (TrainedModel read = ModelFile.read(file, manager)) {
				assertSameMetadata(written, read);
				float tolerance = storage == ModelFile.Storage.FLOAT16_PACKED ? 1e-3f : 0;
				assertClose(written.model().moduleA().mean(), read.model().moduleA().mean(), tolerance);
				assertSamePrecisions(written.model().moduleA(), read.model().moduleA(), tolerance);
				assertClose(written.model().moduleB().mean(), read.model().moduleB().mean(), tolerance);
				assertSamePrecisions(written.model().moduleB(), read.model().moduleB(), tolerance);
				assertClose(written.model().bank().centroids(), read.model().bank().centroids(), tolerance);
			}
		}
	}

	/** -Dnpad.precision=float32 keeps a loaded model's precisions as the file has them. */
	@Test
	void float32FormatKeepsThePrecisionsOfTheFile() throws IOException {
		try (TemporaryProperty float32 = TemporaryProperty.set(PrecisionFormat.PROPERTY, "float32");
				TrainedModel written = TestModels.random(manager, 11)) {
			ModelFile.write(written, file, ModelFile.Storage.FLOAT32_PACKED);
			try (TrainedModel read = ModelFile.read(file, manager)) {
				Precisions precision = read.model().moduleB().precision();
				assertInstanceOf(Float32Precisions.class, precision);
				assertClose(written.model().moduleB().precision().matrices(0, precision.positions()), precision.matrices(0, precision.positions()), 0);
			}
		}
	}

	/** Chunks of 4 positions leave a partial last chunk of 2; reading in chunks of 2 crosses the writer's boundaries. */
	@Test
	void chunkBoundariesDoNotMatter() throws IOException {
		try (TrainedModel written = TestModels.random(manager, 2)) {
			new ModelWriter(written, ModelFile.Storage.FLOAT32_PACKED, 100).write(file);
			try (TrainedModel read = new ModelReader(file, 55).read(manager, null)) {
				assertSamePrecisions(written.model().moduleA(), read.model().moduleA(), 0);
				assertClose(written.model().moduleB().mean(), read.model().moduleB().mean(), 0);
				assertClose(written.model().bank().centroids(), read.model().bank().centroids(), 0);
			}
			assertArrayEquals(Files.readAllBytes(file), bytesWrittenWith(written, ModelFile.CHUNK_VALUES));
		}
	}

	/**
	 * Sizes by hand for 6 positions, d = 5 (15 values in an upper triangle), bank 7 x 5:
	 * float32 full 6*25*4 = 600, packed 6*15*4 = 360, float16 packed 180; means 120 (60 in float16); bank 140 (70).
	 */
	@Test
	void arrayTableHasTheHandComputedSizes() throws IOException {
		try (TrainedModel model = TestModels.random(manager, 3)) {
			long[][] expected = {{600, 120, 140}, {360, 120, 140}, {180, 60, 70}};
			ModelFile.Storage[] storages = ModelFile.Storage.values();
			for (int s = 0; s < storages.length; s++) {
				ModelFile.write(model, file, storages[s]);
				ModelInfo info = ModelFile.readHeader(file);
				assertEquals(storages[s], info.storage());
				assertEquals(expected[s][0], info.array("module_a.precision").length());
				assertEquals(expected[s][0], info.array("module_b.precision").length());
				assertEquals(expected[s][1], info.array("module_a.mean").length());
				assertEquals(expected[s][2], info.array("bank.centroids").length());
				long arrays = 2 * expected[s][0] + 2 * expected[s][1] + expected[s][2];
				assertEquals(Files.size(file), info.dataStart() + arrays + 4);
				assertEquals(Files.size(file), ModelFile.bytes(model, storages[s]), "the size known without writing");
				assertArrayEquals(new long[] {6, 5, 5}, info.array("module_a.precision").shape());
			}
		}
	}

	@Test
	void aFullDiskIsNamedBeforeWriting() {
		ModelFileException e = assertThrows(ModelFileException.class, () -> ModelWriter.requireSpace(file, 3_850_000_000L, 1_200_000_000L));
		assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("needs 3.85 GB") && e.getMessage().contains("1.20 GB free"),
				e.getMessage());
		assertDoesNotThrow(() -> ModelWriter.requireSpace(file, 1000, 1000));
	}

	/** The typical training brightness was added to format 1 later: a header without it reads as unknown, not as an error. */
	@Test
	void aHeaderWithoutTheTrainingBrightnessReadsItAsUnknown() {
		try (TrainedModel model = TestModels.random(manager, 4)) {
			String json = HeaderJson.write(model, ModelFile.Storage.FLOAT32_PACKED, List.of());
			assertEquals(212.5, HeaderJson.read(json, 1, 0, 0).provenance().typicalBrightestInput());
			String older = json.replaceAll(",\\s*\"typical_brightest_input\": [0-9.]+", "");
			assertTrue(older.length() < json.length() && !older.contains("typical_brightest_input"), older);
			Provenance read = HeaderJson.read(older, 1, 0, 0).provenance();
			assertTrue(Double.isNaN(read.typicalBrightestInput()));
			assertEquals(model.provenance().trainingImages(), read.trainingImages());
		}
	}

	/**
	 * The training images' sizes and pixel sizes were added to format 1 later: a header without them
	 * reads them as unknown, and nothing is compared.
	 */
	@Test
	void aHeaderWithoutTheTrainingSizesReadsThemAsUnknown() {
		try (TrainedModel model = TestModels.random(manager, 4)) {
			String json = HeaderJson.write(model, ModelFile.Storage.FLOAT32_PACKED, List.of());
			Provenance written = HeaderJson.read(json, 1, 0, 0).provenance();
			assertEquals(new SizeRange(300, 412, 256, 256), written.trainingSizes());
			assertEquals(new PixelSizeRange("µm", 0.5, 0.52), written.trainingPixelSizes());
			String older = json.replaceAll(",\\s*\"training_(image|pixel)_sizes\": \\{[^}]*}", "");
			assertTrue(older.length() < json.length() && !older.contains("training_image_sizes") && !older.contains("training_pixel_sizes"), older);
			Provenance read = HeaderJson.read(older, 1, 0, 0).provenance();
			assertEquals(SizeRange.UNKNOWN, read.trainingSizes());
			assertEquals(PixelSizeRange.UNKNOWN, read.trainingPixelSizes());
			assertEquals(212.5, read.typicalBrightestInput());
		}
	}

	@Test
	void headerAloneGivesTheMetadata() throws IOException {
		try (TrainedModel model = TestModels.random(manager, 4)) {
			ModelFile.write(model, file);
			ModelInfo info = ModelFile.readHeader(file);
			assertEquals(1, info.formatVersion());
			assertEquals(Files.size(file), info.fileLength());
			assertEquals(model.model().config(), info.config());
			assertEquals(model.preprocessing(), info.preprocessing());
			assertEquals(model.backbone(), info.backbone());
			assertEquals(model.thresholds(), info.thresholds());
			assertEquals(model.provenance(), info.provenance());
			assertEquals(ModelFile.Storage.FLOAT32_PACKED, info.storage());
			assertEquals(List.of("module_a.mean", "module_a.precision", "module_b.mean", "module_b.precision", "bank.centroids"),
					info.arrays().stream().map(StoredArray::name).toList());
		}
	}

	@Test
	void headerIsReadableJson() throws IOException {
		try (TrainedModel model = TestModels.random(manager, 4)) {
			ModelFile.write(model, file);
			ModelInfo info = ModelFile.readHeader(file);
			String start = new String(Files.readAllBytes(file), 0, (int) info.dataStart(), StandardCharsets.UTF_8);
			assertTrue(start.startsWith("NPADMODEL"));
			assertTrue(start.contains("\"channel_rule\": \"most_nonzero\""), start);
			assertTrue(start.contains("\"weight_sha256\": \"ab12cd34\""), start);
			assertTrue(start.contains("\"calibration\": \"held-out 10% of training images\""), start);
			assertTrue(start.contains("\"ünïcode \\\"name\\\".tif\""), start);
		}
	}

	@Test
	void absentModulesStayAbsent() throws IOException {
		boolean[][] cases = {{false, true, false}, {true, false, false}, {true, false, true}, {false, false, false}};
		for (boolean[] c : cases) {
			try (TrainedModel written = TestModels.random(manager, 5, c[0], c[1], c[2])) {
				ModelFile.write(written, file);
				try (TrainedModel read = ModelFile.read(file, manager)) {
					NpadModel m = read.model();
					assertEquals(c[0], m.moduleA() != null, Arrays.toString(c));
					assertEquals(c[1], m.moduleB() != null, Arrays.toString(c));
					assertEquals(c[2], m.bank() != null, Arrays.toString(c));
					if (c[0]) assertSamePrecisions(written.model().moduleA(), m.moduleA(), 0);
					assertSameMetadata(written, read);
				}
			}
		}
	}

	/** The patch bank's own shape (4 x 6, not the kept channels'), 96 bytes in float32 and 48 in float16. */
	@ParameterizedTest
	@EnumSource(ModelFile.Storage.class)
	void patchBankRoundTrips(ModelFile.Storage storage) throws IOException {
		try (TrainedModel written = TestModels.random(manager, 12, true, false, false, true)) {
			ModelFile.write(written, file, storage);
			StoredArray stored = ModelFile.readHeader(file).array("patch_bank.vectors");
			assertArrayEquals(new long[] {4, 6}, stored.shape());
			assertEquals(storage == ModelFile.Storage.FLOAT16_PACKED ? 48 : 96, stored.length());
			try (TrainedModel read = ModelFile.read(file, manager)) {
				assertEquals(100, read.model().config().patchBank());
				assertClose(written.model().patches().vectors(), read.model().patches().vectors(),
						storage == ModelFile.Storage.FLOAT16_PACKED ? 1e-3f : 0);
			}
		}
	}

	/** A file whose settings and arrays disagree on the patch bank is refused by name, either way round. */
	@Test
	void patchBankMustMatchItsSetting() throws IOException {
		try (TrainedModel complete = TestModels.random(manager, 13, true, false, false, true)) {
			NpadModel m = complete.model();
			NpadModel withoutArray = new NpadModel(m.config(), m.channels(), m.height(), m.width(), m.trainingCount(), m.moduleA(),
					null, null, m.medianDistance(), null);
			NpadModel withoutSetting = new NpadModel(m.config().withPatchBank(0), m.channels(), m.height(), m.width(), m.trainingCount(),
					m.moduleA(), null, null, m.medianDistance(), m.patches());
			String[] expected = {"the settings ask for a patch bank (patch_bank = 100) but the file has none",
					"the file has a patch bank but its settings say patch_bank = 0"};
			NpadModel[] models = {withoutArray, withoutSetting};
			for (int i = 0; i < models.length; i++) {
				ModelFile.write(new TrainedModel(models[i], complete.backbone(), complete.preprocessing(), complete.thresholds(),
						complete.provenance()), file);
				ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.read(file, manager));
				assertTrue(e.getMessage().contains(expected[i]), e.getMessage());
			}
		}
	}

	/** Kept channels are d of them, so a list of another length is a faulty file, not a model to score. */
	@Test
	void keptChannelsMustNumberD() throws IOException {
		try (TrainedModel complete = TestModels.random(manager, 13)) {
			NpadModel m = complete.model();
			int[] oneShort = Arrays.copyOf(m.channels(), m.channels().length - 1);
			NpadModel model = new NpadModel(m.config(), oneShort, m.height(), m.width(), m.trainingCount(), m.moduleA(), m.moduleB(),
					m.bank(), m.medianDistance(), m.patches());
			ModelFile.write(new TrainedModel(model, complete.backbone(), complete.preprocessing(), complete.thresholds(), complete.provenance()), file);
			ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.readHeader(file));
			assertTrue(e.getMessage().contains("the header lists " + oneShort.length + " kept channels for d = " + m.config().channels()), e.getMessage());
		}
	}

	@Test
	void uncalibratedThresholdsSurviveAsNaN() throws IOException {
		try (TrainedModel random = TestModels.random(manager, 6)) {
			TrainedModel model = new TrainedModel(random.model(), random.backbone(), random.preprocessing(),
					Thresholds.none(99.5), random.provenance());
			ModelFile.write(model, file);
			Thresholds t = ModelFile.readHeader(file).thresholds();
			assertEquals(Thresholds.none(99.5), t);
			assertTrue(Double.isNaN(t.image()));
		}
	}

	@Test
	void truncatedFileIsNamedTruncatedWithBothLengths() throws IOException {
		byte[] whole = writtenBytes();
		ModelInfo info = ModelFile.readHeader(file);
		StoredArray last = info.arrays().get(info.arrays().size() - 1);
		long[] cuts = {info.dataStart() - 40, info.dataStart() + 3, info.dataStart() + last.offset() + last.length() / 2, whole.length - 2};
		for (long cut : cuts) {
			Files.write(file, Arrays.copyOf(whole, (int) cut));
			String message = assertThrows(ModelFileException.class, () -> ModelFile.read(file, manager)).getMessage();
			assertTrue(message.contains("truncated: expected " + whole.length + " bytes, found " + cut), message);
			assertTrue(message.startsWith(file.toAbsolutePath().toString()), message);
		}
		for (int cut : new int[] {5, 15}) {
			Files.write(file, Arrays.copyOf(whole, cut));
			String message = assertThrows(ModelFileException.class, () -> ModelFile.readHeader(file)).getMessage();
			assertTrue(message.contains("truncated: expected at least 25 bytes, found " + cut), message);
		}
	}

	@Test
	void flippedByteNamesTheDamagedArray() throws IOException {
		byte[] whole = writtenBytes();
		ModelInfo info = ModelFile.readHeader(file);
		for (String name : new String[] {"module_a.mean", "module_b.precision", "bank.centroids"}) {
			StoredArray a = info.array(name);
			byte[] damaged = whole.clone();
			damaged[(int) (info.dataStart() + a.offset() + a.length() / 2)] ^= 0x10;
			Files.write(file, damaged);
			assertDoesNotThrow(() -> ModelFile.readHeader(file), "the header alone is intact");
			String message = assertThrows(ModelFileException.class, () -> ModelFile.read(file, manager)).getMessage();
			assertTrue(message.contains("corrupted: checksum mismatch in array " + name + " "), message);
		}
	}

	@Test
	void flippedByteInHeaderOrTrailerIsNamed() throws IOException {
		byte[] whole = writtenBytes();
		byte[] header = whole.clone();
		header[100] ^= 0x01;
		Files.write(file, header);
		String message = assertThrows(ModelFileException.class, () -> ModelFile.readHeader(file)).getMessage();
		assertTrue(message.contains("corrupted: checksum mismatch in the header"), message);

		byte[] trailer = whole.clone();
		trailer[trailer.length - 1] ^= 0x01;
		Files.write(file, trailer);
		message = assertThrows(ModelFileException.class, () -> ModelFile.read(file, manager)).getMessage();
		assertTrue(message.contains("checksum mismatch in the trailer"), message);
	}

	@Test
	void extraBytesAfterTheEndAreRefused() throws IOException {
		byte[] whole = writtenBytes();
		Files.write(file, Arrays.copyOf(whole, whole.length + 1));
		String message = assertThrows(ModelFileException.class, () -> ModelFile.readHeader(file)).getMessage();
		assertTrue(message.contains("expected " + whole.length + " bytes, found " + (whole.length + 1)), message);
	}

	@Test
	void aMissingFileIsNamedAsSuch() {
		Path missing = dir.resolve("absent.npad");
		for (var read : List.<org.junit.jupiter.api.function.Executable>of(() -> ModelFile.readHeader(missing), () -> ModelFile.read(missing, manager))) {
			ModelFileException e = assertThrows(ModelFileException.class, read);
			assertEquals(missing.toAbsolutePath() + ": no such model file", e.getMessage());
		}
	}

	@Test
	void foreignFilesAreNotModels() throws IOException {
		byte[] png = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 1, 0, 0, 0, 1, 0, 8, 2, 0, 0, 0};
		byte[][] foreign = {png, "N-pad settings: d = 550\n".getBytes(StandardCharsets.UTF_8), new byte[0], "NPA!".getBytes(StandardCharsets.US_ASCII)};
		for (byte[] content : foreign) {
			Files.write(file, content);
			String message = assertThrows(ModelFileException.class, () -> ModelFile.read(file, manager)).getMessage();
			assertTrue(message.contains("not an N-pad model file"), message);
			assertTrue(message.contains("model.npad"), message);
		}
	}

	@Test
	void laterFormatVersionAsksForAnUpdate() throws IOException {
		byte[] v2 = writtenBytes();
		ByteBuffer.wrap(v2).order(ByteOrder.LITTLE_ENDIAN).putInt(9, 2);
		Files.write(file, v2);
		String message = assertThrows(ModelFileException.class, () -> ModelFile.readHeader(file)).getMessage();
		assertTrue(message.endsWith("written by format version 2; this plugin reads version 1: update the plugin"), message);
	}

	@Test
	void otherBackboneIsRefusedNamingBoth() throws IOException {
		writtenBytes();
		BackboneIdentity other = new BackboneIdentity("torchscript-wide-resnet50", "ffff0000");
		String message = assertThrows(ModelFileException.class, () -> ModelFile.read(file, manager, other)).getMessage();
		assertTrue(message.contains("'keras-resnet50-imagenet' (weights sha256 ab12cd34)"), message);
		assertTrue(message.contains("'torchscript-wide-resnet50' (weights sha256 ffff0000)"), message);

		BackboneIdentity sameNameOtherWeights = new BackboneIdentity("keras-resnet50-imagenet", "ab12cd35");
		assertThrows(ModelFileException.class, () -> ModelFile.read(file, manager, sameNameOtherWeights));
		try (TrainedModel read = ModelFile.read(file, manager, new BackboneIdentity("keras-resnet50-imagenet", "AB12CD34"))) {
			IllegalStateException e = assertThrows(IllegalStateException.class, () -> read.requireBackbone(sameNameOtherWeights));
			assertTrue(e.getMessage().contains("ab12cd35"), e.getMessage());
			assertDoesNotThrow(() -> read.requireBackbone(TestModels.BACKBONE));
		}
	}

	@Test
	void float16OverflowFailsMidWriteAndKeepsThePreviousFile() throws IOException {
		byte[] previous = writtenBytes();
		try (TrainedModel model = TestModels.random(manager, 8)) {
			NDArray precision = ((Float32Precisions) model.model().moduleB().precision()).values();
			precision.set(new ai.djl.ndarray.index.NDIndex("5, 4, 4"), 1e6f);
			ModelFileException e = assertThrows(ModelFileException.class, () -> ModelFile.write(model, file, ModelFile.Storage.FLOAT16_PACKED));
			assertTrue(e.getMessage().contains("cannot store array module_b.precision as float16_packed"), e.getMessage());
			assertUntouched(previous);
			ModelFile.write(model, file, ModelFile.Storage.FLOAT32_PACKED);
		}
	}

	@Test
	void arrayFailingMidWriteKeepsThePreviousFile() throws IOException {
		byte[] previous = writtenBytes();
		TrainedModel model = TestModels.random(manager, 9);
		PositionGaussians b = model.model().moduleB();
		b.precision().close();
		assertThrows(RuntimeException.class, () -> ModelFile.write(model, file));
		assertUntouched(previous);
		model.close();
	}

	@Test
	void interruptedWriteKeepsThePreviousFileAndTheFlag() throws IOException {
		byte[] previous = writtenBytes();
		try (TrainedModel model = TestModels.random(manager, 10)) {
			Thread.currentThread().interrupt();
			try {
				assertThrows(InterruptedIOException.class, () -> ModelFile.write(model, file));
				assertTrue(Thread.currentThread().isInterrupted());
			} finally {
				Thread.interrupted();
			}
			assertUntouched(previous);
		}
	}

	@Test
	void writeReplacesAnExistingFile() throws IOException {
		writtenBytes();
		try (TrainedModel model = TestModels.random(manager, 11, true, false, false)) {
			ModelFile.write(model, file);
			assertNull(ModelFile.readHeader(file).array("bank.centroids"));
			try (Stream<Path> files = Files.list(dir)) {
				assertEquals(List.of(file), files.toList());
			}
		}
	}

	private byte[] writtenBytes() throws IOException {
		try (TrainedModel model = TestModels.random(manager, 7)) {
			ModelFile.write(model, file);
		}
		return Files.readAllBytes(file);
	}

	private byte[] bytesWrittenWith(TrainedModel model, int chunkValues) throws IOException {
		Path other = dir.resolve("other.npad");
		new ModelWriter(model, ModelFile.Storage.FLOAT32_PACKED, chunkValues).write(other);
		byte[] bytes = Files.readAllBytes(other);
		Files.delete(other);
		return bytes;
	}

	private void assertUntouched(byte[] previous) throws IOException {
		assertArrayEquals(previous, Files.readAllBytes(file));
		try (Stream<Path> files = Files.list(dir)) {
			assertEquals(List.of(file), files.toList(), "no temporary file is left behind");
		}
	}

	private static void assertSameMetadata(TrainedModel expected, TrainedModel actual) {
		NpadModel e = expected.model(), a = actual.model();
		assertEquals(e.config(), a.config());
		assertArrayEquals(e.channels(), a.channels());
		assertEquals(e.height(), a.height());
		assertEquals(e.width(), a.width());
		assertEquals(e.trainingCount(), a.trainingCount());
		assertEquals(e.medianDistance(), a.medianDistance());
		assertEquals(expected.backbone(), actual.backbone());
		assertEquals(expected.preprocessing(), actual.preprocessing());
		assertEquals(expected.thresholds(), actual.thresholds());
		assertEquals(expected.provenance(), actual.provenance());
	}

	/**
	 * A loaded model holds its precisions in float16: with tolerance 0 exactly what halving the written
	 * float32 ones gives (however the file was chunked), otherwise within a relative tolerance of them.
	 */
	private void assertSamePrecisions(PositionGaussians written, PositionGaussians read, float tolerance) {
		assertInstanceOf(Float16Precisions.class, read.precision());
		int positions = written.positions();
		try (Precisions halved = PrecisionFormat.FLOAT16.copyOf(written.precision(), manager);
				NDArray expected = (tolerance == 0 ? halved : written.precision()).matrices(0, positions);
				NDArray actual = read.precision().matrices(0, positions)) {
			assertClose(expected, actual, tolerance);
		}
	}

	/** Exact for tolerance 0, otherwise within a relative tolerance. */
	private static void assertClose(NDArray expected, NDArray actual, float tolerance) {
		assertEquals(expected.getShape(), actual.getShape());
		float[] e = expected.toFloatArray(), a = actual.toFloatArray();
		if (tolerance == 0) {
			assertArrayEquals(e, a);
			return;
		}
		for (int i = 0; i < e.length; i++) {
			assertEquals(e[i], a[i], tolerance * Math.abs(e[i]) + 1e-7f, "value " + i);
		}
	}
}
