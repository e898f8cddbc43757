package org.npad.model;

import java.time.Instant;
import java.util.List;

/**
 * Where a model came from, so that a result can be traced back to the images and the plugin build
 * that made it.
 *
 * @param trainingImages names of the nominal training images, in the order they were used
 * @param created        when training finished
 * @param pluginVersion  version of the plugin that trained it
 */
public record Provenance(List<String> trainingImages, Instant created, String pluginVersion) {

	public Provenance {
		trainingImages = List.copyOf(trainingImages);
		if (created == null) throw new IllegalArgumentException("creation time is missing");
		if (pluginVersion == null) throw new IllegalArgumentException("plugin version is missing");
	}

	/** Provenance of a model trained now by this build of the plugin. */
	public static Provenance now(List<String> trainingImages) {
		return new Provenance(trainingImages, Instant.now(), currentPluginVersion());
	}

	/** The version in the plugin jar's manifest; "development" when running from classes, e.g. in tests. */
	public static String currentPluginVersion() {
		String v = Provenance.class.getPackage().getImplementationVersion();
		return v == null ? "development" : v;
	}
}
