package org.npad.pipeline;

import org.junit.jupiter.api.Test;
import org.npad.metrics.F1Max;
import org.npad.metrics.Roc;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** Calls at the image F1-max threshold, worked by hand; names that need quoting are quoted. */
class ImageOutcomesTest {

	@Test
	void eachImageIsCalledAtTheF1MaxThreshold() {
		// nominal 1 and 3, defective 2 and 4: at threshold 2 (TP 2, FP 1: F1 0.8) and at 4 (TP 1: F1 2/3); 2 is best
		double[] scores = {1, 3, 2, 4};
		boolean[] labels = {false, false, true, true};
		Roc roc = Roc.of(scores, labels);
		Evaluation.Result result = new Evaluation.Result(List.of("a.png", "b, the second.png", "c.png", "d \"x\".png"),
				List.of("Free", "Free", "Pit", "Pit"), scores, labels, roc, F1Max.of(roc), null, 0, Map.of(), List.of());
		assertEquals(0.8, result.imageF1().f1(), 1e-12);
		assertEquals(List.of("a.png,Free,0,1.0,0", "\"b, the second.png\",Free,0,3.0,1", "c.png,Pit,1,2.0,1", "\"d \"\"x\"\".png\",Pit,1,4.0,1"),
				ImageOutcomes.lines(result));
	}
}
