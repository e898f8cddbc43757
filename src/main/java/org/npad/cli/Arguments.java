package org.npad.cli;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * "--name value" command-line options; "--set k=v" and "--pre k=v" may repeat. Unknown or missing
 * options are refused with the option's name, so a typo never silently runs the defaults.
 */
final class Arguments {

	private final Map<String, String> single = new LinkedHashMap<>();
	private final Map<String, List<String>> repeated = new LinkedHashMap<>();

	Arguments(String[] args, List<String> singleNames, List<String> repeatedNames) {
		for (int i = 0; i < args.length; i++) {
			String a = args[i];
			if (!a.startsWith("--")) throw new IllegalArgumentException("unexpected argument '" + a + "'");
			String name = a.substring(2);
			boolean flag = !singleNames.contains(name) && !repeatedNames.contains(name);
			if (flag) throw new IllegalArgumentException("unknown option --" + name + "; known: --" + String.join(", --", all(singleNames, repeatedNames)));
			if (i + 1 >= args.length) throw new IllegalArgumentException("option --" + name + " needs a value");
			String value = args[++i];
			if (repeatedNames.contains(name)) repeated.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
			else single.put(name, value);
		}
	}

	String get(String name, String fallback) {
		return single.getOrDefault(name, fallback);
	}

	String require(String name) {
		String v = single.get(name);
		if (v == null) throw new IllegalArgumentException("option --" + name + " is required");
		return v;
	}

	int getInt(String name, int fallback) {
		String v = single.get(name);
		try {
			return v == null ? fallback : Integer.parseInt(v);
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("option --" + name + " must be a whole number, got '" + v + "'");
		}
	}

	/** The "k=v" values of a repeated option as a map. */
	Map<String, String> settings(String name) {
		Map<String, String> m = new LinkedHashMap<>();
		for (String kv : repeated.getOrDefault(name, List.of())) {
			int eq = kv.indexOf('=');
			if (eq <= 0) throw new IllegalArgumentException("--" + name + " takes name=value, got '" + kv + "'");
			m.put(kv.substring(0, eq).trim(), kv.substring(eq + 1).trim());
		}
		return m;
	}

	private static List<String> all(List<String> a, List<String> b) {
		List<String> all = new ArrayList<>(a);
		all.addAll(b);
		return all;
	}
}
