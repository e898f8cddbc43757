package org.npad.updatesite;

/**
 * A {@code <previous-version>}: a checksum the site once served, so that Fiji recognises that
 * older file on a user's disk as "update available" rather than "locally modified".
 * {@code timestampObsolete} is when it was replaced (0 when unknown), {@code filename} the name it had.
 */
public record PreviousVersion(String filename, String checksum, long timestamp, long timestampObsolete) {}
