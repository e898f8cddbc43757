package org.npad.method;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NpadConfigTest {

	@Test
	void paperDefaultsAreMethodMd() {
		NpadConfig c = NpadConfig.paper();
		assertEquals(550, c.channels());
		assertEquals(ChannelRule.FEWEST_NONZERO, c.channelRule());
		assertEquals(0.01, c.epsilon());
		assertEquals(3, c.trainNeighbourhood());
		assertEquals(0.25, c.gamma());
		assertEquals(2, c.inferNeighbourhood());
		assertEquals(10, c.topK());
		assertEquals(0.1, c.centroidRatio());
		assertEquals(4.0, c.smoothingSigma());
		assertEquals(4, c.shift());
		assertEquals(99.5, c.thresholdPercentile());
	}

	@Test
	void settingsRoundTripByName() {
		NpadConfig c = NpadConfig.fast().withGammaScale(GammaScale.MEDIAN).withSeed(7);
		assertEquals(c, NpadConfig.paper().with(c.toMap()));
	}

	@Test
	void badSettingsNameTheSetting() {
		IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> NpadConfig.paper().with(Map.of("gama", "1")));
		assertTrue(unknown.getMessage().contains("gama"));
		IllegalArgumentException value = assertThrows(IllegalArgumentException.class, () -> NpadConfig.paper().with(Map.of("channel_rule", "best")));
		assertTrue(value.getMessage().contains("fewest_nonzero"));
		IllegalArgumentException range = assertThrows(IllegalArgumentException.class, () -> NpadConfig.paper().withGamma(0));
		assertTrue(range.getMessage().contains("gamma"));
	}

	/** Table 2: 1 = A, 2 = B, 3 = A+B (q = 1), 4 = A+C, 5 = A+B+C (q = 2), all without shifting. */
	@Test
	void experimentsSwitchModules() {
		NpadConfig base = NpadConfig.paper();
		assertEquals(PixelMapKind.D1, NpadConfig.experiment(1, base).pixelMap());
		assertEquals(1, NpadConfig.experiment(1, base).inferNeighbourhood());
		assertEquals(PixelMapKind.D2, NpadConfig.experiment(2, base).pixelMap());
		assertEquals(PixelMapKind.FUSED, NpadConfig.experiment(3, base).pixelMap());
		assertEquals(2, NpadConfig.experiment(4, base).inferNeighbourhood());
		assertEquals(0, NpadConfig.experiment(5, base).shift());
		assertThrows(IllegalArgumentException.class, () -> NpadConfig.experiment(6, base));
	}
}
