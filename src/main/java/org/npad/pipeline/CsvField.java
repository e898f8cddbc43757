package org.npad.pipeline;

/** A text field of a CSV line (RFC 4180): image and class names may hold commas or quotes. */
public final class CsvField {

	private CsvField() {
	}

	public static String of(String s) {
		return s.contains(",") || s.contains("\"") || s.contains("\n") ? "\"" + s.replace("\"", "\"\"") + "\"" : s;
	}
}
