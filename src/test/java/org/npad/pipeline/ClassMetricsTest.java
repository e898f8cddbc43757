package org.npad.pipeline;

import org.junit.jupiter.api.Test;
import org.npad.metrics.Roc;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Each class against all nominal images, worked by hand on maps of 2 x 1 pixels. Image 0 is
 * nominal and tiled (two maps), image 1 nominal; A has a found and a missed image (the missed one
 * with an empty mask), B a defect outscored by one nominal pixel, C no marked pixel at all.
 */
class ClassMetricsTest {

	@Test
	void eachClassIsMeasuredAgainstAllNominalImages() {
		List<String> classes = List.of("Free", "Free", "A", "B", "A", "C");
		double[] scores = {1, 3, 4, 2, 0.5, 5};
		boolean[] labels = {false, false, true, true, true, true};
		List<float[]> maps = List.of(new float[] {0, 1}, new float[] {0, 0.5f}, new float[] {0, 3}, new float[] {5, 0},
				new float[] {0, 2.5f}, new float[] {0, 0}, new float[] {0, 0});
		List<boolean[]> masks = List.of(new boolean[2], new boolean[2], new boolean[2], new boolean[] {true, false},
				new boolean[] {false, true}, new boolean[2], new boolean[2]);
		int[] mapImage = {0, 0, 1, 2, 3, 4, 5};

		List<ClassMetrics> result = ClassMetrics.of(classes, scores, labels, maps, masks, mapImage, 2, 1);

		assertEquals(List.of("A", "B", "C"), result.stream().map(ClassMetrics::name).toList(), "anomalous classes in order of appearance");
		ClassMetrics a = result.get(0), b = result.get(1), c = result.get(2);
		assertEquals(2, a.anomalousImages());
		// A's scores 4 and 0.5 against nominal 1 and 3: 2 of 4 pairs ordered
		assertEquals(0.5, a.imageAuroc(), 1e-12);
		// its one marked pixel (5) above all 9 unmarked pixels of images 0, 1, 2 and 4: found at FPR 0
		assertEquals(1.0, a.pixelAuroc(), 1e-12);
		assertEquals(1.0, a.pro(), 1e-12);
		// B's 2 against 1 and 3
		assertEquals(0.5, b.imageAuroc(), 1e-12);
		// its marked 2.5 above 6 of the 7 unmarked pixels of images 0, 1 and 3 (not the 3): PRO reaches 1 at FPR 1/7
		assertEquals(6.0 / 7, b.pixelAuroc(), 1e-12);
		assertEquals((0.3 - 1.0 / 7) / 0.3, b.pro(), 1e-12);
		assertEquals(1.0, c.imageAuroc(), 1e-12);
		assertTrue(Double.isNaN(c.pixelAuroc()) && Double.isNaN(c.pro()), "no marked pixel: no pixel metrics");

		// the pooled view: A's and B's one marked pixel each against all 12 unmarked pixels, those of B's and A's images included
		assertEquals(0.5, a.defectPixelShare(), 1e-12);
		assertEquals(0.5, b.defectPixelShare(), 1e-12);
		assertEquals(0.0, c.defectPixelShare(), 1e-12);
		assertEquals(1.0, a.pooledPixelAuroc(), 1e-12, "5 above all twelve");
		assertEquals(11.0 / 12, b.pooledPixelAuroc(), 1e-12, "2.5 above all but the 3 of image 1");
		assertTrue(Double.isNaN(c.pooledPixelAuroc()));
		assertEquals(Roc.ofPixels(maps, masks).auroc(), 0.5 * a.pooledPixelAuroc() + 0.5 * b.pooledPixelAuroc(), 1e-12,
				"the pooled pixel AUROC is the share-weighted mean");
	}

	@Test
	void anotherClassesDefectPixelsAreNotCountedAsUnmarked() {
		// A's 1 would lose to B's defect pixel 2 if that were taken for an unmarked pixel; B's 2 beats A's unmarked 0
		List<ClassMetrics> result = ClassMetrics.of(List.of("Free", "A", "B"), new double[] {0, 1, 1}, new boolean[] {false, true, true},
				List.of(new float[] {0, 0}, new float[] {1, 0}, new float[] {2, 3}), List.of(new boolean[2], new boolean[] {true, false},
						new boolean[] {true, false}), new int[] {0, 1, 2}, 2, 1);
		ClassMetrics a = result.get(0), b = result.get(1);
		assertEquals(0.75, a.pooledPixelAuroc(), 1e-12, "1 above the three zeros, below B's unmarked 3");
		assertEquals(0.75, b.pooledPixelAuroc(), 1e-12, "2 above the three zeros, below its own unmarked 3");
	}

	@Test
	void oneClassGivesNoBreakdown() {
		List<ClassMetrics> result = ClassMetrics.of(List.of("Free", "A"), new double[] {0, 1}, new boolean[] {false, true},
				List.of(new float[] {0}, new float[] {1}), List.of(new boolean[1], new boolean[] {true}), new int[] {0, 1}, 1, 1);
		assertTrue(result.isEmpty(), "the pooled figures are the class's");
	}
}
