package org.npad.updatesite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;

class UpdaterTimestampTest {

	private static final Instant MOMENT = Instant.parse("2026-01-23T10:45:07Z");

	@Test
	void wallClockDigitsInTheClockZone() {
		assertEquals(20260123104507L, UpdaterTimestamp.now(Clock.fixed(MOMENT, ZoneOffset.UTC)));
		// Berlin is UTC+1 in January
		assertEquals(20260123114507L, UpdaterTimestamp.now(Clock.fixed(MOMENT, ZoneId.of("Europe/Berlin"))));
	}
}
