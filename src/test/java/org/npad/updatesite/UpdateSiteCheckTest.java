package org.npad.updatesite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class UpdateSiteCheckTest {

	private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-23T10:45:00Z"), ZoneOffset.UTC);
	private static final String SERVED_PLUGIN = "jars/npad-fiji-1.2.0.jar-20260123104500";

	@TempDir
	Path dir;

	private Path site() {
		return dir.resolve("site");
	}

	private void build(TestJar plugin) throws IOException {
		Path library = new TestJar().entry("lib/a.txt", "a").writeTo(dir.resolve("in/api-0.35.1.jar"));
		new UpdateSiteBuilder(site(), CLOCK).build(plugin.writeTo(dir.resolve("in/npad-fiji-1.2.0.jar")), List.of(library));
	}

	private static TestJar pluginWithCommands() {
		return new TestJar()
			.entry(UpdateSiteCheck.COMMAND_INDEX, "{\"class\":\"org.npad.fiji.TrainCommand\",\"values\":{\"menu\":[{\"label\":\"Plugins\"}]}}")
			.entry("org/npad/fiji/TrainCommand.class", "x");
	}

	@Test
	void pluginWithoutCommandIndexIsReported() throws IOException {
		build(new TestJar().entry("org/npad/Thing.class", "x"));
		List<String> problems = UpdateSiteCheck.problems(site(), "jars/npad-fiji.jar");
		assertEquals(1, problems.size(), problems.toString());
		assertTrue(problems.get(0).contains(SERVED_PLUGIN) && problems.get(0).contains(UpdateSiteCheck.COMMAND_INDEX), problems.get(0));
	}

	@Test
	void indexNamingAClassTheJarLacksIsReported() throws IOException {
		build(pluginWithCommands().entry(UpdateSiteCheck.COMMAND_INDEX,
			"{\"class\":\"org.npad.fiji.TrainCommand\",\"values\":{}}{\"class\":\"org.npad.fiji.DetectCommand\",\"values\":{}}"));
		List<String> problems = UpdateSiteCheck.problems(site(), "jars/npad-fiji.jar");
		assertEquals(1, problems.size(), problems.toString());
		assertTrue(problems.get(0).contains("org.npad.fiji.DetectCommand") && problems.get(0).contains(SERVED_PLUGIN), problems.get(0));
	}

	@Test
	void pluginNotOnTheSiteIsReported() throws IOException {
		build(pluginWithCommands());
		List<String> problems = UpdateSiteCheck.problems(site(), "jars/other-plugin.jar");
		assertEquals(List.of(site() + ": serves no jars/other-plugin.jar"), problems);
	}

	@Test
	void fileChangedAfterTheBuildIsReportedBySize() throws IOException {
		build(pluginWithCommands());
		Files.write(site().resolve(SERVED_PLUGIN), new byte[] { 1, 2, 3 }, java.nio.file.StandardOpenOption.APPEND);
		List<String> problems = UpdateSiteCheck.problems(site(), "jars/npad-fiji.jar");
		assertTrue(problems.stream().anyMatch(p -> p.contains(SERVED_PLUGIN) && p.contains("bytes, but the index says")), problems.toString());
	}

	@Test
	void indexWithAnotherChecksumIsReported() throws IOException {
		build(pluginWithCommands());
		Path index = site().resolve(DbXmlFile.NAME);
		List<PluginRecord> altered = DbXmlFile.read(index).stream().map(r -> {
			if (!r.filename().startsWith("jars/api")) return r;
			CurrentVersion v = r.current().orElseThrow();
			return new PluginRecord(r.filename(), r.platforms(), Optional.of(new CurrentVersion("0".repeat(40), v.timestamp(),
				v.filesize(), v.description(), v.dependencies(), v.authors())), r.previous());
		}).toList();
		DbXmlFile.write(altered, index);
		List<String> problems = UpdateSiteCheck.problems(site(), "jars/npad-fiji.jar");
		assertEquals(1, problems.size(), problems.toString());
		assertTrue(problems.get(0).contains("jars/api-0.35.1.jar-20260123104500") && problems.get(0).contains("0".repeat(40)), problems.get(0));
	}

	@Test
	void unlistedOrMissingFilesAreReported() throws IOException {
		build(pluginWithCommands());
		Files.writeString(site().resolve("jars/stray.jar"), "x");
		Files.delete(site().resolve("jars/api-0.35.1.jar-20260123104500"));
		List<String> problems = UpdateSiteCheck.problems(site(), "jars/npad-fiji.jar");
		assertTrue(problems.stream().anyMatch(p -> p.contains("jars/stray.jar") && p.contains("not listed")), problems.toString());
		assertTrue(problems.stream().anyMatch(p -> p.contains("jars/api-0.35.1.jar-20260123104500") && p.contains("missing")), problems.toString());
	}

	@Test
	void treeWithoutIndexIsReported() throws IOException {
		Files.createDirectories(site());
		assertEquals(List.of(site().resolve(DbXmlFile.NAME) + ": missing; Fiji reads a site through this file"),
			UpdateSiteCheck.problems(site(), "jars/npad-fiji.jar"));
	}
}
