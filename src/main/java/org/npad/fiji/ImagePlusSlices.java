package org.npad.fiji;

import ij.ImagePlus;
import ij.ImageStack;
import org.npad.image.NamedSlice;

import java.util.ArrayList;
import java.util.List;

/**
 * An open image as the pipeline's images: each slice of a stack an image of its own, named as
 * {@link org.npad.image.ImageFolder} names them ("title", or "title#k" for slice k). Images whose
 * slices are not images of one kind are refused with what to do instead: channels of a composite
 * would be taken for separate images, and an indexed-colour image's pixel values are palette indices.
 */
final class ImagePlusSlices {

	private ImagePlusSlices() {
	}

	static List<NamedSlice> of(ImagePlus image) {
		if (image == null) throw new IllegalArgumentException("no image: open an image first (or pass one as 'image')");
		String title = image.getTitle();
		if (image.getType() == ImagePlus.COLOR_256)
			throw new IllegalArgumentException("'" + title + "' is an 8-bit indexed-colour image, which N-pad does not read: "
					+ "convert it with Image > Type > RGB Color (or 8-bit for gray)");
		if (image.getNChannels() > 1)
			throw new IllegalArgumentException("'" + title + "' has " + image.getNChannels() + " channels, which N-pad would take for separate images: "
					+ "merge them to RGB (Image > Color > Stack to RGB) or split them (Image > Color > Split Channels)");
		ImageStack stack = image.getStack();
		List<NamedSlice> slices = new ArrayList<>();
		for (int k = 1; k <= stack.getSize(); k++)
			slices.add(new NamedSlice(sliceName(title, k, stack.getSize()), null, k, stack.getProcessor(k), image.getCalibration().copy()));
		return slices;
	}

	static String sliceName(String title, int slice, int slices) {
		return slices == 1 ? title : title + "#" + slice;
	}
}
