package org.npad.backbone;

import ai.djl.Device;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WeightFileTest {

	@TempDir
	Path dir;

	private static final float[] CONV_W = {1.5f, -2f};
	private static final float[] CONV_B = {0.25f, 3f};
	private static final float[] DENSE_W = {1, 2, 3, 4, 5, 6};
	private static final float[] DENSE_B = {-1, -2, -3};

	private Path writeTiny() throws IOException {
		WeightFile.LayerSpec conv = new WeightFile.LayerSpec("c", "conv2d", new long[] {2, 1, 1, 1}, new int[] {2, 2}, new int[] {0, 0});
		WeightFile.LayerSpec dense = new WeightFile.LayerSpec("d", "dense", new long[] {2, 3}, new int[0], new int[0]);
		WeightFile.Header header = new WeightFile.Header("tiny", "test-arch", "hand-made", "float32", List.of(conv, dense));
		Path file = dir.resolve("tiny.npw");
		WeightFile.write(file, header, List.of(new WeightFile.LayerValues(conv, CONV_W, CONV_B), new WeightFile.LayerValues(dense, DENSE_W, DENSE_B)));
		return file;
	}

	@Test
	void roundTripKeepsValuesShapesAndHashesTheData() throws Exception {
		WeightFile read = WeightFile.read(writeTiny());
		assertEquals("tiny", read.header().name());
		assertEquals("test-arch", read.header().architecture());
		assertArrayEquals(new int[] {2, 2}, read.layer("c").stride());
		try (NDManager m = NDManager.newBaseManager(Device.cpu(), "PyTorch")) {
			assertEquals(new Shape(2, 1, 1, 1), read.weight("c", m).getShape());
			assertArrayEquals(CONV_W, read.weight("c", m).toFloatArray());
			assertArrayEquals(CONV_B, read.bias("c", m).toFloatArray());
			assertEquals(new Shape(2, 3), read.weight("d", m).getShape());
			assertArrayEquals(DENSE_W, read.weight("d", m).toFloatArray());
			assertArrayEquals(DENSE_B, read.bias("d", m).toFloatArray());
		}
		// the identity hash: SHA-256 of the little-endian float32 data, layer by layer, weight then bias
		ByteBuffer data = ByteBuffer.allocate(4 * 13).order(ByteOrder.LITTLE_ENDIAN);
		for (float[] part : new float[][] {CONV_W, CONV_B, DENSE_W, DENSE_B}) for (float v : part) data.putFloat(v);
		assertEquals(HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data.array())), read.sha256());
	}

	@Test
	void flippedWeightByteIsReportedAsCorrupt() throws IOException {
		Path file = writeTiny();
		byte[] bytes = Files.readAllBytes(file);
		bytes[bytes.length - 32 - 5] ^= 1;
		Files.write(file, bytes);
		IOException e = assertThrows(IOException.class, () -> WeightFile.read(file));
		assertTrue(e.getMessage().contains("corrupt") && e.getMessage().contains(file.toString()), e.getMessage());
	}

	@Test
	void truncatedFileIsReportedAsTruncated() throws IOException {
		Path file = writeTiny();
		byte[] bytes = Files.readAllBytes(file);
		Files.write(file, Arrays.copyOf(bytes, bytes.length - 40));
		IOException e = assertThrows(IOException.class, () -> WeightFile.read(file));
		assertTrue(e.getMessage().contains("truncated"), e.getMessage());
	}

	@Test
	void otherFilesAreRejectedByName() throws IOException {
		Path file = dir.resolve("notes.txt");
		Files.writeString(file, "just some text, not weights");
		IOException e = assertThrows(IOException.class, () -> WeightFile.read(file));
		assertTrue(e.getMessage().contains("not an N-pad weight file") && e.getMessage().contains("notes.txt"), e.getMessage());
		IOException missing = assertThrows(IOException.class, () -> WeightFile.read(dir.resolve("absent.npw")));
		assertTrue(missing.getMessage().contains("absent.npw"), missing.getMessage());
	}
}
