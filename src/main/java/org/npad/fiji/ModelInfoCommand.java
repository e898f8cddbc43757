package org.npad.fiji;

import org.npad.model.ModelFile;
import org.npad.model.ModelInfo;
import org.npad.model.ScoreStatistics;
import org.npad.model.Thresholds;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Plugins > N-pad > Model Info...: what a model file holds (backbone, preprocessing, settings,
 * thresholds, training images), read from its header alone so that even a model of gigabytes
 * answers at once. The text is the command's output: Fiji shows it in a window, scripts read it.
 */
@Plugin(type = Command.class, label = "N-pad: what a model file holds", menu = {
		@Menu(label = "Plugins"), @Menu(label = "N-pad", weight = 30), @Menu(label = "Model Info...", weight = 6)})
public class ModelInfoCommand extends NpadCommand {

	/** Training image names listed before the rest is summarised as a count. */
	static final int NAMES_SHOWN = 20;

	@Parameter(label = "Model file", style = FileWidget.OPEN_STYLE, persist = false)
	private File model_file;

	@Parameter(type = ItemIO.OUTPUT, label = "N-pad model info")
	private String info;

	@Override
	protected void execute() throws Exception {
		if (model_file == null) throw new IllegalArgumentException("the model file is missing");
		Path file = model_file.toPath();
		info = describe(file, ModelFile.readHeader(file));
	}

	static String describe(Path file, ModelInfo m) {
		StringBuilder s = new StringBuilder();
		line(s, "file", file + " (" + m.fileLength() + " bytes, format version " + m.formatVersion() + ", " + m.storage() + ")");
		line(s, "backbone", m.backbone().name() + " (weights sha256 " + m.backbone().weightSha256() + ")");
		line(s, "preprocessing", settings(m.preprocessing().toMap()));
		line(s, "settings", settings(m.config().toMap()));
		line(s, "channels", m.config().channelRule().projects()
				? "all " + m.channels().length + " of the backbone's taps, projected onto " + m.config().channels() + " directions"
				: m.channels().length + " of the backbone's taps kept");
		line(s, "feature map", m.width() + " x " + m.height() + " positions, learned from " + m.trainingCount() + " feature maps");
		if (!Double.isNaN(m.medianDistance())) line(s, "median neighbour distance", Double.toString(m.medianDistance()));
		Thresholds t = m.thresholds();
		line(s, "image threshold", t.image() + " (percentile " + t.percentile() + ")");
		line(s, "pixel threshold", t.pixel() + " (percentile " + t.percentile() + ")");
		line(s, "calibration", t.calibration());
		ScoreStatistics n = t.nominalImageScores();
		line(s, "nominal image scores", n.count() + " scores, mean " + n.mean() + ", std " + n.std() + ", min " + n.min() + ", max " + n.max());
		List<String> names = m.provenance().trainingImages();
		line(s, "training images", names.size() + ": " + String.join(", ", names.subList(0, Math.min(NAMES_SHOWN, names.size())))
				+ (names.size() > NAMES_SHOWN ? ", ... (" + (names.size() - NAMES_SHOWN) + " more)" : ""));
		if (!Double.isNaN(m.provenance().typicalBrightestInput()))
			line(s, "training inputs", String.format(Locale.ROOT, "brightest value typically %.1f of 0..255", m.provenance().typicalBrightestInput()));
		if (m.provenance().trainingSizes().isKnown()) line(s, "training image sizes", m.provenance().trainingSizes().toString());
		if (m.provenance().trainingPixelSizes().isKnown()) line(s, "training pixel sizes", m.provenance().trainingPixelSizes().toString());
		line(s, "created", m.provenance().created() + " by N-pad " + m.provenance().pluginVersion());
		return s.toString();
	}

	private static void line(StringBuilder s, String name, String value) {
		s.append(name).append(": ").append(value).append('\n');
	}

	private static String settings(Map<String, String> settings) {
		return settings.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(" "));
	}
}
