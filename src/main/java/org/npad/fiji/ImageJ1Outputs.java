package org.npad.fiji;

import ij.gui.Roi;
import ij.measure.ResultsTable;
import ij.plugin.frame.RoiManager;

import java.awt.GraphicsEnvironment;
import java.util.List;
import java.util.function.Consumer;

/**
 * ImageJ's shared places for results: the Results table, which macros read with getResult and
 * which works headless, and the regions table and the ROI Manager, which are windows and so exist
 * only with a display (headless, the regions stay in the image overlay and, in batch mode, in ROI
 * zip files and the regions CSV).
 */
final class ImageJ1Outputs {

	/** The title of the per-region table window; a macro reads it with Table.get(column, row, title). */
	static final String REGIONS_TABLE = "N-pad regions";

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

	/**
	 * Region rows appended to their own table window, shown only where there is a screen: one row per
	 * region would bury the per-image rows of the Results table, as Analyze Particles keeps its Summary
	 * apart. Headless, Detect Folder's regions CSV gives the same rows.
	 */
	static void appendRegions(List<RegionRow> rows) {
		if (headless() || rows.isEmpty()) return;
		ResultsTable open = ResultsTable.getResultsTable(REGIONS_TABLE);
		ResultsTable table = open == null ? new ResultsTable() : open;
		rows.forEach(r -> TableRow.addTo(table, RegionRow.COLUMNS, r));
		table.show(REGIONS_TABLE);
	}

	/** Detection rows appended to the Results table. */
	static void appendDetections(List<DetectionRow> rows) {
		appendResults(table -> rows.forEach(r -> TableRow.addTo(table, DetectionRow.COLUMNS, r)));
	}
}
