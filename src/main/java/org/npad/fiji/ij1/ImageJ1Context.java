package org.npad.fiji.ij1;

import ij.IJ;
import org.scijava.Context;
import org.scijava.app.StatusService;
import org.scijava.app.event.StatusEvent;
import org.scijava.command.CommandService;
import org.scijava.convert.ConvertService;
import org.scijava.event.EventHandler;
import org.scijava.log.LogService;

/**
 * The SciJava context of a plain ImageJ 1 (no ImageJ2 / imagej-legacy), made on first use and kept
 * for the JVM: the commands need a CommandService to run in, and their status messages should reach
 * ImageJ 1's status bar and progress bar. In Fiji this is never made: imagej-legacy runs the
 * commands in Fiji's own context.
 */
final class ImageJ1Context {

	private static Context context;
	/** Held here because the event service keeps only weak references to subscribers. */
	private static StatusBarBridge statusBar;

	private ImageJ1Context() {
	}

	static synchronized Context get() {
		if (context == null) {
			context = new Context(CommandService.class, StatusService.class, LogService.class, ConvertService.class);
			statusBar = new StatusBarBridge();
			context.inject(statusBar);
		}
		return context;
	}

	/** Status events to ImageJ 1's status and progress bars. */
	static final class StatusBarBridge {
		@EventHandler
		void onEvent(StatusEvent e) {
			String message = e.getStatusMessage();
			if (message != null && !message.isEmpty()) IJ.showStatus(message);
			if (e.getProgressMaximum() > 0) IJ.showProgress(e.getProgressValue(), e.getProgressMaximum());
		}
	}
}
