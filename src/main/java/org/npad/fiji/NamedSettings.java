package org.npad.fiji;

import org.npad.image.Preprocessing;
import org.npad.method.NpadConfig;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

/**
 * Settings typed as text, "name=value name=value" (spaces, commas or new lines between them), as the
 * commands' "advanced settings" field takes them: every setting of the method and of the
 * preprocessing is reachable by its snake_case name without a dialog field for each. The names go to
 * {@link NpadConfig#with(Map)} and {@link Preprocessing#fromMap(Map)}, which validate the values.
 *
 * @param config        the names of {@link NpadConfig#toMap()}
 * @param preprocessing the names of {@link Preprocessing#toMap()}
 */
public record NamedSettings(Map<String, String> config, Map<String, String> preprocessing) {

	private static final Set<String> CONFIG_NAMES = NpadConfig.defaults().toMap().keySet();
	private static final Set<String> PREPROCESSING_NAMES = Preprocessing.defaults().toMap().keySet();

	public NamedSettings {
		config = Map.copyOf(config);
		preprocessing = Map.copyOf(preprocessing);
	}

	/** @throws IllegalArgumentException for a word without '=', an empty name or value, or an unknown name */
	public static NamedSettings parse(String text) {
		Map<String, String> config = new LinkedHashMap<>();
		Map<String, String> preprocessing = new LinkedHashMap<>();
		if (text == null) return new NamedSettings(config, preprocessing);
		for (String word : text.trim().split("[\\s,;]+")) {
			if (word.isEmpty()) continue;
			int eq = word.indexOf('=');
			if (eq <= 0 || eq == word.length() - 1)
				throw new IllegalArgumentException("advanced settings: '" + word + "' is not name=value");
			String name = word.substring(0, eq).trim();
			String value = word.substring(eq + 1).trim();
			if (CONFIG_NAMES.contains(name)) config.put(name, value);
			else if (PREPROCESSING_NAMES.contains(name)) preprocessing.put(name, value);
			else throw new IllegalArgumentException("advanced settings: unknown setting '" + name + "'; method settings are "
					+ String.join(", ", CONFIG_NAMES) + "; preprocessing settings are " + String.join(", ", PREPROCESSING_NAMES));
		}
		return new NamedSettings(config, preprocessing);
	}
}
