package org.npad.updatesite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.GZIPInputStream;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

class UpdateSiteBuilderTest {

	private static final Clock FIRST = Clock.fixed(Instant.parse("2026-01-23T10:45:00Z"), ZoneOffset.UTC);
	private static final Clock LATER = Clock.fixed(Instant.parse("2026-02-01T08:00:30Z"), ZoneOffset.UTC);

	@TempDir
	Path dir;

	private Path site() {
		return dir.resolve("site");
	}

	private Path plugin() throws IOException {
		return pluginContent().writeTo(dir.resolve("in/npad-fiji-1.2.0.jar"));
	}

	private static TestJar pluginContent() {
		return new TestJar()
			.entry("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n")
			.entry(UpdateSiteCheck.COMMAND_INDEX, "{\"class\":\"org.npad.fiji.TrainCommand\",\"values\":{}}")
			.entry("META-INF/maven/org.npad/npad-fiji/pom.xml", """
				<project xmlns="http://maven.apache.org/POM/4.0.0">
					<name>N-pad for Fiji</name>
					<description>Unsupervised anomaly detection for Fiji.</description>
					<developers><developer><id>a</id><name>Ada</name></developer><developer><name>Bo</name></developer></developers>
				</project>""")
			.entry("org/npad/fiji/TrainCommand.class", new byte[] { (byte) 0xCA, (byte) 0xFE, 1 });
	}

	private Path library(String name, String content) throws IOException {
		return new TestJar().entry("lib/" + name + ".txt", content).writeTo(dir.resolve("in/" + name));
	}

	private List<Path> libraries() throws IOException {
		return List.of(library("api-0.35.1.jar", "api"), library("pytorch-native-cpu-2.7.1-linux-x86_64.jar", "libtorch"),
			library("npad-backbone-resnet50.jar", "weights"));
	}

	@Test
	void treeHoldsExactlyTheServerFilesAndTheIndex() throws IOException {
		new UpdateSiteBuilder(site(), FIRST).build(plugin(), libraries());
		assertEquals(Set.of("db.xml.gz", "jars/npad-fiji-1.2.0.jar-20260123104500", "jars/api-0.35.1.jar-20260123104500",
			"jars/pytorch-native-cpu-2.7.1-linux-x86_64.jar-20260123104500", "jars/npad-backbone-resnet50.jar-20260123104500"),
			treeFiles());
		assertEquals(List.of(), UpdateSiteCheck.problems(site(), "jars/npad-fiji.jar"));
	}

	/** The index read with a validating javax.xml parser on its own, every plugin checked against the file in the tree. */
	@Test
	void indexValidatesAndListsEveryFileWithItsSizeAndChecksum() throws Exception {
		new UpdateSiteBuilder(site(), FIRST).build(plugin(), libraries());
		Document index = validatedIndex();

		NodeList plugins = index.getElementsByTagName("plugin");
		Map<String, Element> byName = new HashMap<>();
		for (int i = 0; i < plugins.getLength(); i++) {
			Element plugin = (Element) plugins.item(i);
			Element version = (Element) plugin.getElementsByTagName("version").item(0);
			Path served = site().resolve(plugin.getAttribute("filename") + "-" + version.getAttribute("timestamp"));
			assertEquals(Files.size(served), Long.parseLong(version.getAttribute("filesize")), served.toString());
			assertEquals(UpdaterChecksum.ofJar(served), version.getAttribute("checksum"), served.toString());
			byName.put(plugin.getAttribute("filename"), plugin);
		}
		Set<String> listed = byName.values().stream()
			.map(p -> p.getAttribute("filename") + "-" + ((Element) p.getElementsByTagName("version").item(0)).getAttribute("timestamp"))
			.collect(Collectors.toSet());
		Set<String> inTree = treeFiles();
		inTree.remove("db.xml.gz");
		assertEquals(inTree, listed);

		Element nativeJar = byName.get("jars/pytorch-native-cpu-2.7.1-linux-x86_64.jar");
		assertEquals("linux64", nativeJar.getElementsByTagName("platform").item(0).getTextContent());
		assertEquals(0, byName.get("jars/api-0.35.1.jar").getElementsByTagName("platform").getLength());

		Element plugin = byName.get("jars/npad-fiji-1.2.0.jar");
		assertEquals("Unsupervised anomaly detection for Fiji.", plugin.getElementsByTagName("description").item(0).getTextContent());
		assertEquals(List.of("Ada", "Bo"), texts(plugin.getElementsByTagName("author")));
		NodeList dependencies = plugin.getElementsByTagName("dependency");
		Set<String> dependsOn = Stream.iterate(0, i -> i < dependencies.getLength(), i -> i + 1)
			.map(i -> ((Element) dependencies.item(i)).getAttribute("filename") + "@" + ((Element) dependencies.item(i)).getAttribute("timestamp"))
			.collect(Collectors.toSet());
		// not the native jar: on other platforms it does not exist, and DJL fetches libtorch itself
		assertEquals(Set.of("jars/api-0.35.1.jar@20260123104500", "jars/npad-backbone-resnet50.jar@20260123104500"), dependsOn);
	}

	@Test
	void buildingAgainChangesNothing() throws IOException {
		Path plugin = plugin();
		List<Path> libraries = libraries();
		new UpdateSiteBuilder(site(), FIRST).build(plugin, libraries);
		byte[] index = Files.readAllBytes(site().resolve("db.xml.gz"));
		Set<String> files = treeFiles();
		Path served = site().resolve("jars/npad-fiji-1.2.0.jar-20260123104500");
		byte[] servedBytes = Files.readAllBytes(served);

		// the plugin rebuilt later: other entry dates and compression, so other bytes, same checksum
		Path rebuilt = pluginContent()
			.entry("META-INF/MANIFEST.MF", "Manifest-Version: 1.0\nCreated-By: a later build\n")
			.entryTime(FileTime.fromMillis(1_800_000_000_000L))
			.stored()
			.writeTo(dir.resolve("rebuilt/npad-fiji-1.2.0.jar"));
		assertFalse(Arrays.equals(Files.readAllBytes(plugin), Files.readAllBytes(rebuilt)));

		new UpdateSiteBuilder(site(), LATER).build(rebuilt, libraries);
		assertArrayEquals(index, Files.readAllBytes(site().resolve("db.xml.gz")));
		assertEquals(files, treeFiles());
		assertArrayEquals(servedBytes, Files.readAllBytes(served), "the server file of an unchanged version stays as uploaded");
	}

	@Test
	void changedJarIsANewVersionAndTheOldChecksumStaysKnown() throws IOException {
		Path plugin = plugin();
		new UpdateSiteBuilder(site(), FIRST).build(plugin, libraries());
		String oldChecksum = UpdaterChecksum.ofJar(dir.resolve("in/api-0.35.1.jar"));
		Files.delete(dir.resolve("in/api-0.35.1.jar"));
		Path newApi = library("api-0.36.0.jar", "api, newer");

		List<PluginRecord> records = new UpdateSiteBuilder(site(), LATER).build(plugin,
			List.of(newApi, dir.resolve("in/pytorch-native-cpu-2.7.1-linux-x86_64.jar"), dir.resolve("in/npad-backbone-resnet50.jar")));

		PluginRecord api = records.stream().filter(r -> r.unversionedName().equals("jars/api.jar")).findFirst().orElseThrow();
		assertEquals("jars/api-0.36.0.jar", api.filename());
		assertEquals(20260201080030L, api.current().orElseThrow().timestamp());
		assertEquals(List.of(new PreviousVersion("jars/api-0.35.1.jar", oldChecksum, 20260123104500L, 20260201080030L)), api.previous());
		assertFalse(treeFiles().contains("jars/api-0.35.1.jar-20260123104500"), "the old server file is no longer listed, so it goes");
		assertTrue(treeFiles().contains("jars/api-0.36.0.jar-20260201080030"));
		assertTrue(treeFiles().contains("jars/npad-backbone-resnet50.jar-20260123104500"), "unchanged files keep their version");
		PluginRecord npad = records.stream().filter(r -> r.filename().equals("jars/npad-fiji-1.2.0.jar")).findFirst().orElseThrow();
		assertTrue(npad.current().orElseThrow().dependencies().contains(new FileDependency("jars/api-0.36.0.jar", 20260201080030L)));
		assertEquals(List.of(), UpdateSiteCheck.problems(site(), "jars/npad-fiji.jar"));
	}

	@Test
	void jarNoLongerBuiltIsListedAsObsolete() throws IOException {
		Path plugin = plugin();
		new UpdateSiteBuilder(site(), FIRST).build(plugin, libraries());
		List<PluginRecord> records = new UpdateSiteBuilder(site(), LATER).build(plugin, List.of(dir.resolve("in/api-0.35.1.jar")));

		PluginRecord backbone = records.stream().filter(r -> r.filename().equals("jars/npad-backbone-resnet50.jar")).findFirst().orElseThrow();
		assertTrue(backbone.current().isEmpty(), "no current version tells Fiji to uninstall it");
		assertEquals(20260201080030L, backbone.previous().get(0).timestampObsolete());
		assertFalse(treeFiles().stream().anyMatch(f -> f.startsWith("jars/npad-backbone-resnet50.jar")));
		assertEquals(List.of(), UpdateSiteCheck.problems(site(), "jars/npad-fiji.jar"));
	}

	@Test
	void twoVersionsOfOneJarAreRefused() throws IOException {
		Path plugin = plugin();
		List<Path> twice = List.of(library("api-0.35.1.jar", "a"), library("api-0.36.0.jar", "b"));
		IOException e = assertThrows(IOException.class, () -> new UpdateSiteBuilder(site(), FIRST).build(plugin, twice));
		assertTrue(e.getMessage().contains("api-0.36.0.jar") && e.getMessage().contains("jars/api.jar"), e.getMessage());
	}

	private Document validatedIndex() throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setValidating(true);
		DocumentBuilder builder = factory.newDocumentBuilder();
		builder.setErrorHandler(new DefaultHandler() {
			@Override
			public void error(SAXParseException e) throws SAXParseException {
				throw e;
			}
		});
		try (InputStream in = new GZIPInputStream(Files.newInputStream(site().resolve("db.xml.gz")))) {
			return builder.parse(in);
		}
	}

	private Set<String> treeFiles() throws IOException {
		try (Stream<Path> files = Files.walk(site())) {
			return files.filter(Files::isRegularFile).map(f -> site().relativize(f).toString()).collect(Collectors.toSet());
		}
	}

	private static List<String> texts(NodeList nodes) {
		return Stream.iterate(0, i -> i < nodes.getLength(), i -> i + 1).map(i -> nodes.item(i).getTextContent()).toList();
	}
}
