package org.npad.updatesite;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Writes the file tree of a Fiji update site, ready to upload as it is: every jar as
 * {@code jars/<name>-<timestamp>} (the name the updater downloads) and {@code db.xml.gz}.
 * <p>
 * The file names in the index keep their versions ({@code jars/api-0.35.1.jar}), as the updater's own
 * upload does; Fiji matches a file across versions by its name without the version. Native jars go to
 * {@code jars/} too, limited to their platform by a {@code <platform>} tag: Fiji's launcher puts
 * {@code jars/<platform>/} on the Java module path, where a jar whose automatic module name is not a
 * legal identifier ({@code pytorch-native-cpu} gives {@code pytorch.native.cpu}, and {@code native} is a
 * keyword) stops the JVM from starting.
 * <p>
 * Building again is idempotent. If the tree already holds a {@code db.xml.gz} (the last build, or the
 * live site's index copied there before a release), a file whose checksum has not changed keeps its
 * timestamp and server file; a changed file gets a new timestamp and its old checksum becomes a
 * {@code <previous-version>}, so Fiji offers the update instead of reporting a locally modified file;
 * a file no longer built stays listed without a current version, which tells Fiji to uninstall it.
 */
public final class UpdateSiteBuilder {

	private final Path site;
	private final Clock clock;

	public UpdateSiteBuilder(Path site, Clock clock) {
		this.site = site;
		this.clock = clock;
	}

	/**
	 * Builds the tree from the plugin jar and the other jars it needs, returning what the index lists.
	 * The plugin depends on every other jar that is not platform-specific, so Fiji installs them with it.
	 */
	public List<PluginRecord> build(Path pluginJar, List<Path> otherJars) throws IOException {
		Map<String, PluginRecord> before = previousRecords();
		long now = UpdaterTimestamp.now(clock);

		List<Served> others = new ArrayList<>();
		Set<String> names = new HashSet<>();
		for (Path jar : otherJars) {
			others.add(serve(jar, List.of(), before, now, names));
		}
		List<FileDependency> dependencies = others.stream()
			.map(Served::record)
			.filter(record -> record.platforms().isEmpty())
			.map(record -> new FileDependency(record.filename(), record.current().orElseThrow().timestamp()))
			.toList();
		List<Served> served = new ArrayList<>(others);
		served.add(serve(pluginJar, dependencies, before, now, names));

		List<PluginRecord> records = new ArrayList<>(served.stream().map(Served::record).toList());
		for (PluginRecord gone : before.values()) {
			records.add(obsolete(gone, now));
		}
		records.sort(Comparator.comparing(PluginRecord::filename));
		writeFiles(served);
		DbXmlFile.write(records, site.resolve(DbXmlFile.NAME));
		return records;
	}

	/**
	 * A record and the jar to copy to its server file; no jar when an unchanged version's server
	 * file is already in the tree and stays as it is (a rebuilt jar differs in its bytes, not in what
	 * the updater compares).
	 */
	private record Served(PluginRecord record, Optional<Path> source) {}

	/** The last index in the tree by unversioned name; each entry is removed once a built jar claims it. */
	private Map<String, PluginRecord> previousRecords() throws IOException {
		Map<String, PluginRecord> byName = new LinkedHashMap<>();
		Path index = site.resolve(DbXmlFile.NAME);
		if (!Files.exists(index)) return byName;
		for (PluginRecord record : DbXmlFile.read(index)) {
			if (byName.put(record.unversionedName(), record) != null) {
				throw new IOException(index + ": lists " + record.unversionedName() + " twice; the updater would keep only one");
			}
		}
		return byName;
	}

	private Served serve(Path jar, List<FileDependency> dependencies, Map<String, PluginRecord> before, long now,
		Set<String> names) throws IOException
	{
		String filename = siteName(jar);
		if (!filename.endsWith(".jar") || !Files.isRegularFile(jar)) {
			throw new IOException(jar + ": not a jar file; an update site built here serves jars only");
		}
		String checksum = UpdaterChecksum.ofJar(jar);
		JarPom pom = JarPom.of(jar);
		List<String> platforms = FijiPlatform.ofJarName(filename).stream().toList();
		PluginRecord candidate = new PluginRecord(filename, platforms, Optional.empty(), List.of());
		if (!names.add(candidate.unversionedName())) {
			throw new IOException(jar + ": a second version of " + candidate.unversionedName() + "; Fiji installs one version of each file");
		}

		PluginRecord prior = before.remove(candidate.unversionedName());
		Optional<CurrentVersion> priorVersion = prior == null ? Optional.empty() : prior.current();
		boolean unchanged = priorVersion.isPresent() && prior.filename().equals(filename)
			&& priorVersion.get().checksum().equals(checksum);
		List<PreviousVersion> previous = new ArrayList<>(prior == null ? List.of() : prior.previous());
		if (priorVersion.isPresent() && !unchanged) previous.add(retired(prior, now));

		long timestamp = unchanged ? priorVersion.get().timestamp() : now;
		Path target = site.resolve(filename + "-" + timestamp);
		boolean keep = unchanged && Files.isRegularFile(target);
		long size = Files.size(keep ? target : jar);
		CurrentVersion version = new CurrentVersion(checksum, timestamp, size, pom.description(), dependencies, pom.authors());
		return new Served(new PluginRecord(filename, platforms, Optional.of(version), previous), keep ? Optional.empty() : Optional.of(jar));
	}

	private static PluginRecord obsolete(PluginRecord gone, long now) {
		if (gone.current().isEmpty()) return gone;
		List<PreviousVersion> previous = new ArrayList<>(gone.previous());
		previous.add(retired(gone, now));
		return new PluginRecord(gone.filename(), gone.platforms(), Optional.empty(), previous);
	}

	private static PreviousVersion retired(PluginRecord record, long now) {
		CurrentVersion version = record.current().orElseThrow();
		return new PreviousVersion(record.filename(), version.checksum(), version.timestamp(), now);
	}

	/** Where Fiji installs a jar from this site: its name under {@code jars/}. */
	private static String siteName(Path jar) {
		return "jars/" + jar.getFileName();
	}

	/** Copies what is missing or different, then removes server files of versions the index no longer serves. */
	private void writeFiles(List<Served> served) throws IOException {
		Set<Path> targets = new HashSet<>();
		for (Served file : served) {
			Path target = file.record().serverFile(site);
			targets.add(target);
			if (file.source().isEmpty()) continue;
			Path source = file.source().get();
			if (Files.exists(target) && Files.mismatch(source, target) == -1) continue;
			Files.createDirectories(target.getParent());
			Path part = target.resolveSibling(target.getFileName() + ".part");
			Files.copy(source, part, StandardCopyOption.REPLACE_EXISTING);
			Files.move(part, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
		}
		Path jars = site.resolve("jars");
		if (!Files.isDirectory(jars)) return;
		List<Path> stale;
		try (Stream<Path> files = Files.walk(jars)) {
			stale = files.filter(Files::isRegularFile).filter(f -> !targets.contains(f)).toList();
		}
		for (Path file : stale) {
			Files.delete(file);
		}
	}

	/**
	 * {@code UpdateSiteBuilder --out DIR --plugin PLUGIN.jar [OTHER.jar ...]}: builds the tree in DIR and
	 * prints each served file with its size.
	 */
	public static void main(String[] args) throws IOException {
		Path out = null;
		Path plugin = null;
		List<Path> others = new ArrayList<>();
		for (int i = 0; i < args.length; i++) {
			boolean option = args[i].equals("--out") || args[i].equals("--plugin");
			if (option && i + 1 == args.length) break;
			switch (args[i]) {
				case "--out" -> out = Path.of(args[++i]);
				case "--plugin" -> plugin = Path.of(args[++i]);
				default -> others.add(Path.of(args[i]));
			}
		}
		if (out == null || plugin == null || others.stream().anyMatch(p -> p.toString().startsWith("--"))) {
			System.err.println("usage: UpdateSiteBuilder --out DIR --plugin PLUGIN.jar [OTHER.jar ...]");
			System.exit(2);
		}
		Files.createDirectories(out);
		for (PluginRecord record : new UpdateSiteBuilder(out, Clock.systemDefaultZone()).build(plugin, others)) {
			if (record.current().isEmpty()) {
				System.out.println("obsolete  " + record.filename());
				continue;
			}
			Path file = record.serverFile(out);
			System.out.printf("%,13d  %s%s%n", Files.size(file), out.relativize(file),
				record.platforms().isEmpty() ? "" : "  (" + String.join(", ", record.platforms()) + " only)");
		}
	}
}
