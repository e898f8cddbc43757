package org.npad.fiji;

import ai.djl.Device;
import org.npad.backbone.Backbone;
import org.npad.backbone.KerasResNet50Backbone;
import org.npad.pipeline.Progress;

import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * The backbone, loaded once per JVM and device (as StarDist and CSBDeep keep their networks):
 * reading and preparing ResNet-50's weights takes seconds, and a macro that runs Detect on a
 * hundred images must not pay that a hundred times. The backbone's weights are read-only, so
 * concurrent commands can share it.
 */
public final class BackboneCache {

	private static final Map<Device, Backbone> LOADED = new HashMap<>();

	private BackboneCache() {
	}

	/**
	 * The packaged Keras ResNet-50 on this device (or the weight file named by the system property
	 * {@value KerasResNet50Backbone#WEIGHTS_PROPERTY}, read on first use).
	 *
	 * @param progress told, on first use, of a faster way to start Fiji where there is one ({@link HugePagesAdvice})
	 */
	public static synchronized Backbone get(Device device, Progress progress) throws IOException {
		Backbone backbone = LOADED.get(device);
		if (backbone == null) {
			String advice = HugePagesAdvice.of(device, System.getProperty("os.name"), System.getenv(HugePagesAdvice.VARIABLE));
			if (advice != null) progress.warn(advice);
			backbone = KerasResNet50Backbone.load(device);
			LOADED.put(device, backbone);
		}
		return backbone;
	}
}
