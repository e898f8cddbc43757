package org.npad;

/**
 * A system property set until closed, then restored: the code reads some properties at every use
 * (npad.compute, npad.precision, the backbone weights), so a test can switch them and must leave
 * them as it found them for the tests after it.
 */
public final class TemporaryProperty implements AutoCloseable {

	private final String name;
	private final String before;

	private TemporaryProperty(String name) {
		this.name = name;
		this.before = System.getProperty(name);
	}

	/** @param value the value until closed; null clears the property */
	public static TemporaryProperty set(String name, String value) {
		TemporaryProperty p = new TemporaryProperty(name);
		put(name, value);
		return p;
	}

	@Override
	public void close() {
		put(name, before);
	}

	private static void put(String name, String value) {
		if (value == null) System.clearProperty(name);
		else System.setProperty(name, value);
	}
}
