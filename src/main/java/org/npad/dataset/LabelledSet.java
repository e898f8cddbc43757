package org.npad.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * A labelled data set for evaluation, read from one of the two layouts scientists bring: the MVTec AD
 * folder layout, or a CSV with columns image, mask, split, label, class (as MTD's split.csv),
 * paths relative to the CSV's folder.
 */
public record LabelledSet(String name, List<LabelledImage> images) {

	public List<LabelledImage> training() {
		return images.stream().filter(LabelledImage::training).toList();
	}

	public List<LabelledImage> test() {
		return images.stream().filter(i -> !i.training()).toList();
	}

	/** A CSV file or an MVTec AD category folder. */
	public static LabelledSet read(Path path) {
		return Files.isDirectory(path) ? mvtec(path) : csv(path);
	}

	public static LabelledSet csv(Path csv) {
		List<String> lines;
		try {
			lines = Files.readAllLines(csv);
		} catch (IOException e) {
			throw new UncheckedIOException("cannot read the data set list " + csv + ": " + e.getMessage(), e);
		}
		if (lines.isEmpty()) throw new IllegalArgumentException(csv + " is empty");
		List<String> header = Arrays.asList(lines.get(0).trim().split(","));
		int image = column(header, "image", csv), mask = column(header, "mask", csv), split = column(header, "split", csv),
				label = column(header, "label", csv), category = header.indexOf("class");
		Path base = csv.toAbsolutePath().getParent();
		List<LabelledImage> images = new ArrayList<>();
		for (int i = 1; i < lines.size(); i++) {
			String line = lines.get(i).trim();
			if (line.isEmpty()) continue;
			String[] f = line.split(",", -1);
			if (f.length < header.size()) throw new IllegalArgumentException(csv + " line " + (i + 1) + ": expected " + header.size() + " columns, got " + f.length);
			String s = f[split].trim().toLowerCase(Locale.ROOT);
			if (!s.equals("train") && !s.equals("test")) throw new IllegalArgumentException(csv + " line " + (i + 1) + ": split must be train or test, got '" + f[split] + "'");
			String l = f[label].trim();
			if (!l.equals("0") && !l.equals("1")) throw new IllegalArgumentException(csv + " line " + (i + 1) + ": label must be 0 or 1, got '" + l + "'");
			Path maskPath = f[mask].isBlank() ? null : base.resolve(f[mask].trim());
			images.add(new LabelledImage(base.resolve(f[image].trim()), maskPath, s.equals("train"), l.equals("1"),
					category >= 0 ? f[category].trim() : ""));
		}
		if (images.isEmpty()) throw new IllegalArgumentException(csv + " lists no images");
		return new LabelledSet(csv.getFileName().toString(), images);
	}

	/** train/good/*, test/<kind>/*, ground_truth/<kind>/<name>_mask.png. */
	public static LabelledSet mvtec(Path category) {
		Path train = category.resolve("train").resolve("good"), test = category.resolve("test");
		if (!Files.isDirectory(train) || !Files.isDirectory(test))
			throw new IllegalArgumentException(category + " is not an MVTec AD category folder (needs train/good and test)");
		List<LabelledImage> images = new ArrayList<>();
		for (Path p : list(train)) images.add(new LabelledImage(p, null, true, false, "good"));
		for (Path kind : list(test)) {
			if (!Files.isDirectory(kind)) continue;
			String k = kind.getFileName().toString();
			for (Path p : list(kind)) {
				boolean good = k.equals("good");
				Path mask = good ? null : category.resolve("ground_truth").resolve(k).resolve(stem(p) + "_mask.png");
				if (mask != null && !Files.exists(mask)) throw new IllegalArgumentException("no mask for " + p + " (expected " + mask + ")");
				images.add(new LabelledImage(p, mask, false, !good, k));
			}
		}
		return new LabelledSet(category.getFileName().toString(), images);
	}

	private static int column(List<String> header, String name, Path csv) {
		int i = header.indexOf(name);
		if (i < 0) throw new IllegalArgumentException(csv + " has no column '" + name + "' (needs image, mask, split, label)");
		return i;
	}

	private static List<Path> list(Path dir) {
		try (Stream<Path> s = Files.list(dir)) {
			return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
		} catch (IOException e) {
			throw new UncheckedIOException("cannot list " + dir + ": " + e.getMessage(), e);
		}
	}

	private static String stem(Path p) {
		String n = p.getFileName().toString();
		int dot = n.lastIndexOf('.');
		return dot < 0 ? n : n.substring(0, dot);
	}
}
