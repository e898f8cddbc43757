package org.npad.pipeline;

import org.npad.metrics.F1Max;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The evaluation's verdict on each test image, to find what the pooled figures hide: the nominal
 * images scoring above defective ones, the defects that go unseen. The call is taken at the image
 * F1-max threshold (the best a labelled set allows), so every row whose call differs from its label
 * is an error even at that threshold.
 */
public final class ImageOutcomes {

	/** The CSV header. */
	public static final String HEADER = "image,class,defective,score,called_anomalous";

	private ImageOutcomes() {
	}

	/** One CSV line per test image, in test order, without the header. */
	public static List<String> lines(Evaluation.Result result) {
		F1Max best = result.imageF1();
		List<String> lines = new ArrayList<>();
		for (int i = 0; i < result.scores().length; i++)
			lines.add(String.format(Locale.ROOT, "%s,%s,%d,%s,%d", CsvField.of(result.names().get(i)), CsvField.of(result.imageClasses().get(i)),
					result.labels()[i] ? 1 : 0, result.scores()[i], result.scores()[i] >= best.threshold() ? 1 : 0));
		return lines;
	}
}
