package org.npad.updatesite;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

import org.scijava.util.FileUtils;

import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonStreamParser;

/**
 * Checks an update site tree before it is uploaded, the way Fiji will see it: the index parses and
 * validates, every file in the tree is listed, every listed file is there with the size and checksum
 * the updater will verify after downloading it, dependencies point at files the site serves, and the
 * plugin jar carries the SciJava command index without which Fiji shows no menu entries, naming only
 * classes the jar holds.
 */
public final class UpdateSiteCheck {

	/** Written by scijava-common's annotation processor for every {@code @Plugin} class at compile time. */
	public static final String COMMAND_INDEX = "META-INF/json/org.scijava.plugin.Plugin";

	private UpdateSiteCheck() {}

	/**
	 * What is wrong with the tree at {@code site}, in sentences naming the file; empty when it is ready.
	 * {@code plugin} is the plugin's name without version, as in {@code jars/npad-fiji.jar}.
	 */
	public static List<String> problems(Path site, String plugin) throws IOException {
		Path index = site.resolve(DbXmlFile.NAME);
		if (!Files.isRegularFile(index)) return List.of(index + ": missing; Fiji reads a site through this file");
		List<PluginRecord> records;
		try {
			records = DbXmlFile.read(index);
		} catch (IOException e) {
			return List.of(e.getMessage());
		}

		List<String> problems = new ArrayList<>();
		Set<Path> listed = new HashSet<>();
		Set<String> served = new HashSet<>();
		for (PluginRecord record : records) {
			if (record.current().isEmpty()) continue;
			listed.add(record.serverFile(site));
			served.add(record.unversionedName());
			servedFileProblem(site, record).ifPresent(problems::add);
		}
		for (Path file : treeFiles(site)) {
			if (!file.equals(index) && !listed.contains(file)) {
				problems.add(file + ": not listed in " + DbXmlFile.NAME + "; Fiji would never download it");
			}
		}
		for (PluginRecord record : records) {
			for (FileDependency dependency : record.current().map(CurrentVersion::dependencies).orElse(List.of())) {
				if (!served.contains(FileUtils.stripFilenameVersion(dependency.filename()))) {
					problems.add(record.filename() + ": depends on " + dependency.filename() + ", which this site does not serve");
				}
			}
		}
		problems.addAll(pluginProblems(site, records, plugin));
		return problems;
	}

	private static Optional<String> servedFileProblem(Path site, PluginRecord record) throws IOException {
		Path file = record.serverFile(site);
		CurrentVersion version = record.current().orElseThrow();
		if (!Files.isRegularFile(file)) return Optional.of(file + ": listed for " + record.filename() + " but missing");
		if (Files.size(file) != version.filesize()) {
			return Optional.of(file + ": " + Files.size(file) + " bytes, but the index says " + version.filesize()
				+ "; Fiji rejects the download");
		}
		if (!record.filename().endsWith(".jar")) {
			return Optional.of(file + ": not a jar; this check knows only the updater's checksum of jars");
		}
		String checksum = UpdaterChecksum.ofJar(file);
		if (!checksum.equals(version.checksum())) {
			return Optional.of(file + ": updater checksum " + checksum + ", but the index says " + version.checksum()
				+ "; Fiji rejects the download");
		}
		return Optional.empty();
	}

	private static List<String> pluginProblems(Path site, List<PluginRecord> records, String plugin) throws IOException {
		Optional<PluginRecord> record = records.stream()
			.filter(r -> r.current().isPresent() && r.unversionedName().equals(plugin))
			.findFirst();
		if (record.isEmpty()) return List.of(site + ": serves no " + plugin);
		Path jar = record.get().serverFile(site);
		if (!Files.isRegularFile(jar)) return List.of();
		try (JarFile file = new JarFile(jar.toFile())) {
			JarEntry commands = file.getJarEntry(COMMAND_INDEX);
			if (commands == null || commands.getSize() == 0) {
				return List.of(jar + ": has no " + COMMAND_INDEX + ", so Fiji would show none of its commands. "
					+ "scijava-common's annotation processor writes it while compiling classes annotated @Plugin; "
					+ "either the jar has none or annotation processing did not run");
			}
			List<String> problems = new ArrayList<>();
			for (String className : indexedClasses(file, commands)) {
				if (file.getJarEntry(className.replace('.', '/') + ".class") == null) {
					problems.add(jar + ": its " + COMMAND_INDEX + " names " + className + ", which the jar does not contain; "
						+ "Fiji would show a command that fails (an index left over from an earlier build? build from clean)");
				}
			}
			return problems;
		}
	}

	/** The index is a sequence of JSON objects, one per plugin, each naming its class. */
	private static List<String> indexedClasses(JarFile file, JarEntry index) throws IOException {
		List<String> classes = new ArrayList<>();
		try (Reader in = new InputStreamReader(file.getInputStream(index), StandardCharsets.UTF_8)) {
			JsonStreamParser parser = new JsonStreamParser(in);
			while (parser.hasNext()) {
				JsonElement plugin = parser.next();
				JsonElement name = plugin.isJsonObject() ? plugin.getAsJsonObject().get("class") : null;
				if (name == null) throw new IOException(file.getName() + ": " + COMMAND_INDEX + " holds an entry without a class: " + plugin);
				classes.add(name.getAsString());
			}
		} catch (JsonParseException e) {
			throw new IOException(file.getName() + ": " + COMMAND_INDEX + " is not readable JSON: " + e.getMessage(), e);
		}
		return classes;
	}

	private static List<Path> treeFiles(Path site) throws IOException {
		try (Stream<Path> files = Files.walk(site)) {
			return files.filter(Files::isRegularFile).toList();
		}
	}

	/** {@code UpdateSiteCheck SITE_DIR PLUGIN_NAME}: prints the problems and exits 1 when there are any. */
	public static void main(String[] args) throws IOException {
		if (args.length != 2) {
			System.err.println("usage: UpdateSiteCheck SITE_DIR jars/PLUGIN.jar");
			System.exit(2);
		}
		List<String> problems = problems(Path.of(args[0]), args[1]);
		if (problems.isEmpty()) {
			System.out.println(args[0] + ": ready to upload (index valid; every file listed, present, with matching size and checksum; "
				+ args[1] + " holds the SciJava command index)");
			return;
		}
		problems.forEach(problem -> System.err.println("update site problem: " + problem));
		System.exit(1);
	}
}
