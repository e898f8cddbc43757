package org.npad.image;

import ij.IJ;
import ij.ImagePlus;
import ij.ImageStack;
import ij.io.Opener;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The images of a folder, for batch training and detection: the matching files in a fixed order (sorted
 * by relative path, so every run sees the same images in the same order), each slice of a stack an
 * image of its own. Hidden files (names starting with '.', such as macOS "._x.png") are skipped.
 * Anything unreadable stops the work with an {@link ImageReadException} naming the file, rather than
 * being skipped silently and changing the training set; only a caller that is told of each one may
 * skip it ({@link #slices(Consumer)}).
 *
 * @param directory the folder
 * @param filter    which file names count: null for the usual image extensions (tif, tiff, png, jpg,
 *                  jpeg, bmp, gif, pgm; any case), "glob:..." or "regex:..." as for
 *                  {@link java.nio.file.FileSystem#getPathMatcher}, or a bare glob such as "*_ok.png";
 *                  matched against the file name only
 * @param recursive whether sub-folders are searched too
 */
public record ImageFolder(Path directory, String filter, boolean recursive) {

	private static final Set<String> IMAGE_EXTENSIONS = Set.of("tif", "tiff", "png", "jpg", "jpeg", "bmp", "gif", "pgm");

	public ImageFolder {
		if (directory == null) throw new IllegalArgumentException("folder is missing");
		if (filter != null && filter.isBlank()) filter = null;
		if (filter != null) matcher(filter); // reject a malformed pattern now, not at the first listing
	}

	/** The usual image files directly inside a folder. */
	public static ImageFolder of(Path directory) {
		return new ImageFolder(directory, null, false);
	}

	public ImageFolder withFilter(String v) {
		return new ImageFolder(directory, v, recursive);
	}

	public ImageFolder withRecursive(boolean v) {
		return new ImageFolder(directory, filter, v);
	}

	/** The matching files, sorted by relative path; at least one. */
	public List<Path> files() {
		if (!Files.exists(directory)) throw new ImageReadException(directory, "the folder does not exist");
		if (!Files.isDirectory(directory)) throw new ImageReadException(directory, "is not a folder");
		PathMatcher matcher = filter == null ? null : matcher(filter);
		List<Path> all;
		try (Stream<Path> s = recursive ? Files.walk(directory) : Files.list(directory)) {
			all = s.filter(Files::isRegularFile).filter(p -> !p.getFileName().toString().startsWith(".")).toList();
		} catch (IOException | RuntimeException e) {
			throw new ImageReadException(directory, "cannot list the folder: " + e.getMessage(), e);
		}
		List<Path> matching = new ArrayList<>();
		for (Path p : all) {
			if (matcher == null ? hasImageExtension(p) : matcher.matches(p.getFileName())) matching.add(p);
		}
		if (matching.isEmpty()) {
			throw new ImageReadException(directory, "no image files" + (filter == null ? "" : " matching '" + filter + "'")
					+ (recursive ? " in the folder or its sub-folders" : " in the folder")
					+ (all.isEmpty() ? "" : " (it holds " + all.size() + " other file" + (all.size() == 1 ? "" : "s") + ")"));
		}
		matching.sort((a, b) -> relativeName(a).compareTo(relativeName(b)));
		return matching;
	}

	/** Every slice of every matching file, read lazily one file at a time, in {@link #files()} order. */
	public Iterable<NamedSlice> slices() {
		return slices(null);
	}

	/**
	 * As {@link #slices()}, but a file that cannot be read is handed to unreadable and skipped.
	 *
	 * @param unreadable told of each file that cannot be read, or null to stop at the first
	 */
	public Iterable<NamedSlice> slices(Consumer<ImageReadException> unreadable) {
		List<Path> files = files();
		return () -> new Iterator<>() {
			private int nextFile;
			private Iterator<NamedSlice> current = List.<NamedSlice>of().iterator();

			@Override
			public boolean hasNext() {
				while (!current.hasNext() && nextFile < files.size()) {
					Path f = files.get(nextFile++);
					try {
						current = read(f, relativeName(f)).iterator();
					} catch (ImageReadException e) {
						if (unreadable == null) throw e;
						unreadable.accept(e);
					}
				}
				return current.hasNext();
			}

			@Override
			public NamedSlice next() {
				if (!hasNext()) throw new NoSuchElementException();
				return current.next();
			}
		};
	}

	/** All slices at once; for folders that fit in memory. */
	public List<NamedSlice> readAll() {
		List<NamedSlice> all = new ArrayList<>();
		slices().forEach(all::add);
		return all;
	}

	/** The slices of one file; the name of a single-slice file is {@code name}, of stack slice k {@code name#k}. */
	public static List<NamedSlice> read(Path file, String name) {
		ImagePlus imp = open(file);
		ImageStack stack = imp.getStack();
		List<NamedSlice> slices = new ArrayList<>();
		for (int k = 1; k <= stack.getSize(); k++) {
			slices.add(new NamedSlice(stack.getSize() == 1 ? name : name + "#" + k, file, k, stack.getProcessor(k), imp.getCalibration().copy()));
		}
		return slices;
	}

	/**
	 * Opens a file with ImageJ's own opener (so every format ImageJ, or in Fiji Bio-Formats, reads
	 * works), with error dialogs kept off; a file that yields no image is an {@link ImageReadException}.
	 */
	public static ImagePlus open(Path file) {
		if (!Files.isRegularFile(file)) throw new ImageReadException(file, "no such file");
		if (!Files.isReadable(file)) throw new ImageReadException(file, "the file cannot be read (permissions?)");
		try {
			if (Files.size(file) == 0) throw new ImageReadException(file, "the file is empty (0 bytes)");
		} catch (IOException e) {
			throw new ImageReadException(file, "cannot read the file size: " + e.getMessage(), e);
		}
		Opener opener = new Opener();
		opener.setSilentMode(true);
		ImagePlus imp;
		IJ.redirectErrorMessages(true);
		try {
			imp = opener.openImage(file.toString());
		} catch (RuntimeException e) {
			throw new ImageReadException(file, "ImageJ failed while reading it: " + e, e);
		} finally {
			IJ.redirectErrorMessages(false);
		}
		if (imp == null) {
			int type = opener.getFileType(file.toString());
			String looksLike = type > 0 && type < Opener.types.length ? "; its content looks like: " + Opener.types[type] : "";
			throw new ImageReadException(file, "not an image ImageJ can read: the file is corrupt or in an unsupported format" + looksLike);
		}
		if (imp.getStackSize() < 1 || imp.getWidth() < 1 || imp.getHeight() < 1) {
			throw new ImageReadException(file, "the image has no pixels");
		}
		return imp;
	}

	/** Refuses images of different sizes where one size is required, naming the first misfit. */
	public static void requireSameSize(List<NamedSlice> slices) {
		if (slices.isEmpty()) return;
		NamedSlice first = slices.get(0);
		for (NamedSlice s : slices) {
			if (s.width() != first.width() || s.height() != first.height()) {
				throw new ImageReadException(s.file(), s.name() + " is " + s.width() + " x " + s.height() + " but "
						+ first.name() + " is " + first.width() + " x " + first.height() + ": all images must have one size here");
			}
		}
	}

	private String relativeName(Path file) {
		return directory.relativize(file).toString().replace('\\', '/');
	}

	private static boolean hasImageExtension(Path file) {
		String name = file.getFileName().toString();
		int dot = name.lastIndexOf('.');
		return dot >= 0 && IMAGE_EXTENSIONS.contains(name.substring(dot + 1).toLowerCase(Locale.ROOT));
	}

	private static PathMatcher matcher(String filter) {
		String syntax = filter.startsWith("glob:") || filter.startsWith("regex:") ? filter : "glob:" + filter;
		try {
			return FileSystems.getDefault().getPathMatcher(syntax);
		} catch (RuntimeException e) {
			throw new IllegalArgumentException("file filter '" + filter + "' is not a valid glob or regex: " + e.getMessage(), e);
		}
	}
}
