package org.npad.fiji;

import org.npad.image.ImageFolder;
import org.npad.image.NamedSlice;
import org.scijava.command.Command;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import java.io.File;

/** Plugins > N-pad > Train...: learns what nominal looks like from a folder of defect-free images. */
@Plugin(type = Command.class, label = "N-pad: train from a folder of nominal images", menu = {
		@Menu(label = "Plugins"), @Menu(label = "N-pad", weight = 30), @Menu(label = "Train...", weight = 1)})
public class TrainCommand extends AbstractTrainCommand {

	@Parameter(label = "Nominal images folder", style = FileWidget.DIRECTORY_STYLE, persist = false,
			description = "Defect-free images; every slice of a stack is an image of its own")
	private File folder;

	@Parameter(label = "File filter", required = false, persist = false,
			description = "Which files count, e.g. '*.png' or 'regex:.*_ok\\.tif'; empty for the usual image types")
	private String file_filter = "";

	@Parameter(label = "Include sub-folders", persist = false)
	private boolean recursive = false;

	@Override
	protected Iterable<NamedSlice> nominalImages() {
		if (folder == null) throw new IllegalArgumentException("the nominal images folder is missing");
		return new ImageFolder(folder.toPath(), file_filter, recursive).slices(); // lists now: an empty folder fails at once
	}
}
