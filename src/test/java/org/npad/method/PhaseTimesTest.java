package org.npad.method;

import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PhaseTimesTest {

	@Test
	void sumsPerStepInFirstSeenOrderAndMerges() {
		PhaseTimes a = new PhaseTimes();
		a.add("backbone", 1_500_000_000L);
		a.add("scoring", 250_000_000L);
		a.add("backbone", 500_000_000L);
		PhaseTimes b = new PhaseTimes();
		b.add("reading images", 100_000_000L);
		b.add("scoring", 750_000_000L);
		a.addAll(b);
		Map<String, Double> s = a.seconds();
		assertEquals(List.of("backbone", "scoring", "reading images"), List.copyOf(s.keySet()));
		assertEquals(2.0, s.get("backbone"), 1e-12);
		assertEquals(1.0, s.get("scoring"), 1e-12);
		assertEquals(0.1, s.get("reading images"), 1e-12);
	}

	@Test
	void timesWorkThatFailsAndPassesItsResultOn() {
		PhaseTimes t = new PhaseTimes();
		assertEquals("done", t.time("step", () -> "done"));
		assertThrows(IllegalStateException.class, () -> t.time("failing", (Runnable) () -> {
			sleep(20);
			throw new IllegalStateException("boom");
		}));
		assertTrue(t.seconds().get("failing") >= 0.019, "the failed step's time is still counted: " + t.seconds());
		assertTrue(t.seconds().get("step") < 0.019);
	}

	private static void sleep(long millis) {
		try {
			Thread.sleep(millis);
		} catch (InterruptedException e) {
			throw new AssertionError(e);
		}
	}
}
