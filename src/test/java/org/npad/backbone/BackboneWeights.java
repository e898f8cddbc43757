package org.npad.backbone;

import com.google.gson.Gson;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Where the tests find the converted ResNet-50 weights: where scripts/fetch-backbone.sh puts them.
 * A clean checkout has none, so the first test that needs them runs the script (npm + converter),
 * handing it this JVM's own classes; later runs find the files and start at once.
 */
public final class BackboneWeights {

	private static final Path CACHE = Path.of(".build", "backbone").toAbsolutePath();

	private BackboneWeights() {}

	/** Weights through stage 4, as shipped. */
	public static Path stage4() throws IOException {
		return ensure(CACHE.resolve("resources/org/npad/backbone/" + KerasResNet50Backbone.NAME + ".npw"));
	}

	/** The whole network including stage 5 and the ImageNet classifier. */
	public static Path withClassifier() throws IOException {
		return ensure(CACHE.resolve(KerasResNet50Backbone.NAME + "-with-classifier.npw"));
	}

	private static synchronized Path ensure(Path file) throws IOException {
		if (Files.isRegularFile(file)) return file;
		String classpath = location(KerasWeightConverter.class) + java.io.File.pathSeparator + location(Gson.class);
		ProcessBuilder script = new ProcessBuilder("bash", "scripts/fetch-backbone.sh", "--classpath", classpath).inheritIO();
		try {
			int rc = script.start().waitFor();
			if (rc != 0 || !Files.isRegularFile(file))
				throw new IOException("scripts/fetch-backbone.sh failed (exit " + rc + "); " + file + " is missing");
		} catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IOException("interrupted while fetching the backbone", e);
		}
		return file;
	}

	private static String location(Class<?> type) {
		try {
			return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
		} catch (URISyntaxException e) {
			throw new IllegalStateException(e);
		}
	}
}
