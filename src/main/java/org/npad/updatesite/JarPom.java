package org.npad.updatesite;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;

import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.xml.sax.SAXException;

/**
 * What the ImageJ updater shows about a jar, taken where the updater takes it when a maintainer
 * uploads: the first {@code META-INF/maven/.../pom.xml} inside the jar, its {@code <description>}
 * and the {@code <name>} of each developer. Jars without a pom (DJL's are built with Gradle) have
 * neither.
 */
public record JarPom(String description, List<String> authors) {

	public JarPom {
		authors = List.copyOf(authors);
	}

	public static JarPom of(Path jar) throws IOException {
		try (JarFile file = new JarFile(jar.toFile())) {
			for (JarEntry entry : file.stream().toList()) {
				if (entry.getName().matches("META-INF/maven/.*/pom\\.xml")) {
					try (InputStream in = file.getInputStream(entry)) {
						return parse(in);
					} catch (SAXException | ParserConfigurationException e) {
						throw new IOException(jar + ": " + entry.getName() + " is not readable XML: " + e.getMessage(), e);
					}
				}
			}
		}
		return new JarPom(null, List.of());
	}

	private static JarPom parse(InputStream pom) throws IOException, SAXException, ParserConfigurationException {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
		Document document = factory.newDocumentBuilder().parse(pom);
		Element project = document.getDocumentElement();
		String description = ChildElements.first(project, "description").map(Element::getTextContent).filter(s -> !s.isBlank()).orElse(null);
		List<String> authors = new ArrayList<>();
		for (Element developers : ChildElements.named(project, "developers")) {
			for (Element developer : ChildElements.named(developers, "developer")) {
				ChildElements.first(developer, "name").ifPresent(name -> authors.add(name.getTextContent()));
			}
		}
		return new JarPom(description, authors);
	}

}
