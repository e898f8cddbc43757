package org.npad.fiji.ij1;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * The options string of an ImageJ 1 macro call, {@code run("Detect...", "model_file=[/a b/m.npad]
 * pixel_threshold=12 overwrite")}: key=value pairs, values with spaces in square brackets, and bare
 * keys for ticked checkboxes (ImageJ 1's way). Read once into a map so that a misspelled key can be
 * reported instead of silently ignored.
 *
 * @param values key=value pairs
 * @param flags  bare keys
 */
record MacroOptions(Map<String, String> values, Set<String> flags) {

	/**
	 * @return the key=value pairs in order, and the bare keys
	 * @throws IllegalArgumentException for an unclosed '[' or a '=' without a key
	 */
	static MacroOptions parse(String options) {
		Map<String, String> values = new LinkedHashMap<>();
		Set<String> flags = new LinkedHashSet<>();
		if (options == null) return new MacroOptions(values, flags);
		int i = 0, n = options.length();
		while (i < n) {
			while (i < n && Character.isWhitespace(options.charAt(i))) i++;
			if (i >= n) break;
			int keyStart = i;
			while (i < n && !Character.isWhitespace(options.charAt(i)) && options.charAt(i) != '=') i++;
			String key = options.substring(keyStart, i);
			if (key.isEmpty()) throw new IllegalArgumentException("macro options: '=' without a name at position " + i + " of '" + options + "'");
			if (i < n && options.charAt(i) == '=') {
				i++;
				String value;
				if (i < n && options.charAt(i) == '[') {
					int close = options.indexOf(']', i + 1);
					if (close < 0) throw new IllegalArgumentException("macro options: the value of '" + key + "' opens '[' but never closes it");
					value = options.substring(i + 1, close);
					i = close + 1;
				} else {
					int valueStart = i;
					while (i < n && !Character.isWhitespace(options.charAt(i))) i++;
					value = options.substring(valueStart, i);
				}
				values.put(key, value);
			} else {
				flags.add(key);
			}
		}
		return new MacroOptions(values, flags);
	}
}
