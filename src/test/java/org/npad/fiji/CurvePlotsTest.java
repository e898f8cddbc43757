package org.npad.fiji;

import ij.ImagePlus;
import ij.gui.Plot;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

/** The score histogram's bins, counted by hand. */
class CurvePlotsTest {

	/**
	 * Scores 1 .. 10 in 30 bins of 0.3: nominal 1.0 (bin 0) and 2.0 (bin 3), defective 3.0 (bin 6)
	 * and 10.0 (the maximum, kept in the last bin); then the F1-max threshold and the model's, each
	 * a vertical line as high as the tallest bin.
	 */
	@Test
	void histogramsShareBinsAndTheThresholdsAreLines() {
		ImagePlus imp = CurvePlots.scores(new double[] {1, 2, 3, 10}, new boolean[] {false, false, true, true}, 2.5, 3, "scores");
		Plot plot = (Plot) imp.getProperty(Plot.PROPERTY_KEY);
		float[][] nominal = plot.getDataObjectArrays(0), defective = plot.getDataObjectArrays(1);
		assertEquals(30, nominal[0].length);
		assertEquals(1.15f, nominal[0][0], 1e-5f, "bin centres");
		float[] expectedNominal = new float[30], expectedDefective = new float[30];
		expectedNominal[0] = expectedNominal[3] = 1;
		expectedDefective[6] = expectedDefective[29] = 1;
		assertArrayEquals(expectedNominal, nominal[1]);
		assertArrayEquals(expectedDefective, defective[1]);
		assertArrayEquals(new float[] {3, 3}, plot.getDataObjectArrays(2)[0], "F1-max threshold");
		assertArrayEquals(new float[] {2.5f, 2.5f}, plot.getDataObjectArrays(3)[0], "model's threshold");
		assertArrayEquals(new float[] {0, 1}, plot.getDataObjectArrays(3)[1]);
		assertEquals(3, CurvePlots.scores(new double[] {1, 2}, new boolean[] {false, true}, Double.NaN, 2, "s").getProperty(Plot.PROPERTY_KEY)
				instanceof Plot p ? p.getNumPlotObjects() : -1, "no line for a model without calibrated thresholds");
	}

	/** Scores 0 .. 30 in 30 bins of 1: 0 in bin 0, both 10s in bin 10, 30 in the last; one line, no defective bars. */
	@Test
	void calibrationShowsTheNominalScoresAndTheThreshold() {
		Plot plot = (Plot) CurvePlots.calibration(new double[] {0, 10, 10, 30}, 25, 99.5, "calibration").getProperty(Plot.PROPERTY_KEY);
		assertEquals(2, plot.getNumPlotObjects(), "nominal bars and the threshold");
		float[] expected = new float[30];
		expected[0] = expected[29] = 1;
		expected[10] = 2;
		assertArrayEquals(expected, plot.getDataObjectArrays(0)[1]);
		assertArrayEquals(new float[] {25, 25}, plot.getDataObjectArrays(1)[0]);
		assertArrayEquals(new float[] {0, 2}, plot.getDataObjectArrays(1)[1], "as high as the tallest bar");
	}

	/**
	 * Scores 0 .. 30 in 30 bins of 1, split at the threshold 25: 0, 10, 10 and 24.9 called nominal (bins 0,
	 * 10, 24), 25 (at the threshold) and 30 called anomalous (bins 25, 29).
	 */
	@Test
	void decisionsSplitTheScoresAtTheThreshold() {
		List<DetectionRow> rows = new ArrayList<>();
		for (double score : new double[] {0, 10, 10, 30, 24.9, 25})
			rows.add(new DetectionRow("i", score, score >= 25 ? DetectionRow.ANOMALOUS : "nominal", 25, 1, 0, 0, 0, 0, 0, "pixel"));
		Plot plot = (Plot) CurvePlots.decisions(rows, "folder").getProperty(Plot.PROPERTY_KEY);
		assertEquals(3, plot.getNumPlotObjects(), "two kinds of bars and the threshold");
		float[] nominal = new float[30], anomalous = new float[30];
		nominal[0] = nominal[24] = 1;
		nominal[10] = 2;
		anomalous[25] = anomalous[29] = 1;
		assertArrayEquals(nominal, plot.getDataObjectArrays(0)[1]);
		assertArrayEquals(anomalous, plot.getDataObjectArrays(1)[1]);
		assertArrayEquals(new float[] {25, 25}, plot.getDataObjectArrays(2)[0]);
	}
}
