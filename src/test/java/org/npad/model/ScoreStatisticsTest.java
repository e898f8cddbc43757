package org.npad.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ScoreStatisticsTest {

	/** 1, 2, 3, 4: mean 2.5, squared deviations 2.25 + 0.25 + 0.25 + 2.25 = 5, sample std sqrt(5 / 3). */
	@Test
	void handComputed() {
		ScoreStatistics s = ScoreStatistics.of(new double[] {3, 1, 4, 2});
		assertEquals(new ScoreStatistics(4, 2.5, Math.sqrt(5.0 / 3), 1, 4), s);
	}

	@Test
	void oneScoreHasNoSpread() {
		ScoreStatistics s = ScoreStatistics.of(new double[] {7});
		assertEquals(7, s.mean());
		assertTrue(Double.isNaN(s.std()));
		assertEquals(ScoreStatistics.none(), ScoreStatistics.of(new double[0]));
	}
}
