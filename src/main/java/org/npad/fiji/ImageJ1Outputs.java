package org.npad.fiji;

import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.plugin.frame.RoiManager;

import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.function.Consumer;

/**
 * ImageJ's shared places for results: the Results table, which macros read with getResult and
 * which works headless, and the ROI Manager, which is a window and so exists only with a display
 * (headless, the regions stay in the image overlay and, in batch mode, in ROI zip files).
 */
final class ImageJ1Outputs {

	private ImageJ1Outputs() {
	}

	static boolean headless() {
		return GraphicsEnvironment.isHeadless();
	}

	/** Appends rows to the Results table, as Analyze > Measure does, and shows it where there is a screen. */
	static void appendResults(Consumer<ResultsTable> rows) {
		ResultsTable table = ResultsTable.getResultsTable();
		synchronized (table) {
			rows.accept(table);
		}
		if (!headless()) table.show("Results");
	}

	/** @return whether the ROIs went to the ROI Manager (false when headless) */
	static boolean addToRoiManager(List<Roi> rois) {
		if (headless() || rois.isEmpty()) return false;
		RoiManager manager = RoiManager.getRoiManager();
		for (Roi roi : rois) manager.addRoi(roi);
		return true;
	}

	/** Detection rows appended to the Results table. */
	static void appendDetections(List<DetectionRow> rows) {
		appendResults(table -> rows.forEach(r -> TableRow.addTo(table, DetectionRow.COLUMNS, r)));
	}
}
