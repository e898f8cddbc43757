package org.npad.fiji.ij1;

import ij.IJ;
import ij.ImagePlus;
import ij.Macro;
import ij.WindowManager;
import ij.macro.Interpreter;
import ij.plugin.PlugIn;
import ij.text.TextWindow;
import org.scijava.command.CommandInfo;
import org.scijava.command.CommandModule;
import org.scijava.command.CommandService;
import org.scijava.module.ModuleItem;

import java.awt.GraphicsEnvironment;
import java.util.Map;
import java.util.concurrent.ExecutionException;

/**
 * The N-pad commands as ImageJ 1 plugins, so that plain ImageJ 1 lists them in its menus and its
 * macros run them: plugins.config maps each menu label to this class with the command's class name
 * as argument, e.g. {@code Plugins>N-pad, "Detect...", org.npad.fiji.ij1.CommandPlugIn("org.npad.fiji.DetectCommand")}.
 * <p>
 * From a macro, the options of {@code run("Detect...", "model_file=[...] pixel_threshold=12")} become
 * the command's inputs by name; from the menu, an ImageJ 1 dialog asks for them and records them.
 * The current image fills the command's image input. Afterwards the command's output images are
 * shown (in a batch-mode macro: made current, for the macro to save or close) and text outputs go to
 * a window (headless: the log). A command that ends with an error aborts the macro with its message.
 * <p>
 * In Fiji, imagej-legacy puts the SciJava commands themselves behind the same menu labels
 * (replacing these entries), with the same option names, so macros are the same in both.
 */
public class CommandPlugIn implements PlugIn {

	@Override
	public void run(String commandClass) {
		CommandService commands = ImageJ1Context.get().service(CommandService.class);
		CommandInfo info = commands.getCommand(commandClass);
		if (info == null) {
			IJ.error("N-pad", "No SciJava command " + commandClass + " on the class path");
			return;
		}
		String name = info.getMenuPath().getLeaf() == null ? info.getTitle() : info.getMenuPath().getLeaf().getName();
		String options = Macro.getOptions();
		Map<String, Object> inputs;
		try {
			if (options != null) inputs = CommandInputs.fromMacro(info, options, name);
			else if (GraphicsEnvironment.isHeadless()) {
				fail(name + " needs its options when ImageJ runs headless, e.g. run(\"" + name + "\", \"name=value ...\")", false);
				return;
			} else {
				inputs = InputDialog.show(info, "N-pad " + name);
				if (inputs == null) return;
			}
		} catch (IllegalArgumentException e) {
			fail(e.getMessage(), options != null);
			return;
		}
		for (ModuleItem<?> item : CommandInputs.of(info)) {
			if (CommandInputs.isImage(item)) {
				ImagePlus current = WindowManager.getCurrentImage();
				if (current != null) inputs.put(item.getName(), current);
			}
		}

		CommandModule module;
		try {
			module = commands.run(info, true, inputs).get();
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			fail(name + " was interrupted", options != null);
			return;
		} catch (ExecutionException e) {
			Throwable cause = e.getCause() != null && e.getCause().getCause() != null ? e.getCause().getCause() : e.getCause();
			IJ.handleException(cause);
			if (options != null) Interpreter.abort();
			return;
		}
		if (module.isCanceled()) {
			String reason = module.getCancelReason();
			fail(name + ": " + (reason == null ? "cancelled" : reason), options != null);
			return;
		}
		showOutputs(info, module);
	}

	private static void showOutputs(CommandInfo info, CommandModule module) {
		for (ModuleItem<?> item : info.outputs()) {
			Object value = module.getOutput(item.getName());
			if (value instanceof ImagePlus image) show(image);
			else if (value instanceof String text && !text.isEmpty()) {
				String title = item.getLabel() == null || item.getLabel().isEmpty() ? item.getName() : item.getLabel();
				if (GraphicsEnvironment.isHeadless()) IJ.log(title + "\n" + text);
				else new TextWindow(title, "", text, 700, 400);
			}
		}
	}

	/**
	 * Shows an output image; in a batch-mode macro it only becomes the current image, and headless
	 * (where ImageJ 1 cannot open windows) it becomes current for whatever runs next.
	 */
	private static void show(ImagePlus image) {
		if (GraphicsEnvironment.isHeadless()) {
			if (Interpreter.isBatchMode()) Interpreter.addBatchModeImage(image);
			WindowManager.setTempCurrentImage(image);
		} else {
			image.show();
		}
	}

	/** Reports an error: in a macro, to the log and abort the macro (no dialog to block it); else in a dialog. */
	private static void fail(String message, boolean macro) {
		if (macro || GraphicsEnvironment.isHeadless()) {
			IJ.log("N-pad error: " + message);
			if (macro) Interpreter.abort();
		} else {
			IJ.error("N-pad", message);
		}
	}
}
