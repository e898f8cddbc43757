package org.npad.fiji;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class NamedSettingsTest {

	@Test
	void splitsMethodAndPreprocessingSettingsByName() {
		NamedSettings s = NamedSettings.parse(" top_k=5, crop=96\nwindow_low=100;channel_rule=random  ");
		assertEquals(Map.of("top_k", "5", "channel_rule", "random"), s.config());
		assertEquals(Map.of("crop", "96", "window_low", "100"), s.preprocessing());
		assertTrue(NamedSettings.parse("").config().isEmpty());
		assertTrue(NamedSettings.parse(null).preprocessing().isEmpty());
	}

	@Test
	void refusesWhatIsNotASetting() {
		assertTrue(assertThrows(IllegalArgumentException.class, () -> NamedSettings.parse("top_k")).getMessage().contains("'top_k' is not name=value"));
		assertTrue(assertThrows(IllegalArgumentException.class, () -> NamedSettings.parse("crop=")).getMessage().contains("'crop='"));
		String message = assertThrows(IllegalArgumentException.class, () -> NamedSettings.parse("topk=3")).getMessage();
		assertTrue(message.contains("unknown setting 'topk'") && message.contains("top_k") && message.contains("crop"), message);
	}
}
