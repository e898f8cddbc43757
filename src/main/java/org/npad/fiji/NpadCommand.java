package org.npad.fiji;

import org.npad.image.ImageReadException;
import org.npad.pipeline.MemoryFailure;
import org.npad.pipeline.Progress;
import org.scijava.app.StatusService;
import org.scijava.command.ContextCommand;
import org.scijava.log.LogService;
import org.scijava.plugin.Parameter;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.concurrent.CancellationException;

/**
 * What every N-pad command shares: progress in the status bar, cancellation, and how a run ends.
 * A failure the user can fix (a missing folder, a wrong model file, a bad setting) cancels the
 * command with its message, which Fiji shows as a warning and a script reads as the cancel reason,
 * instead of a stack trace; so does running out of memory ({@link MemoryFailure}). Anything else is a
 * bug and propagates.
 */
abstract class NpadCommand extends ContextCommand {

	@Parameter
	protected StatusService status;

	@Parameter
	protected LogService log;

	/** The command's work; files are written only once all of it succeeded. */
	protected abstract void execute() throws Exception;

	@Override
	public final void run() {
		try {
			execute();
		} catch (CancellationException e) {
			if (!isCanceled()) cancel(e.getMessage());
		} catch (Exception | OutOfMemoryError e) {
			if (MemoryFailure.is(e)) {
				stop(e, MemoryFailure.message(e));
			} else if (isUserError(e)) {
				stop(e, e.getMessage() == null || e.getMessage().isBlank() ? e.getClass().getSimpleName() : e.getMessage());
			} else {
				throw e instanceof RuntimeException r ? r : new RuntimeException(e);
			}
		}
	}

	private void stop(Throwable failure, String reason) {
		log.debug(failure);
		cancel(reason);
	}

	/** Progress to the status bar, warnings to the log; stops at the next batch when the command is cancelled or Esc is pressed. */
	protected Progress progress() {
		return new CommandProgress(status, log, this);
	}

	private static boolean isUserError(Throwable e) {
		return e instanceof IllegalArgumentException || e instanceof IllegalStateException || e instanceof ImageReadException
				|| e instanceof IOException || e instanceof UncheckedIOException;
	}
}
