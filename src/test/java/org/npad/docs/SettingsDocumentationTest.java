package org.npad.docs;

import org.junit.jupiter.api.Test;
import org.npad.image.Preprocessing;
import org.npad.method.NpadConfig;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/settings.md must list every setting with the default the code uses, so the two never drift apart. */
class SettingsDocumentationTest {

	@Test
	void everySettingIsDocumentedWithItsDefault() throws IOException {
		String doc = Files.readString(Path.of("docs/settings.md"));
		check(doc, NpadConfig.defaults().toMap());
		check(doc, Preprocessing.defaults().toMap());
	}

	private static void check(String doc, Map<String, String> settings) {
		for (Map.Entry<String, String> e : settings.entrySet()) {
			String row = "| `" + e.getKey() + "` | `" + e.getValue() + "` |";
			assertTrue(doc.contains(row), "docs/settings.md lacks the row start " + row);
		}
	}
}
