package org.npad.image;

import ij.ImagePlus;
import ij.ImageStack;
import ij.io.FileSaver;
import ij.process.ByteProcessor;
import ij.process.ColorProcessor;
import ij.process.ShortProcessor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ImageFolderTest {

	@TempDir
	Path dir;

	@Test
	void readsSixteenBitRgbAndStackSlicesInNameOrder() throws IOException {
		ShortProcessor deep = new ShortProcessor(7, 5);
		deep.set(6, 4, 65000);
		save(new ImagePlus("deep", deep), dir.resolve("b_deep.tif"));
		ColorProcessor rgb = new ColorProcessor(4, 3);
		rgb.set(1, 2, 0x00a0b0c0);
		assertTrue(new FileSaver(new ImagePlus("rgb", rgb)).saveAsPng(dir.resolve("a_rgb.png").toString()));
		ImageStack stack = new ImageStack(3, 2);
		for (int k = 1; k <= 3; k++) {
			ByteProcessor p = new ByteProcessor(3, 2);
			p.set(0, 0, 10 * k);
			stack.addSlice(p);
		}
		assertTrue(new FileSaver(new ImagePlus("stack", stack)).saveAsTiffStack(dir.resolve("c_stack.tif").toString()));
		Files.writeString(dir.resolve("notes.txt"), "not an image, and not matched by the default filter");
		Files.write(dir.resolve("._a_rgb.png"), new byte[] {0, 5, 22, 7}); // a macOS resource fork: hidden, skipped

		List<NamedSlice> slices = ImageFolder.of(dir).readAll();
		assertEquals(List.of("a_rgb.png", "b_deep.tif", "c_stack.tif#1", "c_stack.tif#2", "c_stack.tif#3"),
				slices.stream().map(NamedSlice::name).toList());
		assertInstanceOf(ColorProcessor.class, slices.get(0).processor());
		assertEquals(0xa0b0c0, slices.get(0).processor().get(1, 2) & 0xffffff);
		assertInstanceOf(ShortProcessor.class, slices.get(1).processor());
		assertEquals(65000, slices.get(1).processor().get(6, 4));
		for (int k = 1; k <= 3; k++) {
			NamedSlice s = slices.get(1 + k);
			assertEquals(k, s.slice());
			assertEquals(10 * k, s.processor().get(0, 0));
		}
		ImageReadException e = assertThrows(ImageReadException.class, () -> ImageFolder.requireSameSize(slices));
		assertTrue(e.getMessage().contains("b_deep.tif is 7 x 5 but a_rgb.png is 4 x 3"), e.getMessage());
	}

	@Test
	void filtersAndSubFolders() throws IOException {
		Path sub = Files.createDirectories(dir.resolve("sub"));
		save(new ImagePlus("x", new ByteProcessor(2, 2)), dir.resolve("top_ok.tif"));
		save(new ImagePlus("x", new ByteProcessor(2, 2)), sub.resolve("deep_ok.tif"));
		save(new ImagePlus("x", new ByteProcessor(2, 2)), sub.resolve("deep_bad.tif"));
		assertEquals(List.of(dir.resolve("top_ok.tif")), ImageFolder.of(dir).files());
		assertEquals(List.of(sub.resolve("deep_bad.tif"), sub.resolve("deep_ok.tif"), dir.resolve("top_ok.tif")),
				ImageFolder.of(dir).withRecursive(true).files());
		assertEquals(List.of("sub/deep_ok.tif", "top_ok.tif"),
				ImageFolder.of(dir).withRecursive(true).withFilter("*_ok.tif").readAll().stream().map(NamedSlice::name).toList());
		assertEquals(List.of(sub.resolve("deep_bad.tif")), ImageFolder.of(dir).withRecursive(true).withFilter("regex:.*bad.*").files());
	}

	@Test
	void corruptPngIsNamed() throws IOException {
		byte[] noise = new byte[3000];
		new Random(42).nextBytes(noise);
		Path file = Files.write(dir.resolve("broken.png"), noise);
		ImageReadException e = assertThrows(ImageReadException.class, () -> ImageFolder.of(dir).readAll());
		assertEquals(file, e.file());
		assertTrue(e.getMessage().contains("broken.png") && e.getMessage().contains("corrupt or in an unsupported format"), e.getMessage());
	}

	@Test
	void textWithTifExtensionIsNamed() throws IOException {
		Path file = Files.writeString(dir.resolve("fake.tif"), "this is text, not a TIFF\n");
		ImageReadException e = assertThrows(ImageReadException.class, () -> ImageFolder.open(file));
		assertTrue(e.getMessage().contains("fake.tif") && e.getMessage().contains("looks like: txt"), e.getMessage());
	}

	@Test
	void emptyFileIsNamed() throws IOException {
		Path file = Files.createFile(dir.resolve("zero.png"));
		ImageReadException e = assertThrows(ImageReadException.class, () -> ImageFolder.open(file));
		assertTrue(e.getMessage().contains("zero.png: the file is empty"), e.getMessage());
	}

	@Test
	void emptyAndMissingFolders() throws IOException {
		ImageReadException e = assertThrows(ImageReadException.class, () -> ImageFolder.of(dir).files());
		assertEquals(dir + ": no image files in the folder", e.getMessage());
		Files.writeString(dir.resolve("readme.md"), "x");
		e = assertThrows(ImageReadException.class, () -> ImageFolder.of(dir).withFilter("*.png").files());
		assertTrue(e.getMessage().endsWith("no image files matching '*.png' in the folder (it holds 1 other file)"), e.getMessage());
		e = assertThrows(ImageReadException.class, () -> ImageFolder.of(dir.resolve("nope")).files());
		assertTrue(e.getMessage().endsWith("nope: the folder does not exist"), e.getMessage());
	}

	@Test
	void malformedFilterIsRefusedAtOnce() {
		IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ImageFolder.of(dir).withFilter("regex:[unclosed"));
		assertTrue(e.getMessage().contains("not a valid glob or regex"), e.getMessage());
	}

	private static void save(ImagePlus imp, Path file) {
		assertTrue(new FileSaver(imp).saveAsTiff(file.toString()), "could not write " + file);
	}
}
