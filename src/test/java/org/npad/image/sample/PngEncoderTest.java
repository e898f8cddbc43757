package org.npad.image.sample;

import ij.ImagePlus;
import ij.io.Opener;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.imageio.ImageIO;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The encoder's files must decode (with the JDK's own, independent PNG reader and with ImageJ) to the pixels given. */
class PngEncoderTest {

	@TempDir
	Path dir;

	@Test
	void smoothNoiseDecodesToTheSamePixels() throws IOException {
		Random r = new Random(3);
		int w = 67;
		int h = 41;
		byte[] px = new byte[w * h];
		for (int i = 0; i < px.length; i++) px[i] = (byte) (128 + 40 * Math.sin(i * 0.05) + r.nextGaussian() * 6);
		roundTrip(px, w, h);
	}

	@Test
	void runsAndFlatImagesDecode() throws IOException {
		roundTrip(new byte[256 * 256], 256, 256);
		byte[] mask = new byte[300 * 240];
		for (int y = 100; y < 130; y++) for (int x = 40; x < 290; x++) mask[y * 300 + x] = (byte) 255;
		byte[] png = roundTrip(mask, 300, 240);
		assertTrue(png.length < 1000, "a blocky mask should compress to a few hundred bytes, got " + png.length);
		roundTrip(new byte[] {7}, 1, 1);
	}

	/** Byte frequencies falling by half per value make a Huffman tree 30 deep; deflate allows 15. */
	@Test
	void skewedHistogramsAreLengthLimited() throws IOException {
		Random r = new Random(5);
		byte[] px = new byte[512 * 256];
		for (int i = 0; i < px.length; i++) {
			int v = 0;
			while (v < 30 && r.nextBoolean()) v++;
			px[i] = (byte) (v * 8 + (i & 1) * 3); // alternate to defeat the runs
		}
		roundTrip(px, 512, 256);
	}

	@Test
	void codeLengthsRespectTheLimit() {
		int[] fib = new int[25];
		fib[0] = 1;
		fib[1] = 1;
		for (int i = 2; i < fib.length; i++) fib[i] = fib[i - 1] + fib[i - 2];
		int[] lengths = PngEncoder.codeLengths(fib, 7);
		double kraft = 0;
		for (int l : lengths) {
			assertTrue(l >= 1 && l <= 7, "length " + l);
			kraft += Math.pow(2, -l);
		}
		assertEquals(1.0, kraft, 1e-12, "a complete prefix code");
	}

	private byte[] roundTrip(byte[] px, int w, int h) throws IOException {
		byte[] png = PngEncoder.encode(px, w, h);
		BufferedImage img = ImageIO.read(new ByteArrayInputStream(png));
		assertEquals(w, img.getWidth());
		assertEquals(h, img.getHeight());
		assertEquals(BufferedImage.TYPE_BYTE_GRAY, img.getType());
		byte[] decoded = new byte[w * h];
		img.getRaster().getDataElements(0, 0, w, h, decoded);
		assertArrayEquals(px, decoded);
		Path file = Files.write(dir.resolve("t.png"), png);
		ImagePlus imp = new Opener().openImage(file.toString());
		assertEquals(8, imp.getBitDepth());
		assertArrayEquals(px, (byte[]) imp.getProcessor().getPixels());
		return png;
	}
}
