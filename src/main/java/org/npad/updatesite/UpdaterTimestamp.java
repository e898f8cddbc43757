package org.npad.updatesite;

import java.time.Clock;
import java.time.format.DateTimeFormatter;

/**
 * The updater's timestamps: wall-clock time written as the decimal number yyyyMMddHHmmss (not an
 * epoch), in the local time zone as the updater's own {@code UpdaterUtil.timestamp} writes them.
 * They name the files on the server ({@code jars/x-1.0.jar-20260123104500}) and order versions.
 */
public final class UpdaterTimestamp {

	private static final DateTimeFormatter FORMAT = DateTimeFormatter.ofPattern("yyyyMMddHHmmss");

	private UpdaterTimestamp() {}

	public static long now(Clock clock) {
		return Long.parseLong(FORMAT.withZone(clock.getZone()).format(clock.instant()));
	}
}
