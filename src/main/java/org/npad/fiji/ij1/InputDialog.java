package org.npad.fiji.ij1;

import ij.gui.GenericDialog;
import ij.plugin.frame.Recorder;
import org.scijava.command.CommandInfo;
import org.scijava.module.ModuleItem;
import org.scijava.widget.FileWidget;

import java.awt.Checkbox;
import java.awt.Choice;
import java.awt.TextField;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Vector;

/**
 * The dialog of a command in a plain ImageJ 1, built from the command's inputs with ImageJ 1's own
 * GenericDialog. The values are recorded for the macro recorder as name=value for every input
 * (checkboxes as name=true / name=false), exactly as imagej-legacy records them in Fiji, so that a
 * recorded line runs the same in both.
 */
final class InputDialog {

	private InputDialog() {
	}

	/** @return the chosen values as text by input name, or null if the user cancelled */
	static Map<String, Object> show(CommandInfo info, String title) {
		GenericDialog gd = new GenericDialog(title);
		List<ModuleItem<?>> items = new ArrayList<>();
		for (ModuleItem<?> item : CommandInputs.of(info)) {
			if (CommandInputs.isImage(item)) continue;
			items.add(item);
			String label = item.getLabel() == null || item.getLabel().isEmpty() ? item.getName() : item.getLabel();
			Object initial = item.getDefaultValue();
			String text = initial == null ? "" : initial.toString();
			if (CommandInputs.isBoolean(item)) gd.addCheckbox(label, Boolean.TRUE.equals(initial));
			else if (item.getChoices() != null && !item.getChoices().isEmpty())
				gd.addChoice(label, item.getChoices().stream().map(Object::toString).toArray(String[]::new), text);
			else if (FileWidget.DIRECTORY_STYLE.equals(item.getWidgetStyle())) gd.addDirectoryField(label, text, 40);
			else if (item.getType() == java.io.File.class) gd.addFileField(label, text, 40);
			else gd.addStringField(label, text, item.getType() == String.class ? 40 : 10);
		}
		gd.showDialog();
		if (gd.wasCanceled()) return null;

		Vector<?> strings = gd.getStringFields(), checkboxes = gd.getCheckboxes(), choices = gd.getChoices();
		int s = 0, c = 0, h = 0;
		Map<String, Object> values = new LinkedHashMap<>();
		for (ModuleItem<?> item : items) {
			String value;
			if (CommandInputs.isBoolean(item)) value = Boolean.toString(((Checkbox) checkboxes.get(c++)).getState());
			else if (item.getChoices() != null && !item.getChoices().isEmpty()) value = ((Choice) choices.get(h++)).getSelectedItem();
			else value = ((TextField) strings.get(s++)).getText().trim();
			values.put(item.getName(), value);
			if (Recorder.record) Recorder.recordOption(item.getName(), value);
		}
		return values;
	}
}
