package org.npad.updatesite;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;

import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.ErrorHandler;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;

/**
 * An update site's index, {@code db.xml.gz}: gzip-compressed XML with the document type the ImageJ
 * updater embeds in every index it writes, so the file can be validated on its own.
 * <p>
 * Element and attribute names follow the updater's XMLFileReader: a site index holds
 * {@code <plugin filename>} records, each with {@code <platform>}s, at most one
 * {@code <version checksum timestamp filesize>} (holding {@code <description>},
 * {@code <dependency filename timestamp>}s and {@code <author>}s) and any number of
 * {@code <previous-version checksum timestamp timestamp-obsolete filename>}. The local index of a Fiji
 * installation also lists update sites; a site's own index never does.
 */
public final class DbXmlFile {

	public static final String NAME = "db.xml.gz";

	/** The updater's document type, element for element and attribute for attribute. */
	static final String DOCTYPE = """
		<!DOCTYPE pluginRecords [
		<!ELEMENT pluginRecords ((update-site | disabled-update-site)*, plugin*)>
		<!ELEMENT update-site EMPTY>
		<!ELEMENT disabled-update-site EMPTY>
		<!ELEMENT plugin (platform*, category*, version?, previous-version*)>
		<!ELEMENT version (description?, dependency*, link*, author*)>
		<!ELEMENT previous-version EMPTY>
		<!ELEMENT description (#PCDATA)>
		<!ELEMENT dependency EMPTY>
		<!ELEMENT link (#PCDATA)>
		<!ELEMENT author (#PCDATA)>
		<!ELEMENT platform (#PCDATA)>
		<!ELEMENT category (#PCDATA)>
		<!ATTLIST update-site name CDATA #REQUIRED>
		<!ATTLIST update-site url CDATA #REQUIRED>
		<!ATTLIST update-site ssh-host CDATA #IMPLIED>
		<!ATTLIST update-site upload-directory CDATA #IMPLIED>
		<!ATTLIST update-site description CDATA #IMPLIED>
		<!ATTLIST update-site maintainer CDATA #IMPLIED>
		<!ATTLIST update-site timestamp CDATA #REQUIRED>
		<!ATTLIST disabled-update-site name CDATA #REQUIRED>
		<!ATTLIST disabled-update-site url CDATA #REQUIRED>
		<!ATTLIST disabled-update-site ssh-host CDATA #IMPLIED>
		<!ATTLIST disabled-update-site upload-directory CDATA #IMPLIED>
		<!ATTLIST disabled-update-site description CDATA #IMPLIED>
		<!ATTLIST disabled-update-site maintainer CDATA #IMPLIED>
		<!ATTLIST disabled-update-site timestamp CDATA #REQUIRED>
		<!ATTLIST plugin update-site CDATA #IMPLIED>
		<!ATTLIST plugin filename CDATA #REQUIRED>
		<!ATTLIST plugin executable CDATA #IMPLIED>
		<!ATTLIST dependency filename CDATA #REQUIRED>
		<!ATTLIST dependency timestamp CDATA #IMPLIED>
		<!ATTLIST dependency overrides CDATA #IMPLIED>
		<!ATTLIST version timestamp CDATA #REQUIRED>
		<!ATTLIST version checksum CDATA #REQUIRED>
		<!ATTLIST version filesize CDATA #REQUIRED>
		<!ATTLIST previous-version filename CDATA #IMPLIED>
		<!ATTLIST previous-version timestamp CDATA #REQUIRED>
		<!ATTLIST previous-version timestamp-obsolete CDATA #IMPLIED>
		<!ATTLIST previous-version checksum CDATA #REQUIRED>]>""";

	private DbXmlFile() {}

	/** Writes the index atomically (a reader never sees half a file); gzip without a date, so equal records give equal bytes. */
	public static void write(List<PluginRecord> records, Path file) throws IOException {
		Path part = file.resolveSibling(file.getFileName() + ".part");
		try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(part))) {
			XMLStreamWriter xml = XMLOutputFactory.newFactory().createXMLStreamWriter(out, "UTF-8");
			new Writing(xml).document(records);
			xml.close();
		} catch (XMLStreamException e) {
			throw new IOException(file + ": cannot write the update site index: " + e.getMessage(), e);
		}
		Files.move(part, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
	}

	/** Reads an index, validated against its embedded document type; errors name the file and line. */
	public static List<PluginRecord> read(Path file) throws IOException {
		Document document;
		try (InputStream in = new GZIPInputStream(Files.newInputStream(file))) {
			document = validatingBuilder().parse(in);
		} catch (SAXParseException e) {
			throw new IOException(file + ": line " + e.getLineNumber() + " of the update site index: " + e.getMessage(), e);
		} catch (SAXException | ParserConfigurationException e) {
			throw new IOException(file + ": not an update site index: " + e.getMessage(), e);
		}
		List<PluginRecord> records = new ArrayList<>();
		for (Element plugin : ChildElements.named(document.getDocumentElement(), "plugin")) {
			records.add(record(plugin));
		}
		return records;
	}

	private static DocumentBuilder validatingBuilder() throws ParserConfigurationException {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setValidating(true);
		factory.setIgnoringElementContentWhitespace(true);
		// an index names files; it has no business pulling in other files or URLs
		factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
		factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
		DocumentBuilder builder = factory.newDocumentBuilder();
		builder.setErrorHandler(new ErrorHandler() {
			@Override
			public void warning(SAXParseException e) {}

			@Override
			public void error(SAXParseException e) throws SAXParseException {
				throw e;
			}

			@Override
			public void fatalError(SAXParseException e) throws SAXParseException {
				throw e;
			}
		});
		return builder;
	}

	private static PluginRecord record(Element plugin) {
		List<String> platforms = ChildElements.named(plugin, "platform").stream().map(Element::getTextContent).toList();
		Optional<CurrentVersion> current = ChildElements.named(plugin, "version").stream().findFirst().map(DbXmlFile::version);
		List<PreviousVersion> previous = ChildElements.named(plugin, "previous-version").stream()
			.map(p -> new PreviousVersion(optional(p, "filename"), p.getAttribute("checksum"), number(p, "timestamp"), number(p, "timestamp-obsolete")))
			.toList();
		return new PluginRecord(plugin.getAttribute("filename"), platforms, current, previous);
	}

	private static CurrentVersion version(Element version) {
		String description = ChildElements.named(version, "description").stream().findFirst().map(Element::getTextContent).orElse(null);
		List<FileDependency> dependencies = ChildElements.named(version, "dependency").stream()
			.map(d -> new FileDependency(d.getAttribute("filename"), number(d, "timestamp")))
			.toList();
		List<String> authors = ChildElements.named(version, "author").stream().map(Element::getTextContent).toList();
		return new CurrentVersion(version.getAttribute("checksum"), number(version, "timestamp"), number(version, "filesize"),
			description, dependencies, authors);
	}

	private static String optional(Element element, String attribute) {
		return element.hasAttribute(attribute) ? element.getAttribute(attribute) : null;
	}

	/** Absent numbers read as 0, as in the updater. */
	private static long number(Element element, String attribute) {
		return element.hasAttribute(attribute) ? Long.parseLong(element.getAttribute(attribute)) : 0;
	}

	/** Indented four spaces per level like the updater's own files, so a maintainer can diff two indexes. */
	private record Writing(XMLStreamWriter xml) {

		void document(List<PluginRecord> records) throws XMLStreamException {
			xml.writeStartDocument("UTF-8", "1.0");
			xml.writeCharacters("\n");
			xml.writeDTD(DOCTYPE);
			xml.writeCharacters("\n");
			xml.writeStartElement("pluginRecords");
			for (PluginRecord record : records) {
				plugin(record);
			}
			newline(0);
			xml.writeEndElement();
			xml.writeCharacters("\n");
			xml.writeEndDocument();
		}

		private void plugin(PluginRecord record) throws XMLStreamException {
			newline(1);
			xml.writeStartElement("plugin");
			xml.writeAttribute("filename", record.filename());
			for (String platform : record.platforms()) {
				text(2, "platform", platform);
			}
			if (record.current().isPresent()) version(record.current().get());
			for (PreviousVersion previous : record.previous()) {
				newline(2);
				xml.writeEmptyElement("previous-version");
				xml.writeAttribute("timestamp", Long.toString(previous.timestamp()));
				xml.writeAttribute("timestamp-obsolete", Long.toString(previous.timestampObsolete()));
				xml.writeAttribute("checksum", previous.checksum());
				if (previous.filename() != null) xml.writeAttribute("filename", previous.filename());
			}
			newline(1);
			xml.writeEndElement();
		}

		private void version(CurrentVersion version) throws XMLStreamException {
			newline(2);
			boolean empty = version.description() == null && version.dependencies().isEmpty() && version.authors().isEmpty();
			if (empty) {
				xml.writeEmptyElement("version");
			} else {
				xml.writeStartElement("version");
			}
			xml.writeAttribute("checksum", version.checksum());
			xml.writeAttribute("timestamp", Long.toString(version.timestamp()));
			xml.writeAttribute("filesize", Long.toString(version.filesize()));
			if (empty) return;
			if (version.description() != null) text(3, "description", version.description());
			for (FileDependency dependency : version.dependencies()) {
				newline(3);
				xml.writeEmptyElement("dependency");
				xml.writeAttribute("filename", dependency.filename());
				xml.writeAttribute("timestamp", Long.toString(dependency.timestamp()));
			}
			for (String author : version.authors()) {
				text(3, "author", author);
			}
			newline(2);
			xml.writeEndElement();
		}

		private void text(int depth, String element, String text) throws XMLStreamException {
			newline(depth);
			xml.writeStartElement(element);
			xml.writeCharacters(text);
			xml.writeEndElement();
		}

		private void newline(int depth) throws XMLStreamException {
			xml.writeCharacters("\n" + "    ".repeat(depth));
		}
	}
}
