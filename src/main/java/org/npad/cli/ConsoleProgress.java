package org.npad.cli;

import org.npad.pipeline.Progress;

/** Progress and warnings on standard error, progress at most one line every two seconds per stage. */
final class ConsoleProgress implements Progress {

	private String stage = "";
	private long last;

	@Override
	public void report(String stage, long done, long total) {
		long now = System.currentTimeMillis();
		if (stage.equals(this.stage) && now - last < 2000 && done != total) return;
		this.stage = stage;
		last = now;
		System.err.println(stage + ": " + done + (total > 0 ? " / " + total : ""));
	}

	@Override
	public void warn(String message) {
		System.err.println("warning: " + message);
	}

	@Override
	public boolean isCancelled() {
		return false;
	}
}
