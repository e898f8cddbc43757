package org.npad.fiji;

import org.npad.image.ImageReadException;

import java.nio.file.Path;
import java.util.List;

/**
 * A file Detect Folder skipped because it could not be read, and why: with skip_unreadable a large
 * folder is not stopped by one damaged file, and the file is still accounted for.
 *
 * @param file    relative to the images folder
 * @param problem what is wrong with it
 */
record UnreadableRow(String file, String problem) implements TableRow {

	static final List<String> COLUMNS = List.of("file", "problem");

	static UnreadableRow of(Path folder, ImageReadException e) {
		return new UnreadableRow(folder.relativize(e.file()).toString(), e.problem());
	}

	@Override
	public List<Object> values() {
		return List.of(file, problem);
	}
}
