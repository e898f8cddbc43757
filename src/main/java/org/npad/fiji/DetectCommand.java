package org.npad.fiji;

import ij.ImagePlus;
import ij.gui.Roi;
import org.npad.image.NamedSlice;
import org.npad.pipeline.Detection;
import org.npad.pipeline.Progress;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import java.io.File;
import java.util.ArrayList;
import java.util.List;

/**
 * Plugins > N-pad > Detect...: scores the current image (each slice of a stack) with a model. The
 * heatmap and mask come back as new images, the heatmap also as an overlay on the original (whose
 * pixels are not touched), the anomalous regions go to the ROI Manager and one row each to the
 * regions table, and one row per image to the Results table.
 */
@Plugin(type = Command.class, label = "N-pad: detect anomalies in the current image", menu = {
		@Menu(label = "Plugins"), @Menu(label = "N-pad", weight = 30), @Menu(label = "Detect...", weight = 3)})
public class DetectCommand extends NpadCommand {

	@Parameter(label = "Image", persist = false)
	private ImagePlus image;

	@Parameter(label = "Model file", style = FileWidget.OPEN_STYLE, persist = false)
	private File model_file;

	@Parameter(label = "Image threshold (0 = model's)", min = "0", persist = false,
			description = "An image scoring at or above it is called anomalous")
	private double image_threshold = 0;

	@Parameter(label = "Pixel threshold (0 = model's)", min = "0", persist = false,
			description = "Pixels scoring at or above it make the mask and the regions")
	private double pixel_threshold = 0;

	@Parameter(label = "Create heatmap image", persist = false)
	private boolean create_heatmap = true;

	@Parameter(label = "Create mask image", persist = false)
	private boolean create_mask = true;

	@Parameter(label = "Show heatmap overlay on the image", persist = false)
	private boolean show_overlay = true;

	@Parameter(label = "Add regions to the ROI Manager", persist = false)
	private boolean add_rois = true;

	@Parameter(label = "Show region table", persist = false,
			description = "One row per anomalous region (area, centroid, scores) in the \"" + ImageJ1Outputs.REGIONS_TABLE + "\" window")
	private boolean show_regions = true;

	@Parameter(label = "Batch size", min = "1", persist = false)
	private int batch_size = 8;

	@Parameter(label = "Device", choices = {Devices.CPU, Devices.GPU}, persist = false)
	private String device = Devices.CPU;

	@Parameter(type = ItemIO.OUTPUT, label = "Anomaly heatmap")
	private ImagePlus heatmap;

	@Parameter(type = ItemIO.OUTPUT, label = "Anomaly mask")
	private ImagePlus mask;

	@Override
	protected void execute() throws Exception {
		List<NamedSlice> slices = ImagePlusSlices.of(image);
		Progress progress = progress();
		List<ImageVerdict> verdicts = new ArrayList<>();
		try (DetectionSession session = DetectionSession.open(model_file == null ? null : model_file.toPath(), Devices.parse(device), batch_size, progress)) {
			DecisionThresholds thresholds = DecisionThresholds.resolve(session.model().thresholds(), image_threshold, pixel_threshold);
			for (int from = 0; from < slices.size(); from += session.imagesPerBatch()) {
				progress.checkCancelled();
				for (Detection d : session.detect(slices.subList(from, Math.min(slices.size(), from + session.imagesPerBatch()))))
					verdicts.add(ImageVerdict.of(d, thresholds));
				progress.report("N-pad: detecting", verdicts.size(), slices.size());
			}
		}
		boolean stack = slices.size() > 1;
		List<List<Roi>> regions = new ArrayList<>();
		List<Roi> all = new ArrayList<>();
		for (int k = 0; k < verdicts.size(); k++) {
			ImageVerdict v = verdicts.get(k);
			regions.add(RegionRois.of(v.regions(), v.detection().name(), stack ? k + 1 : 0));
			all.addAll(regions.get(k));
		}
		ImageJ1Outputs.appendDetections(verdicts.stream().map(DetectionRow::of).toList());
		if (show_overlay) HeatmapOverlay.apply(image, verdicts, regions, stack);
		if (add_rois) ImageJ1Outputs.addToRoiManager(all);
		if (show_regions) ImageJ1Outputs.appendRegions(verdicts.stream().flatMap(v -> RegionRow.of(v).stream()).toList());
		String base = image.getShortTitle();
		if (create_heatmap) heatmap = HeatmapImages.heatmap(verdicts, base + "_heatmap");
		if (create_mask) mask = HeatmapImages.mask(verdicts, base + "_mask");
		status.showStatus("N-pad: " + verdicts.stream().filter(ImageVerdict::anomalous).count() + " of " + verdicts.size() + " anomalous");
	}
}
