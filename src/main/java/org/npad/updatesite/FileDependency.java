package org.npad.updatesite;

/**
 * A {@code <dependency>} of a version: another file the updater installs with it. The updater
 * matches {@code filename} without its version, and records the dependency's version timestamp.
 */
public record FileDependency(String filename, long timestamp) {}
