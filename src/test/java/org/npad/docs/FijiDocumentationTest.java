package org.npad.docs;

import ij.ImagePlus;
import org.junit.jupiter.api.Test;
import org.npad.fiji.CalibrateCommand;
import org.npad.fiji.DetectCommand;
import org.npad.fiji.DetectFolderCommand;
import org.npad.fiji.EvaluateCommand;
import org.npad.fiji.TrainCommand;
import org.npad.fiji.TrainOnImageCommand;
import org.scijava.ItemIO;
import org.scijava.plugin.Parameter;

import java.io.File;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The parameter tables of docs/fiji.md must name every input of the commands they describe, with the
 * default the dialog starts from: a macro writer copies names and defaults from there.
 */
class FijiDocumentationTest {

	private static final Path DOC = Path.of("docs/fiji.md");

	@Test
	void everyParameterTableMatchesItsCommand() throws Exception {
		String doc = Files.readString(DOC);
		Map<String, String> train = table(doc, "### Train... / Train on Image...");
		check(train, TrainCommand.class, true);
		check(train, TrainOnImageCommand.class, true);
		check(table(doc, "### Calibrate Thresholds..."), CalibrateCommand.class, true);
		check(table(doc, "### Detect..."), DetectCommand.class, true);
		check(table(doc, "### Evaluate..."), EvaluateCommand.class, false); // its training inputs are Train's table
		String detectFolder = section(doc, "### Detect Folder...");
		for (String name : inputs(DetectFolderCommand.class).keySet())
			assertTrue(detectFolder.contains("`" + name + "`"), "docs/fiji.md does not name Detect Folder's `" + name + "`");
	}

	/**
	 * Checks each documented default against a new command's field, and with {@code complete} that
	 * every input is documented. Inputs of Train's table that only Train on Image has (and the other
	 * way round) are left to the command that has them.
	 */
	private static void check(Map<String, String> documented, Class<?> command, boolean complete) throws Exception {
		Object instance = command.getDeclaredConstructor().newInstance();
		Map<String, Field> inputs = inputs(command);
		for (Map.Entry<String, String> row : documented.entrySet()) {
			Field field = inputs.get(row.getKey());
			if (field == null) {
				assertTrue(command == TrainCommand.class || command == TrainOnImageCommand.class,
						"docs/fiji.md documents `" + row.getKey() + "`, which " + command.getSimpleName() + " does not have");
				continue;
			}
			String expected = row.getValue();
			if (expected.isEmpty() || !literal(field.getType())) continue; // a file to choose, the current image
			field.setAccessible(true);
			Object value = field.get(instance);
			if (value instanceof Number n) assertEquals(Double.parseDouble(expected), n.doubleValue(), command.getSimpleName() + " " + row.getKey());
			else assertEquals(expected, String.valueOf(value), command.getSimpleName() + " " + row.getKey());
		}
		if (complete)
			for (String name : inputs.keySet())
				assertTrue(documented.containsKey(name), "docs/fiji.md does not document " + command.getSimpleName() + "'s `" + name + "`");
	}

	private static boolean literal(Class<?> type) {
		return type.isPrimitive() || type == String.class;
	}

	/** The command's inputs by name: its @Parameter fields and its superclasses', services and outputs left out. */
	private static Map<String, Field> inputs(Class<?> command) {
		Map<String, Field> inputs = new LinkedHashMap<>();
		Set<Class<?>> userTypes = Set.of(String.class, File.class, ImagePlus.class);
		for (Class<?> c = command; c != Object.class; c = c.getSuperclass())
			for (Field f : c.getDeclaredFields()) {
				Parameter p = f.getAnnotation(Parameter.class);
				if (p == null || p.type() == ItemIO.OUTPUT) continue;
				if (f.getType().isPrimitive() || userTypes.contains(f.getType())) inputs.put(f.getName(), f);
			}
		return inputs;
	}

	/** The text from a heading to the next one. */
	private static String section(String doc, String heading) {
		int at = doc.indexOf("\n" + heading + "\n");
		assertTrue(at >= 0, DOC + " has no heading " + heading);
		int end = doc.indexOf("\n#", at + 1);
		return doc.substring(at, end < 0 ? doc.length() : end);
	}

	/**
	 * The Name / Default table after a heading: each name with its default, "*(empty)*" read as the empty
	 * text; a row naming several inputs ("`batch_size`, `device` | 8, cpu") gives each its own.
	 */
	private static Map<String, String> table(String doc, String heading) {
		String section = section(doc, heading);
		int start = section.indexOf("| Name | Default |");
		assertTrue(start >= 0, DOC + " has no parameter table under " + heading);
		Map<String, String> rows = new LinkedHashMap<>();
		for (String line : section.substring(start).split("\n")) {
			if (!line.startsWith("|")) break;
			String[] cells = line.split("\\|");
			if (!cells[1].trim().startsWith("`")) continue; // the header and its rule
			List<String> names = new ArrayList<>();
			for (String name : cells[1].split(",")) names.add(name.trim().replace("`", ""));
			String defaults = cells[2].trim().replace("*(empty)*", "");
			String[] values = names.size() > 1 && defaults.contains(",") ? defaults.split(",\\s*") : null;
			for (int i = 0; i < names.size(); i++) rows.put(names.get(i), values == null ? (names.size() > 1 ? "" : defaults) : values[i]);
		}
		return rows;
	}
}
