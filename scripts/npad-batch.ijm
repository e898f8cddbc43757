// N-pad batch detection: runs Plugins > N-pad > Detect... on every image of a folder
// and saves, per image, the 32-bit heatmap (name_heatmap.tif) and the mask
// (name_mask.png), and at the end the Results table (npad-batch-results.csv).
// Works in Fiji and in plain ImageJ 1 with the N-pad jar in plugins/.
//
// Arguments (from another macro or the command line):
//   runMacro("npad-batch.ijm", "input=[/images] model=[/m.npad] output=[/out] suffix=.png overwrite=false");
// Without arguments it asks in a dialog. An existing output stops the macro unless overwrite=true.
// (For the same work in one command, see Plugins > N-pad > Detect Folder...)

args = getArgument();
if (args == "") {
	Dialog.create("N-pad batch detection");
	Dialog.addDirectory("Images folder", "");
	Dialog.addFile("Model file", "");
	Dialog.addDirectory("Output folder", "");
	Dialog.addString("File suffix", ".png");
	Dialog.addCheckbox("Overwrite existing outputs", false);
	Dialog.show();
	input = Dialog.getString();
	model = Dialog.getString();
	output = Dialog.getString();
	suffix = Dialog.getString();
	overwrite = Dialog.getCheckbox();
} else {
	input = option(args, "input", "");
	model = option(args, "model", "");
	output = option(args, "output", "");
	suffix = option(args, "suffix", ".png");
	overwriteText = option(args, "overwrite", "false"); // (ImageJ macros compare a function's string result only through a variable)
	overwrite = false;
	if (overwriteText == "true") overwrite = true;
}
if (input == "" || model == "" || output == "")
	exit("N-pad batch: input, model and output are needed");
if (!File.isDirectory(input)) exit("N-pad batch: no folder " + input);
if (!File.isDirectory(output)) exit("N-pad batch: no folder " + output);
if (!endsWith(output, File.separator)) output = output + File.separator;
if (!endsWith(input, File.separator)) input = input + File.separator;

files = getFileList(input);
Array.sort(files);
images = newArray(0);
for (i = 0; i < files.length; i++)
	if (endsWith(files[i], suffix)) images = Array.concat(images, files[i]);
if (images.length == 0) exit("N-pad batch: no *" + suffix + " images in " + input);
// refuse before the first image, as Detect Folder does
table = output + "npad-batch-results.csv";
if (!overwrite) {
	if (File.exists(table)) exit("N-pad batch: " + table + " exists; run with overwrite=true to replace it");
	for (i = 0; i < images.length; i++) {
		stem = File.getNameWithoutExtension(images[i]);
		if (File.exists(output + stem + "_heatmap.tif")) exit("N-pad batch: " + output + stem + "_heatmap.tif exists; run with overwrite=true to replace it");
		if (File.exists(output + stem + "_mask.png")) exit("N-pad batch: " + output + stem + "_mask.png exists; run with overwrite=true to replace it");
	}
}

setBatchMode(true);
run("Clear Results");
for (i = 0; i < images.length; i++) {
	showProgress(i, images.length);
	open(input + images[i]);
	original = getImageID();
	stem = File.getNameWithoutExtension(images[i]);
	run("Detect...", "model_file=[" + model + "] create_heatmap=true create_mask=true show_overlay=false add_rois=false show_regions=false");
	selectImage(stem + "_heatmap");
	saveAs("Tiff", output + stem + "_heatmap.tif");
	close();
	selectImage(stem + "_mask");
	saveAs("PNG", output + stem + "_mask.png");
	close();
	selectImage(original);
	close();
}
saveAs("Results", table);
setBatchMode(false);
print("N-pad batch: " + images.length + " images, " + countAnomalous() + " anomalous; results in " + table);

// The value of key=value or key=[value with spaces] in an options string.
function option(options, key, fallback) {
	return call("ij.Macro.getValue", options + " ", key, fallback);
}

function countAnomalous() {
	n = 0;
	for (r = 0; r < nResults; r++)
		if (getResultString("decision", r) == "anomalous") n++;
	return n;
}
