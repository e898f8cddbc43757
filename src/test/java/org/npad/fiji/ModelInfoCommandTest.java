package org.npad.fiji;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.npad.model.ModelFile;
import org.npad.model.ModelInfo;
import org.scijava.Context;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.npad.fiji.FijiTestSupport.refused;
import static org.npad.fiji.FijiTestSupport.run;
import static org.npad.fiji.FijiTestSupport.succeeded;

/** Model Info: what the text says, taken from the file header. */
class ModelInfoCommandTest {

	@Test
	void describesBackboneSettingsThresholdsAndTrainingImages(@TempDir Path dir) throws Exception {
		Path model = FijiTestSupport.sampleModel();
		ModelInfo header = ModelFile.readHeader(model);
		Context context = FijiTestSupport.context();
		try {
			String info = (String) succeeded(run(context, ModelInfoCommand.class, "model_file", model.toFile())).getOutput("info");
			assertTrue(info.contains("backbone: keras-resnet50-imagenet (weights sha256 " + header.backbone().weightSha256()), info);
			assertTrue(info.contains("crop=96") && info.contains("geometry=full_resize"), info);
			assertTrue(info.contains("channels=48") && info.contains("channel_rule=random"), info);
			assertTrue(info.contains("image threshold: " + header.thresholds().image()), info);
			assertTrue(info.contains("pixel threshold: " + header.thresholds().pixel()), info);
			assertTrue(info.contains("training images: 18: train_free_00.png, train_free_01.png"), info);
			double typical = header.provenance().typicalBrightestInput();
			assertTrue(typical > 64 && typical <= 255, "8-bit sample images reach well into 0..255: " + typical);
			assertTrue(info.contains(String.format(Locale.ROOT, "training inputs: brightest value typically %.1f of 0..255", typical)), info);
			assertTrue(info.contains("training image sizes: " + header.provenance().trainingSizes() + "\n")
					&& header.provenance().trainingSizes().isKnown(), info);

			Path text = dir.resolve("notes.npad");
			Files.writeString(text, "not a model");
			String reason = refused(run(context, ModelInfoCommand.class, "model_file", text.toFile()));
			assertTrue(reason.contains(text.toString()), reason);
		} finally {
			context.dispose();
		}
	}
}
