package org.npad.pipeline;

import java.util.concurrent.CancellationException;

/**
 * Where long work reports how far it got, and where it learns that the user gave up. The pipeline
 * calls {@link #checkCancelled()} between batches, so cancelling stops within one batch and never
 * leaves a file half-written (files are only written after the work completes).
 */
public interface Progress {

	Progress NONE = new Progress() {
		@Override
		public void report(String stage, long done, long total) {
		}

		@Override
		public boolean isCancelled() {
			return false;
		}
	};

	/** @param total -1 where the total is not known yet */
	void report(String stage, long done, long total);

	boolean isCancelled();

	/**
	 * Something the user should know that does not stop the work (e.g. inputs too dark to learn
	 * well from). Dropped by default, for callers that show nothing.
	 */
	default void warn(String message) {
	}

	/** Throws if the user cancelled, or the thread was interrupted. */
	default void checkCancelled() {
		if (isCancelled() || Thread.currentThread().isInterrupted()) throw new CancellationException("cancelled by the user");
	}
}
