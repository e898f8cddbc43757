package org.npad.updatesite;

import java.io.ByteArrayOutputStream;

/**
 * Drops the comment lines of a {@code .properties} file the way the ImageJ updater does before
 * checksumming it, because Maven writes the build date into a comment of {@code pom.properties} and
 * a rebuilt jar must not look like a new version.
 * <p>
 * The updater reads byte by byte: at the start of a line, a {@code '#'} makes it skip through the
 * next newline and hand on only that newline. The skipping itself reads through the same rule, so a
 * comment that is just {@code "#\n"} ends with the reader believing it is mid-line, and the line after
 * it is kept even if it is a comment too. The checksum only matches Fiji's when these details match,
 * so they are reproduced, not tidied.
 */
final class HashCommentFilter {

	private final byte[] in;
	private int position;
	private boolean atLineStart = true;

	private HashCommentFilter(byte[] in) {
		this.in = in;
	}

	/** The bytes the updater digests for a properties file holding {@code properties}. */
	static byte[] apply(byte[] properties) {
		HashCommentFilter filter = new HashCommentFilter(properties);
		ByteArrayOutputStream out = new ByteArrayOutputStream(properties.length);
		for (int ch = filter.next(); ch >= 0; ch = filter.next()) {
			out.write(ch);
		}
		return out.toByteArray();
	}

	private int next() {
		int ch = position < in.length ? in[position++] & 0xff : -1;
		if (atLineStart) {
			if (ch == '#') {
				do {
					ch = next();
				} while (ch != '\n' && ch != -1);
			} else {
				atLineStart = false;
			}
		} else if (ch == '\n') {
			atLineStart = true;
		}
		return ch;
	}
}
