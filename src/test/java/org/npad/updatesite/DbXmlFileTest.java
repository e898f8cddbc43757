package org.npad.updatesite;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathFactory;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class DbXmlFileTest {

	@TempDir
	Path dir;

	private static final PluginRecord PLUGIN = new PluginRecord("jars/npad-fiji-0.2.0.jar", List.of(),
		Optional.of(new CurrentVersion("0123456789abcdef0123456789abcdef01234567", 20260123104500L, 259242L,
			"Anomaly detection <N-pad> & more", List.of(new FileDependency("jars/api-0.35.1.jar", 20260101000000L)),
			List.of("N-pad for Fiji team"))),
		List.of(new PreviousVersion("jars/npad-fiji-0.1.0.jar", "89abcdef0123456789abcdef0123456789abcdef", 20251201000000L, 20260123104500L)));

	private static final PluginRecord NATIVE = new PluginRecord("jars/pytorch-native-cpu-2.7.1-linux-x86_64.jar", List.of("linux64"),
		Optional.of(new CurrentVersion("fedcba9876543210fedcba9876543210fedcba98", 20260101000000L, 111597418L, null, List.of(), List.of())),
		List.of());

	private static final PluginRecord OBSOLETE = new PluginRecord("jars/old-1.0.jar", List.of(), Optional.empty(),
		List.of(new PreviousVersion("jars/old-1.0.jar", "00112233445566778899aabbccddeeff00112233", 20250101000000L, 20260101000000L)));

	@Test
	void writtenIndexReadsBackTheSameRecords() throws IOException {
		Path file = dir.resolve("db.xml.gz");
		DbXmlFile.write(List.of(PLUGIN, NATIVE, OBSOLETE), file);
		assertEquals(List.of(PLUGIN, NATIVE, OBSOLETE), DbXmlFile.read(file));
	}

	/** The names Fiji's XMLFileReader looks for, read with plain XPath rather than with DbXmlFile. */
	@Test
	void writtenIndexUsesTheUpdaterElementAndAttributeNames() throws Exception {
		Path file = dir.resolve("db.xml.gz");
		DbXmlFile.write(List.of(PLUGIN, NATIVE, OBSOLETE), file);
		Document document;
		try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
			document = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(in);
		}
		XPath xpath = XPathFactory.newInstance().newXPath();
		assertEquals("pluginRecords", document.getDoctype().getName());
		String plugin = "/pluginRecords/plugin[@filename='jars/npad-fiji-0.2.0.jar']";
		assertEquals("0123456789abcdef0123456789abcdef01234567", xpath.evaluate(plugin + "/version/@checksum", document));
		assertEquals("20260123104500", xpath.evaluate(plugin + "/version/@timestamp", document));
		assertEquals("259242", xpath.evaluate(plugin + "/version/@filesize", document));
		assertEquals("Anomaly detection <N-pad> & more", xpath.evaluate(plugin + "/version/description", document));
		assertEquals("jars/api-0.35.1.jar", xpath.evaluate(plugin + "/version/dependency/@filename", document));
		assertEquals("20260101000000", xpath.evaluate(plugin + "/version/dependency/@timestamp", document));
		assertEquals("N-pad for Fiji team", xpath.evaluate(plugin + "/version/author", document));
		assertEquals("jars/npad-fiji-0.1.0.jar", xpath.evaluate(plugin + "/previous-version/@filename", document));
		assertEquals("20260123104500", xpath.evaluate(plugin + "/previous-version/@timestamp-obsolete", document));
		assertEquals("linux64", xpath.evaluate("/pluginRecords/plugin[2]/platform", document));
		assertEquals("0", xpath.evaluate("count(/pluginRecords/plugin[@filename='jars/old-1.0.jar']/version)", document));
	}

	@Test
	void sameRecordsGiveTheSameBytes() throws IOException {
		Path a = dir.resolve("a.xml.gz");
		Path b = dir.resolve("b.xml.gz");
		DbXmlFile.write(List.of(PLUGIN, NATIVE), a);
		DbXmlFile.write(List.of(PLUGIN, NATIVE), b);
		assertArrayEquals(Files.readAllBytes(a), Files.readAllBytes(b));
	}

	@Test
	void indexBreakingTheDocumentTypeIsRejectedWithFileAndLine() throws IOException {
		String xml = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n" + DbXmlFile.DOCTYPE + "\n<pluginRecords>\n"
			+ "<plugin filename=\"jars/a.jar\">\n<version timestamp=\"1\" filesize=\"2\"/>\n</plugin>\n</pluginRecords>\n";
		Path file = dir.resolve("db.xml.gz");
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
			out.write(xml.getBytes(StandardCharsets.UTF_8));
		}
		IOException e = assertThrows(IOException.class, () -> DbXmlFile.read(file));
		assertTrue(e.getMessage().contains(file.toString()) && e.getMessage().contains("checksum"), e.getMessage());
		int versionLine = xml.substring(0, xml.indexOf("<version")).split("\n", -1).length;
		assertTrue(e.getMessage().contains("line " + versionLine + " "), e.getMessage());
	}
}
