package org.npad.fiji;

import ij.ImagePlus;
import ij.io.FileSaver;

import java.io.IOException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * The commands' rules for files they write: an existing file is replaced only when the user said so,
 * and a file appears complete or not at all (written to a temporary name beside it, then renamed), so
 * that a cancelled or failed run never leaves a half-written heatmap or table behind.
 */
final class OutputFiles {

	/** Writes the content of a file to the given path. */
	@FunctionalInterface
	interface Writer {
		void write(Path file) throws IOException;
	}

	private OutputFiles() {
	}

	/**
	 * Refuses a file that exists (unless overwriting) or whose folder does not.
	 *
	 * @param what what the file is, for messages ("model file", "results table")
	 */
	static void requireWritable(Path file, boolean overwrite, String what) {
		requireFree(file, overwrite, what);
		Path parent = file.toAbsolutePath().getParent();
		if (parent == null || !Files.isDirectory(parent))
			throw new IllegalArgumentException("the folder of the " + what + " " + file + " does not exist");
	}

	/** Refuses a file that exists, unless overwriting; its folder may still have to be made. */
	static void requireFree(Path file, boolean overwrite, String what) {
		if (file == null) throw new IllegalArgumentException("the " + what + " is missing");
		if (Files.isDirectory(file)) throw new IllegalArgumentException(file + " is a folder, not a " + what);
		if (Files.exists(file) && !overwrite)
			throw new IllegalArgumentException(file + " already exists: choose another " + what + ", or set overwrite to replace it");
	}

	/** Writes through a temporary file in the same folder and renames it into place. */
	static void writeAtomically(Path file, Writer writer) throws IOException {
		Path target = file.toAbsolutePath();
		Path temp = Files.createTempFile(target.getParent(), "." + target.getFileName() + ".", ".part");
		try {
			writer.write(temp);
			try {
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
			} catch (AtomicMoveNotSupportedException e) {
				Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
			}
		} finally {
			Files.deleteIfExists(temp);
		}
	}

	/** An image (a mask, a plot) as a PNG file, written atomically. */
	static void writePng(ImagePlus image, Path file) throws IOException {
		writeAtomically(file, temp -> {
			if (!new FileSaver(image).saveAsPng(temp.toString())) throw new IOException("ImageJ could not write " + file);
		});
	}
}
