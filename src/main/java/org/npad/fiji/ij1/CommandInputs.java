package org.npad.fiji.ij1;

import ij.ImagePlus;
import org.scijava.Context;
import org.scijava.ItemVisibility;
import org.scijava.command.CommandInfo;
import org.scijava.module.ModuleItem;
import org.scijava.service.Service;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The inputs of a command that a user gives (files, numbers, choices, the image), as opposed to the
 * services SciJava fills in; and macro options turned into input values by name, the way
 * imagej-legacy does in Fiji, so one recorded macro line runs the same in Fiji and in ImageJ 1.
 */
final class CommandInputs {

	private CommandInputs() {
	}

	/** The user's inputs, in declaration order; the image input is among them. */
	static List<ModuleItem<?>> of(CommandInfo info) {
		List<ModuleItem<?>> items = new ArrayList<>();
		for (ModuleItem<?> item : info.inputs()) {
			Class<?> type = item.getType();
			if (Service.class.isAssignableFrom(type) || Context.class.isAssignableFrom(type)) continue;
			if (item.getVisibility() == ItemVisibility.MESSAGE) continue;
			items.add(item);
		}
		return items;
	}

	static boolean isImage(ModuleItem<?> item) {
		return ImagePlus.class.isAssignableFrom(item.getType());
	}

	static boolean isBoolean(ModuleItem<?> item) {
		return item.getType() == boolean.class || item.getType() == Boolean.class;
	}

	/**
	 * Macro option values by input name, as text (SciJava converts them to the inputs' types); inputs
	 * the options leave out keep their defaults. A bare key of a checkbox means true, as in ImageJ 1.
	 *
	 * @throws IllegalArgumentException naming an option the command does not have
	 */
	static Map<String, Object> fromMacro(CommandInfo info, String options, String commandName) {
		MacroOptions parsed = MacroOptions.parse(options);
		Map<String, String> values = new LinkedHashMap<>(parsed.values());
		Set<String> flags = new LinkedHashSet<>(parsed.flags());
		Map<String, Object> inputs = new LinkedHashMap<>();
		List<String> known = new ArrayList<>();
		for (ModuleItem<?> item : of(info)) {
			if (isImage(item)) continue;
			String name = item.getName();
			known.add(name);
			boolean flag = flags.remove(name);
			if (flag && !isBoolean(item))
				throw new IllegalArgumentException(commandName + ": option '" + name + "' needs a value (" + name + "=...)");
			String value = values.remove(name);
			if (value != null) inputs.put(name, value);
			else if (flag) inputs.put(name, "true");
		}
		values.keySet().forEach(flags::add);
		if (!flags.isEmpty())
			throw new IllegalArgumentException(commandName + " has no option '" + flags.iterator().next() + "'; its options are " + String.join(", ", known));
		return inputs;
	}
}
