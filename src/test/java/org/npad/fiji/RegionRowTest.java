package org.npad.fiji;

import ij.measure.Calibration;
import ij.measure.ResultsTable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npad.pipeline.Detection;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Region rows of a 5 x 3 map worked out by hand, and how a row reaches a CSV file and an ImageJ table. */
class RegionRowTest {

	/**
	 * At pixel threshold 5: region 1 = (0,0) (1,0) (0,1), all 9; region 2 = (3,1) (4,1) (4,2) with 5, 6, 7.
	 * Pixel centres at x + 0.5: centroids (2.5/3, 2.5/3) and (12.5/3, 5.5/3). Calibration 2 x 3 um per
	 * pixel with the x origin at pixel 1: x' = (x - 1) * 2, y' = y * 3, areas times 6.
	 */
	@Test
	void areasCentroidsAndScoresInTheImagesCalibration() {
		float[] map = {
				9, 9, 0, 0, 0,
				9, 0, 0, 5, 6,
				0, 0, 0, 0, 7};
		Calibration um = new Calibration();
		um.pixelWidth = 2;
		um.pixelHeight = 3;
		um.xOrigin = 1;
		um.setUnit("um");
		ImageVerdict v = ImageVerdict.of(new Detection("tile.tif", 5, 3, map, 9, List.of(), List.of(), 200, um), new DecisionThresholds(8, 5));
		List<RegionRow> rows = RegionRow.of(v);
		assertEquals(2, rows.size());
		RegionRow first = rows.get(0), second = rows.get(1);
		assertEquals(List.of("tile.tif", 1, 3, 18.0, "\u00b5m"), List.of(first.image(), first.region(), first.area(), first.areaCal(), first.unit()));
		assertEquals((2.5 / 3 - 1) * 2, first.centroidX(), 1e-12);
		assertEquals(2.5 / 3 * 3, first.centroidY(), 1e-12);
		assertEquals(9, first.maxScore());
		assertEquals(9, first.meanScore(), 1e-12);
		assertEquals(List.of(2, 3, 18.0), List.of(second.region(), second.area(), second.areaCal()));
		assertEquals((12.5 / 3 - 1) * 2, second.centroidX(), 1e-12);
		assertEquals(5.5 / 3 * 3, second.centroidY(), 1e-12);
		assertEquals(7, second.maxScore());
		assertEquals(6, second.meanScore(), 1e-12);
	}

	@Test
	void aRowIsTheSameInTheCsvAndTheTable(@TempDir Path dir) throws Exception {
		RegionRow row = new RegionRow("a, \"b\".tif", 2, 3, 0.75, 1.5, -2, 20.125, 19.5, "\u00b5m");
		Path csv = dir.resolve("regions.csv");
		TableRow.writeCsv(csv, RegionRow.COLUMNS, List.of(row));
		assertEquals(List.of(String.join(",", RegionRow.COLUMNS), "\"a, \"\"b\"\".tif\",2,3,0.75,1.5,-2.0,20.125,19.5,\u00b5m"),
				Files.readAllLines(csv));

		ResultsTable table = new ResultsTable();
		TableRow.addTo(table, RegionRow.COLUMNS, row);
		assertEquals("a, \"b\".tif", table.getStringValue("image", 0));
		assertEquals(3, table.getValue("area", 0), "numbers stay numbers for a macro's getResult");
		assertEquals(-2, table.getValue("centroid_y", 0));
		assertEquals("\u00b5m", table.getStringValue("unit", 0));
	}
}
