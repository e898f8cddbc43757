package org.npad.image.sample;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * Generates the project's own small defect data set (sample-data/ in the repository): synthetic
 * polished-metal surfaces, 20 nominal training images, 8 nominal and 12 defective test images (scratch,
 * pit, crack, stain; 3 each), a 0/255 mask for every image and a split.csv in the MTD layout
 * (image,mask,split,label,class). Every fourth image is 300 x 240, the others 256 x 256. The output
 * depends on the seed alone, byte for byte, so the committed files can be checked against a fresh run.
 *
 * <p>Usage: {@code java -cp target/classes org.npad.image.sample.SampleDataGenerator [--seed N] [--out DIR]}
 */
public final class SampleDataGenerator {

	/** The seed of the committed sample-data/. */
	public static final long DEFAULT_SEED = 1;

	static final int TRAIN_NOMINAL = 20;
	static final int TEST_NOMINAL = 8;
	static final int TEST_PER_DEFECT = 3;
	private static final String NOMINAL_CLASS = "Free";

	private SampleDataGenerator() {}

	/** One image of the plan. */
	private record Entry(String split, String className, DefectKind defect, int number, int width, int height) {
		String fileName() {
			return split + "_" + className.toLowerCase(Locale.ROOT) + "_" + String.format(Locale.ROOT, "%02d", number) + ".png";
		}
	}

	public static void main(String[] args) throws IOException {
		long seed = DEFAULT_SEED;
		Path out = Path.of("sample-data");
		for (int i = 0; i < args.length; i++) {
			switch (args[i]) {
				case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
				case "--out" -> out = Path.of(value(args, ++i, "--out"));
				default -> throw new IllegalArgumentException("unknown argument '" + args[i] + "'; usage: [--seed N] [--out DIR]");
			}
		}
		List<Path> files = generate(seed, out);
		System.out.println("wrote " + files.size() + " files to " + out.toAbsolutePath() + " (seed " + seed + ")");
	}

	/** Writes the data set under {@code out} and returns the files written, in writing order. */
	public static List<Path> generate(long seed, Path out) throws IOException {
		List<Entry> plan = plan();
		Random master = new Random(seed);
		List<Path> written = new ArrayList<>();
		StringBuilder csv = new StringBuilder("image,mask,split,label,class\n");
		for (Entry e : plan) {
			Random rng = new Random(master.nextLong());
			float[] surface = SurfaceTexture.render(e.width(), e.height(), rng);
			boolean[] mask = new boolean[surface.length];
			if (e.defect() != null) new DefectPainter(surface, mask, e.width(), e.height(), rng).paint(e.defect());
			String image = "images/" + e.className() + "/" + e.fileName();
			String maskName = "masks/" + e.className() + "/" + e.fileName();
			written.add(write(out.resolve(image), PngEncoder.encode(toBytes(surface), e.width(), e.height())));
			written.add(write(out.resolve(maskName), PngEncoder.encode(toBytes(mask), e.width(), e.height())));
			csv.append(image).append(',').append(maskName).append(',').append(e.split()).append(',')
					.append(e.defect() == null ? 0 : 1).append(',').append(e.className()).append('\n');
		}
		written.add(write(out.resolve("split.csv"), csv.toString().getBytes(StandardCharsets.UTF_8)));
		written.add(write(out.resolve("README.txt"), readme(seed).getBytes(StandardCharsets.UTF_8)));
		return written;
	}

	private static List<Entry> plan() {
		List<Entry> plan = new ArrayList<>();
		for (int i = 0; i < TRAIN_NOMINAL; i++) plan.add(entry("train", NOMINAL_CLASS, null, i));
		for (int i = 0; i < TEST_NOMINAL; i++) plan.add(entry("test", NOMINAL_CLASS, null, i));
		for (DefectKind kind : DefectKind.values()) {
			for (int i = 0; i < TEST_PER_DEFECT; i++) plan.add(entry("test", kind.className(), kind, i));
		}
		return plan;
	}

	private static Entry entry(String split, String className, DefectKind defect, int number) {
		boolean wide = number % 4 == 3;
		return new Entry(split, className, defect, number, wide ? 300 : 256, wide ? 240 : 256);
	}

	private static byte[] toBytes(float[] image) {
		byte[] b = new byte[image.length];
		for (int i = 0; i < b.length; i++) b[i] = (byte) Math.min(255, Math.max(0, Math.round(image[i])));
		return b;
	}

	private static byte[] toBytes(boolean[] mask) {
		byte[] b = new byte[mask.length];
		for (int i = 0; i < b.length; i++) b[i] = mask[i] ? (byte) 255 : 0;
		return b;
	}

	private static Path write(Path file, byte[] bytes) throws IOException {
		Files.createDirectories(file.getParent());
		return Files.write(file, bytes);
	}

	private static String value(String[] args, int i, String name) {
		if (i >= args.length) throw new IllegalArgumentException(name + " needs a value");
		return args[i];
	}

	private static String readme(long seed) {
		return """
				N-pad for Fiji sample data: synthetic polished-metal surfaces with defects.

				Made by org.npad.image.sample.SampleDataGenerator with seed %d
				(scripts/generate-sample-data.sh); a fresh run writes these files byte for byte.
				No external images were used; the data is the project's own (BSD-2-Clause).

				images/<class>/*.png   8-bit gray surfaces, 256 x 256 or 300 x 240
				masks/<class>/*.png    ground truth, 0 = nominal, 255 = defect (all 0 for class Free)
				split.csv              image,mask,split,label,class as in the MTD split file:
				                       train: %d Free; test: %d Free and %d each of Scratch, Pit, Crack, Stain
				""".formatted(seed, TRAIN_NOMINAL, TEST_NOMINAL, TEST_PER_DEFECT);
	}
}
