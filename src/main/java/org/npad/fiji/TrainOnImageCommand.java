package org.npad.fiji;

import ij.ImagePlus;
import org.npad.image.NamedSlice;
import org.scijava.command.Command;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;

/** Plugins > N-pad > Train on Image...: learns from the open image, each slice of a stack a nominal image. */
@Plugin(type = Command.class, label = "N-pad: train from the current image or stack", menu = {
		@Menu(label = "Plugins"), @Menu(label = "N-pad", weight = 30), @Menu(label = "Train on Image...", weight = 2)})
public class TrainOnImageCommand extends AbstractTrainCommand {

	@Parameter(label = "Nominal image or stack", persist = false)
	private ImagePlus image;

	@Override
	protected Iterable<NamedSlice> nominalImages() {
		return ImagePlusSlices.of(image);
	}
}
