package org.npad.fiji;

import ij.IJ;
import org.npad.pipeline.Progress;
import org.scijava.Cancelable;
import org.scijava.app.StatusService;
import org.scijava.log.LogService;

/**
 * The pipeline's progress shown in Fiji's status bar, and the user's wish to stop passed back to
 * it: the command was cancelled (SciJava), or Esc was pressed (ImageJ 1's way of stopping a plugin).
 */
final class CommandProgress implements Progress {

	private final StatusService status;
	private final LogService log;
	private final Cancelable command;

	CommandProgress(StatusService status, LogService log, Cancelable command) {
		this.status = status;
		this.log = log;
		this.command = command;
	}

	@Override
	public void report(String stage, long done, long total) {
		if (status == null) return;
		if (total > 0) status.showStatus((int) Math.min(done, Integer.MAX_VALUE), (int) Math.min(total, Integer.MAX_VALUE), stage);
		else status.showStatus(stage + " (" + done + ")");
	}

	/** To the log, which Fiji shows in its Console and a headless run on standard error. */
	@Override
	public void warn(String message) {
		if (log != null) log.warn("N-pad: " + message);
	}

	@Override
	public boolean isCancelled() {
		return command.isCanceled() || IJ.escapePressed();
	}
}
