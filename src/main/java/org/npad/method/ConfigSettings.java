package org.npad.method;


import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * The method's settings as snake_case name to text, the way the model file spells them. The names
 * and values are derived from the components of {@link NpadConfig} itself, so a setting added to
 * the record is stored without touching this class and the file can never miss one.
 */
final class ConfigSettings {

	/**
	 * Settings added after model files were first written, with the value every file without them
	 * was trained with: that is a fact about those files, not today's default.
	 */
	private static final Map<String, String> ADDED_LATER = Map.of("covariance", "ridge", "patch_bank", "0", "top_pixel_percent", "1");

	private ConfigSettings() {
	}

	static Map<String, String> toMap(NpadConfig config) {
		Map<String, String> m = new LinkedHashMap<>();
		for (RecordComponent c : NpadConfig.class.getRecordComponents()) {
			Object value;
			try {
				value = c.getAccessor().invoke(config);
			} catch (ReflectiveOperationException e) {
				throw new IllegalStateException("cannot read setting " + c.getName(), e);
			}
			m.put(snake(c.getName()), value instanceof Enum<?> e ? e.name().toLowerCase(Locale.ROOT) : value.toString());
		}
		return m;
	}

	/**
	 * Reads what {@link #toMap} wrote. Every setting must be present (but those {@link #ADDED_LATER}):
	 * a model's behaviour depends on all of them, so a missing one is never silently replaced by
	 * today's default.
	 *
	 * @throws IllegalArgumentException naming the setting that is missing, unknown or unreadable
	 */
	static NpadConfig fromMap(Map<String, String> values) {
		RecordComponent[] components = NpadConfig.class.getRecordComponents();
		Map<String, String> unknown = new LinkedHashMap<>(values);
		Object[] args = new Object[components.length];
		Class<?>[] types = new Class<?>[components.length];
		for (int i = 0; i < components.length; i++) {
			String name = snake(components[i].getName());
			String text = unknown.containsKey(name) ? unknown.remove(name) : ADDED_LATER.get(name);
			if (text == null) throw new IllegalArgumentException("setting '" + name + "' is missing");
			types[i] = components[i].getType();
			args[i] = parse(name, types[i], text.trim());
		}
		if (!unknown.isEmpty()) throw new IllegalArgumentException("unknown settings " + unknown.keySet());
		try {
			Constructor<NpadConfig> canonical = NpadConfig.class.getDeclaredConstructor(types);
			return canonical.newInstance(args);
		} catch (InvocationTargetException e) {
			throw e.getCause() instanceof IllegalArgumentException iae ? iae : new IllegalStateException(e.getCause());
		} catch (ReflectiveOperationException e) {
			throw new IllegalStateException("cannot build the settings record", e);
		}
	}

	/** camelCase to snake_case: topK becomes top_k. */
	static String snake(String camel) {
		return camel.replaceAll("([A-Z])", "_$1").toLowerCase(Locale.ROOT);
	}

	private static Object parse(String name, Class<?> type, String text) {
		try {
			if (type == int.class) return Integer.parseInt(text);
			if (type == long.class) return Long.parseLong(text);
			if (type == double.class) return Double.parseDouble(text);
		} catch (NumberFormatException e) {
			throw new IllegalArgumentException("setting '" + name + "' must be a number, got '" + text + "'");
		}
		if (type.isEnum()) {
			for (Object constant : type.getEnumConstants()) {
				if (((Enum<?>) constant).name().equalsIgnoreCase(text)) return constant;
			}
			StringBuilder known = new StringBuilder();
			for (Object constant : type.getEnumConstants())
				known.append(known.length() == 0 ? "" : ", ").append(((Enum<?>) constant).name().toLowerCase(Locale.ROOT));
			throw new IllegalArgumentException("setting '" + name + "' has unknown value '" + text + "'; use one of " + known);
		}
		throw new IllegalStateException("setting '" + name + "' has type " + type.getName() + ", which the model file cannot store");
	}
}
