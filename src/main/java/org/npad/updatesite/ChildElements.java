package org.npad.updatesite;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.w3c.dom.Element;
import org.w3c.dom.Node;

/** The direct child elements of a DOM element by tag name: the only XML navigation the index and a jar's pom need. */
final class ChildElements {

	private ChildElements() {}

	static List<Element> named(Element parent, String name) {
		List<Element> found = new ArrayList<>();
		for (Node child = parent.getFirstChild(); child != null; child = child.getNextSibling()) {
			if (child instanceof Element element && element.getTagName().equals(name)) found.add(element);
		}
		return found;
	}

	static Optional<Element> first(Element parent, String name) {
		return named(parent, name).stream().findFirst();
	}
}
