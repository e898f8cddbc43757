package org.npad.pipeline;

import ai.djl.ndarray.NDScope;

import java.util.List;
import java.util.function.Function;

/**
 * Runs work over a list in batches, and where a batch runs out of memory splits it in halves and
 * keeps the smaller size for the rest, as StarDist retries with more tiles; a single item that does
 * not fit is reported ({@link MemoryFailure}), not retried forever. Only the attempt is retried: what
 * is done with its result may have changed state (statistics) and is not.
 */
final class HalvingBatches {

	/** What is done with a batch's result; {@code from} is the batch's first index in the list. */
	interface Use<T> {
		void accept(int from, T result);
	}

	private int size;

	HalvingBatches(int size) {
		if (size < 1) throw new IllegalArgumentException("batch_size must be at least 1, got " + size);
		this.size = size;
	}

	/** The batch size now: the given one, or smaller after a batch ran out of memory. */
	int size() {
		return size;
	}

	/** Each batch in its own NDScope, so that the arrays of a failed attempt are freed before the retry. */
	<E, T> void forEach(List<E> items, Function<List<E>, T> attempt, Use<T> use) {
		for (int from = 0; from < items.size(); ) {
			List<E> batch = items.subList(from, Math.min(items.size(), from + size));
			try (NDScope scope = new NDScope()) {
				T result;
				try {
					result = attempt.apply(batch);
				} catch (RuntimeException | OutOfMemoryError e) {
					if (batch.size() == 1 || !MemoryFailure.is(e)) throw e;
					size = batch.size() / 2;
					continue;
				}
				use.accept(from, result);
			}
			from += batch.size();
		}
	}
}
