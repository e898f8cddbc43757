#@ CommandService command
#@ File (label="Nominal images folder", style="directory") nominal_folder
#@ String (label="File filter", value="*.png") file_filter
#@ File (label="Image to inspect") image_file
#@ File (label="Model file to write", style="save") model_file
#@ String (label="Advanced settings", value="") advanced
#@output String summary
"""N-pad from a script: train on a folder of nominal images, detect anomalies in
one image, and read the Results table. Runs in Fiji's script editor (language:
Python) and in plain Jython with the N-pad jar on the class path (the caller
then sets the variables above, as the project's test does).

Every command is run through the SciJava CommandService by its class, with
its inputs by name - the same names a recorded macro line uses.
"""
from ij import IJ
from ij.measure import ResultsTable
from org.npad.fiji import TrainCommand, DetectCommand


def run(command_class, *keys_and_values):
    """Runs a command and waits for it; a refused input ends the script with the command's reason."""
    module = command.run(command_class, True, *keys_and_values).get()
    if module.isCanceled():
        raise RuntimeError("%s: %s" % (command_class.getSimpleName(), module.getCancelReason()))
    return module


run(TrainCommand,
    "folder", nominal_folder, "file_filter", file_filter,
    "model_file", model_file, "advanced", advanced)

image = IJ.openImage(image_file.getPath())
table = ResultsTable.getResultsTable()
table.reset()
run(DetectCommand, "image", image, "model_file", model_file, "add_rois", False)

rows = []
for i in range(table.size()):
    rows.append({
        "image": table.getStringValue("image", i),
        "score": table.getValue("score", i),
        "decision": table.getStringValue("decision", i),
        "regions": int(table.getValue("regions", i)),
        "anomalous_area": int(table.getValue("anomalous_area", i)),
        "anomalous_area_cal": table.getValue("anomalous_area_cal", i),
        "unit": table.getStringValue("unit", i),
    })
summary = "\n".join("%(image)s: score %(score).3f, %(decision)s, %(regions)d regions, %(anomalous_area)d anomalous pixels"
                    " (%(anomalous_area_cal).6g %(unit)s^2)" % r
                    for r in rows)
print(summary)
