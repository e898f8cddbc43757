package org.npad.fiji;

import java.nio.file.Path;
import java.util.List;

/**
 * Where batch detection puts the outputs of one image: beside each other in the output folder,
 * mirroring the image's sub-folder, named after the image without its extension ("a/b.png" gives
 * a/b_heatmap.tif, a/b_mask.png, a/b_rois.zip, a/b_overlay.png; slice 3 of "s.tif" gives s_slice3_...).
 * The overlay is the picture to browse: the image with its heatmap and region outlines burnt in.
 */
record BatchOutputs(Path heatmap, Path mask, Path rois, Path overlay) {

	/** @param imageName a name as {@link org.npad.image.ImageFolder} gives it: relative path, "#k" for slice k */
	static BatchOutputs of(Path outputFolder, String imageName) {
		String name = imageName.replace('\\', '/');
		String slice = "";
		int hash = name.lastIndexOf('#');
		if (hash >= 0) {
			slice = "_slice" + name.substring(hash + 1);
			name = name.substring(0, hash);
		}
		int slash = name.lastIndexOf('/');
		int dot = name.lastIndexOf('.');
		String stem = (dot > slash ? name.substring(0, dot) : name) + slice;
		return new BatchOutputs(outputFolder.resolve(stem + "_heatmap.tif"), outputFolder.resolve(stem + "_mask.png"),
				outputFolder.resolve(stem + "_rois.zip"), outputFolder.resolve(stem + "_overlay.png"));
	}

	/** The outputs of a file's first slice, for the check that nothing would be overwritten. */
	static List<Path> paths(Path outputFolder, String relativeFile) {
		return of(outputFolder, relativeFile).all();
	}

	/** Every output, so that checks before writing cannot miss one. */
	List<Path> all() {
		return List.of(heatmap, mask, rois, overlay);
	}
}
