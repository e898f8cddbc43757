package org.npad.updatesite;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

import org.scijava.util.FileUtils;

/**
 * One {@code <plugin>} of {@code db.xml.gz} (the updater calls every file a plugin): a path inside
 * Fiji.app, the platforms it is for (none: all), its current version if the site still serves it
 * (absent: obsolete, to be uninstalled), and the checksums it had before.
 */
public record PluginRecord(String filename, List<String> platforms, Optional<CurrentVersion> current,
	List<PreviousVersion> previous) {

	public PluginRecord {
		platforms = List.copyOf(platforms);
		previous = List.copyOf(previous);
	}

	/**
	 * The name without its version, as the updater matches files ({@code jars/api-0.35.1.jar} and
	 * {@code jars/api-0.36.0.jar} are the same file in two versions).
	 */
	public String unversionedName() {
		return FileUtils.stripFilenameVersion(filename);
	}

	/** Where the current version lies in a site tree: the updater downloads {@code <filename>-<timestamp>}. */
	public Path serverFile(Path siteRoot) {
		CurrentVersion version = current.orElseThrow(() -> new IllegalStateException(filename + " is obsolete: the site serves no file for it"));
		return siteRoot.resolve(filename + "-" + version.timestamp());
	}
}
