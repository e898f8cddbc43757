package org.npad.fiji;

import ij.ImagePlus;
import ij.gui.Roi;
import ij.io.FileSaver;
import ij.io.RoiEncoder;
import org.npad.image.ImageFolder;
import org.npad.image.ImageReadException;
import org.npad.image.NamedSlice;
import org.npad.pipeline.Detection;
import org.npad.pipeline.Progress;
import org.scijava.ItemIO;
import org.scijava.command.Command;
import org.scijava.plugin.Menu;
import org.scijava.plugin.Parameter;
import org.scijava.plugin.Plugin;
import org.scijava.widget.FileWidget;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Plugins > N-pad > Detect Folder...: scores every image of a folder and writes, per image, the 32-bit
 * heatmap (name_heatmap.tif), the mask (name_mask.png) and its regions as an ImageJ ROI set
 * (name_rois.zip, when it has any) and the image with the heatmap and outlines burnt in
 * (name_overlay.png), plus one CSV of all images (npad-results.csv) and one of all
 * their regions (npad-regions.csv: what Measure in the ROI Manager gives for one image, for a whole
 * folder), and a histogram of the image scores split at the threshold (npad-scores.png); sub-folders are mirrored.
 * A file that cannot be read stops the run, naming it, unless skip_unreadable asks to go on: skipped
 * files are then listed with their problem (npad-unreadable.csv). Nothing is overwritten unless asked: the output names of every file are checked before
 * the first image is scored (those of stack slices, known only once the stack is read, just before
 * they are written). Each file is written whole or not at all; the CSVs and the plot are written last, so
 * a run that was cancelled or failed has none.
 */
@Plugin(type = Command.class, label = "N-pad: detect anomalies in a folder of images", menu = {
		@Menu(label = "Plugins"), @Menu(label = "N-pad", weight = 30), @Menu(label = "Detect Folder...", weight = 4)})
public class DetectFolderCommand extends NpadCommand {

	static final String CSV = "npad-results.csv";
	static final String REGIONS_CSV = "npad-regions.csv";
	static final String SCORES_PNG = "npad-scores.png";
	static final String UNREADABLE_CSV = "npad-unreadable.csv";

	@Parameter(label = "Images folder", style = FileWidget.DIRECTORY_STYLE, persist = false)
	private File folder;

	@Parameter(label = "File filter", required = false, persist = false,
			description = "Which files count, e.g. '*.png'; empty for the usual image types")
	private String file_filter = "";

	@Parameter(label = "Include sub-folders", persist = false)
	private boolean recursive = false;

	@Parameter(label = "Model file", style = FileWidget.OPEN_STYLE, persist = false)
	private File model_file;

	@Parameter(label = "Output folder", style = FileWidget.DIRECTORY_STYLE, persist = false)
	private File output_folder;

	@Parameter(label = "Overwrite existing outputs", persist = false)
	private boolean overwrite = false;

	@Parameter(label = "Skip unreadable files", persist = false,
			description = "Go on past files that cannot be read and list them in " + UNREADABLE_CSV + ", instead of stopping at the first")
	private boolean skip_unreadable = false;

	@Parameter(label = "Image threshold (0 = model's)", min = "0", persist = false)
	private double image_threshold = 0;

	@Parameter(label = "Pixel threshold (0 = model's)", min = "0", persist = false)
	private double pixel_threshold = 0;

	@Parameter(label = "Batch size", min = "1", persist = false)
	private int batch_size = 8;

	@Parameter(label = "Device", choices = {Devices.CPU, Devices.GPU}, persist = false)
	private String device = Devices.CPU;

	@Parameter(type = ItemIO.OUTPUT, label = "Image scores")
	private ImagePlus score_plot;

	@Override
	protected void execute() throws Exception {
		if (folder == null) throw new IllegalArgumentException("the images folder is missing");
		if (output_folder == null) throw new IllegalArgumentException("the output folder is missing");
		Path out = output_folder.toPath();
		if (!Files.isDirectory(out)) throw new IllegalArgumentException("the output folder " + out + " does not exist");
		ImageFolder images = new ImageFolder(folder.toPath(), file_filter, recursive);
		List<Path> files = images.files();
		OutputFiles.requireWritable(out.resolve(CSV), overwrite, "results table");
		OutputFiles.requireWritable(out.resolve(REGIONS_CSV), overwrite, "regions table");
		OutputFiles.requireWritable(out.resolve(SCORES_PNG), overwrite, "score plot");
		if (skip_unreadable) OutputFiles.requireWritable(out.resolve(UNREADABLE_CSV), overwrite, "list of unreadable files");
		Map<Path, Path> planned = new HashMap<>();
		for (Path f : files) {
			for (Path target : BatchOutputs.paths(out, images.directory().relativize(f).toString())) {
				OutputFiles.requireFree(target, overwrite, "output file");
				Path other = planned.putIfAbsent(target, f);
				if (other != null)
					throw new IllegalArgumentException(other + " and " + f + " would both be written to " + target + ": use a file filter to keep one of them");
			}
		}

		Progress progress = progress();
		List<DetectionRow> rows = new ArrayList<>();
		List<RegionRow> regionRows = new ArrayList<>();
		List<UnreadableRow> unreadable = new ArrayList<>();
		try (DetectionSession session = DetectionSession.open(model_file == null ? null : model_file.toPath(), Devices.parse(device), batch_size, progress)) {
			DecisionThresholds thresholds = DecisionThresholds.resolve(session.model().thresholds(), image_threshold, pixel_threshold);
			List<NamedSlice> batch = new ArrayList<>();
			Consumer<ImageReadException> skip = e -> {
				unreadable.add(UnreadableRow.of(images.directory(), e));
				progress.warn("skipped " + e.getMessage());
			};
			for (NamedSlice slice : images.slices(skip_unreadable ? skip : null)) {
				batch.add(slice);
				if (batch.size() == session.imagesPerBatch()) detect(session, batch, thresholds, out, rows, regionRows, progress);
			}
			if (!batch.isEmpty()) detect(session, batch, thresholds, out, rows, regionRows, progress);
		}
		if (rows.isEmpty())
			throw new ImageReadException(images.directory(), "none of its " + files.size() + " image files could be read; the first, "
					+ unreadable.get(0).file() + ": " + unreadable.get(0).problem());
		if (skip_unreadable) OutputFiles.writeAtomically(out.resolve(UNREADABLE_CSV), file -> TableRow.writeCsv(file, UnreadableRow.COLUMNS, unreadable));
		OutputFiles.writeAtomically(out.resolve(REGIONS_CSV), file -> TableRow.writeCsv(file, RegionRow.COLUMNS, regionRows));
		OutputFiles.writeAtomically(out.resolve(CSV), file -> TableRow.writeCsv(file, DetectionRow.COLUMNS, rows));
		score_plot = CurvePlots.decisions(rows, "N-pad image scores in " + folder.getName());
		OutputFiles.writePng(score_plot, out.resolve(SCORES_PNG));
		ImageJ1Outputs.appendDetections(rows);
		status.showStatus("N-pad: " + rows.size() + " images scored, results in " + out
				+ (unreadable.isEmpty() ? "" : "; " + unreadable.size() + " unreadable files skipped, listed in " + UNREADABLE_CSV));
	}

	/** Detects a batch of slices, writes each one's outputs and empties the batch. */
	private void detect(DetectionSession session, List<NamedSlice> batch, DecisionThresholds thresholds, Path out,
			List<DetectionRow> rows, List<RegionRow> regionRows, Progress progress) throws IOException {
		progress.checkCancelled();
		List<Detection> detections = session.detect(batch);
		for (int i = 0; i < detections.size(); i++) {
			progress.checkCancelled(); // a cancelled run stops between files, as before batching
			ImageVerdict v = ImageVerdict.of(detections.get(i), thresholds);
			write(out, v, batch.get(i));
			rows.add(DetectionRow.of(v));
			regionRows.addAll(RegionRow.of(v));
			progress.report("N-pad: detecting " + v.detection().name(), rows.size(), -1);
		}
		batch.clear();
	}

	/**
	 * The heatmap keeps the image's calibration (TIFF stores it); the mask is a PNG, the ROIs are in pixels;
	 * the overlay is the image with what Detect would lay over it, flattened, so that a folder of results
	 * can be browsed in any image viewer.
	 */
	private void write(Path out, ImageVerdict v, NamedSlice slice) throws IOException {
		BatchOutputs names = BatchOutputs.of(out, v.detection().name());
		for (Path target : names.all())
			OutputFiles.requireFree(target, overwrite, "output file"); // slices of stacks get their names only now
		Files.createDirectories(names.heatmap().getParent());
		ImagePlus heat = HeatmapImages.heatmap(List.of(v), names.heatmap().getFileName().toString());
		OutputFiles.writeAtomically(names.heatmap(), file -> save(new FileSaver(heat).saveAsTiff(file.toString()), file));
		ImagePlus mask = new ImagePlus(names.mask().getFileName().toString(), HeatmapImages.mask(v));
		OutputFiles.writePng(mask, names.mask());
		List<Roi> rois = RegionRois.of(v.regions(), v.detection().name(), 0);
		if (!rois.isEmpty()) OutputFiles.writeAtomically(names.rois(), file -> writeRois(rois, file));
		ImagePlus picture = new ImagePlus(names.overlay().getFileName().toString(), slice.processor());
		HeatmapOverlay.apply(picture, List.of(v), List.of(rois), false);
		OutputFiles.writePng(picture.flatten(), names.overlay());
	}

	private static void save(boolean ok, Path file) throws IOException {
		if (!ok) throw new IOException("ImageJ could not write " + file);
	}

	/** An ImageJ ROI set, as the ROI Manager saves it: one .roi entry per region. */
	private static void writeRois(List<Roi> rois, Path file) throws IOException {
		try (OutputStream os = Files.newOutputStream(file); ZipOutputStream zip = new ZipOutputStream(new BufferedOutputStream(os))) {
			DataOutputStream data = new DataOutputStream(zip);
			RoiEncoder encoder = new RoiEncoder(data);
			for (Roi roi : rois) {
				zip.putNextEntry(new ZipEntry(roi.getName().replaceAll("[^A-Za-z0-9._-]", "_") + ".roi"));
				encoder.write(roi);
				data.flush();
			}
		}
	}
}
