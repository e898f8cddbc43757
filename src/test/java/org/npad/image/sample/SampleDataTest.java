package org.npad.image.sample;

import ij.ImagePlus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npad.image.ImageFolder;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The committed sample-data/ is what the generator writes for its seed, and it is what it claims to be. */
class SampleDataTest {

	private static final Path COMMITTED = Path.of("sample-data");

	@TempDir
	static Path fresh;

	@BeforeAll
	static void regenerate() throws IOException {
		SampleDataGenerator.generate(SampleDataGenerator.DEFAULT_SEED, fresh);
	}

	@Test
	void committedFilesAreTheGeneratorsOutputByteForByte() throws IOException {
		assertTrue(Files.isDirectory(COMMITTED), "run the tests from the project root, where sample-data/ is");
		List<String> committed = relativeFiles(COMMITTED);
		List<String> generated = relativeFiles(fresh);
		assertEquals(generated, committed, "the committed file list differs from a fresh run");
		for (String f : generated) {
			assertArrayEquals(Files.readAllBytes(fresh.resolve(f)), Files.readAllBytes(COMMITTED.resolve(f)), f + " differs from a fresh run");
		}
		long bytes = 0;
		for (String f : committed) bytes += Files.size(COMMITTED.resolve(f));
		assertTrue(bytes < 2_000_000, "sample data should stay under 2 MB, is " + bytes);
	}

	@Test
	void splitListsEveryImageWithAMatchingMask() throws IOException {
		List<String> lines = Files.readAllLines(fresh.resolve("split.csv"));
		assertEquals("image,mask,split,label,class", lines.get(0));
		Map<String, Integer> perGroup = new TreeMap<>();
		for (String line : lines.subList(1, lines.size())) {
			String[] f = line.split(",");
			assertEquals(5, f.length, line);
			perGroup.merge(f[2] + " " + f[4], 1, Integer::sum);
			ImagePlus image = ImageFolder.open(fresh.resolve(f[0]));
			ImagePlus mask = ImageFolder.open(fresh.resolve(f[1]));
			assertEquals(8, image.getBitDepth(), f[0]);
			assertTrue(image.getWidth() == 256 && image.getHeight() == 256 || image.getWidth() == 300 && image.getHeight() == 240, f[0]);
			assertEquals(image.getWidth(), mask.getWidth(), f[1]);
			assertEquals(image.getHeight(), mask.getHeight(), f[1]);
			byte[] m = (byte[]) mask.getProcessor().getPixels();
			int foreground = 0;
			for (byte b : m) {
				assertTrue(b == 0 || b == (byte) 255, f[1] + " is not binary 0/255");
				if (b != 0) foreground++;
			}
			if (f[3].equals("0")) {
				assertEquals("Free", f[4]);
				assertEquals(0, foreground, f[1] + " of a nominal image must be empty");
			} else {
				assertTrue(foreground >= 20 && foreground < m.length / 10, f[1] + " has " + foreground + " defect pixels");
			}
		}
		assertEquals(Map.of("train Free", 20, "test Free", 8, "test Scratch", 3, "test Pit", 3, "test Crack", 3, "test Stain", 3), perGroup);
	}

	/** Hidden files (.gitattributes) belong to the repository, not to the data. */
	private static List<String> relativeFiles(Path root) throws IOException {
		try (Stream<Path> s = Files.walk(root)) {
			return s.filter(Files::isRegularFile)
					.filter(p -> !p.getFileName().toString().startsWith("."))
					.map(p -> root.relativize(p).toString().replace('\\', '/'))
					.sorted()
					.collect(Collectors.toList());
		}
	}
}
