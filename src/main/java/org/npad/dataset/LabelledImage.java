package org.npad.dataset;

import java.nio.file.Path;

/**
 * One image of an evaluation set.
 *
 * @param image     the image file
 * @param mask      its ground-truth mask (anomalous where > 127), or null when it has none (nominal)
 * @param training  whether it is a nominal training image
 * @param anomalous label: true for a defective image
 * @param category  defect class ("good", "Blowhole", ...), for per-class reports
 */
public record LabelledImage(Path image, Path mask, boolean training, boolean anomalous, String category) {
}
