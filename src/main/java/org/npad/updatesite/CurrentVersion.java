package org.npad.updatesite;

import java.util.List;

/**
 * The {@code <version>} of a file: what the updater downloads (from
 * {@code <site>/<filename>-<timestamp>}) and then verifies by {@code filesize} and {@code checksum}.
 * {@code description} is null when the jar carries none.
 */
public record CurrentVersion(String checksum, long timestamp, long filesize, String description,
	List<FileDependency> dependencies, List<String> authors) {

	public CurrentVersion {
		dependencies = List.copyOf(dependencies);
		authors = List.copyOf(authors);
	}
}
