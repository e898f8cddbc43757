package org.npad.method;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Wall-clock time per named step of a long job, so that a run can say where its time went
 * (backbone, statistics, k-means, scoring, I/O) without a profiler. On the CPU the engine's
 * tensor operations are synchronous, so the time of a step is the time of its work.
 */
public final class PhaseTimes {

	private final Map<String, Long> nanos = new LinkedHashMap<>();

	public <T> T time(String phase, Supplier<T> work) {
		long start = System.nanoTime();
		try {
			return work.get();
		} finally {
			add(phase, System.nanoTime() - start);
		}
	}

	public void time(String phase, Runnable work) {
		time(phase, () -> {
			work.run();
			return null;
		});
	}

	public void add(String phase, long elapsedNanos) {
		nanos.merge(phase, elapsedNanos, Long::sum);
	}

	public void addAll(PhaseTimes other) {
		other.nanos.forEach(this::add);
	}

	/** Seconds per step, in the order the steps first ran. */
	public Map<String, Double> seconds() {
		Map<String, Double> out = new LinkedHashMap<>();
		nanos.forEach((phase, n) -> out.put(phase, n / 1e9));
		return Collections.unmodifiableMap(out);
	}
}
