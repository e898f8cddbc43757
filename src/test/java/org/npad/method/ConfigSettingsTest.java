package org.npad.method;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ConfigSettingsTest {

	/** Every setting away from its default, so a mix-up of two settings cannot go unnoticed. */
	private static final NpadConfig UNUSUAL = new NpadConfig(5, ChannelRule.MOST_NONZERO, 42, CovarianceEstimator.OAS, 0.02, 5, 0.5, GammaScale.MEDIAN, 3,
			PixelMapKind.D2, 60, ImageScoreKind.MAX_PIXEL, 7, 3.5, 0.2, 3, 2.5, 2, ShiftAggregation.MAX, 99.0);

	/** The names method.md and the settings' own error messages use. */
	@Test
	void namesAreTheSnakeCaseSettingNames() {
		assertEquals(List.of("channels", "channel_rule", "seed", "covariance", "epsilon", "train_neighbourhood", "gamma", "gamma_scale",
				"infer_neighbourhood", "pixel_map", "patch_bank", "image_score", "top_k", "top_pixel_percent", "centroid_ratio", "kmeans_iterations",
				"smoothing_sigma", "shift", "shift_aggregation", "threshold_percentile"),
				List.copyOf(ConfigSettings.toMap(NpadConfig.paper()).keySet()));
	}

	@Test
	void valuesAreWrittenAsText() {
		Map<String, String> m = ConfigSettings.toMap(UNUSUAL);
		assertEquals("most_nonzero", m.get("channel_rule"));
		assertEquals("0.02", m.get("epsilon"));
		assertEquals("42", m.get("seed"));
		assertEquals("d2", m.get("pixel_map"));
		assertEquals("oas", m.get("covariance"));
		assertEquals("60", m.get("patch_bank"));
	}

	/** Model files written before the covariance setting existed were all trained with the ridge alone. */
	@Test
	void filesFromBeforeTheCovarianceSettingReadAsRidge() {
		Map<String, String> old = ConfigSettings.toMap(NpadConfig.fast().withCovariance(CovarianceEstimator.OAS));
		old.remove("covariance");
		assertEquals(CovarianceEstimator.RIDGE, ConfigSettings.fromMap(old).covariance());
	}

	/** Nor did files from before the patch bank keep any patches. */
	@Test
	void filesFromBeforeThePatchBankHaveNone() {
		Map<String, String> old = ConfigSettings.toMap(NpadConfig.fast().withPatchBank(1000));
		old.remove("patch_bank");
		assertEquals(0, ConfigSettings.fromMap(old).patchBank());
	}

	/**
	 * Files from before the top-pixels score name their image score (max_pixel or top_k_centroid),
	 * which never reads the share, so they keep scoring as they did.
	 */
	@Test
	void filesFromBeforeTheTopPixelsScoreKeepTheirScore() {
		Map<String, String> old = ConfigSettings.toMap(NpadConfig.fast().withImageScore(ImageScoreKind.MAX_PIXEL));
		old.remove("top_pixel_percent");
		NpadConfig read = ConfigSettings.fromMap(old);
		assertEquals(ImageScoreKind.MAX_PIXEL, read.imageScore());
		assertEquals(1, read.topPixelPercent());
	}

	@Test
	void everySettingRoundTrips() {
		for (NpadConfig c : new NpadConfig[] {UNUSUAL, NpadConfig.paper(), NpadConfig.padim(),
				NpadConfig.fast().withEpsilon(1e-7).withGamma(0.1 + 0.2)}) {
			assertEquals(c, ConfigSettings.fromMap(ConfigSettings.toMap(c)));
		}
	}

	@Test
	void missingUnknownAndBadSettingsAreNamed() {
		Map<String, String> missing = ConfigSettings.toMap(NpadConfig.paper());
		missing.remove("top_k");
		assertEquals("setting 'top_k' is missing", assertThrows(IllegalArgumentException.class, () -> ConfigSettings.fromMap(missing)).getMessage());

		Map<String, String> unknown = ConfigSettings.toMap(NpadConfig.paper());
		unknown.put("zoom", "2");
		assertTrue(assertThrows(IllegalArgumentException.class, () -> ConfigSettings.fromMap(unknown)).getMessage().contains("zoom"));

		Map<String, String> bad = ConfigSettings.toMap(NpadConfig.paper());
		bad.put("pixel_map", "d3");
		assertEquals("setting 'pixel_map' has unknown value 'd3'; use one of fused, d1, d2", assertThrows(IllegalArgumentException.class, () -> ConfigSettings.fromMap(bad)).getMessage());

		Map<String, String> invalid = ConfigSettings.toMap(NpadConfig.paper());
		invalid.put("epsilon", "-1");
		assertEquals("epsilon must be positive, got -1.0", assertThrows(IllegalArgumentException.class, () -> ConfigSettings.fromMap(invalid)).getMessage());
	}
}
