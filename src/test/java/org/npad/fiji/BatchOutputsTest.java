package org.npad.fiji;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

class BatchOutputsTest {

	@Test
	void namesFollowTheImageMirroringSubFoldersAndSlices() {
		Path out = Path.of("/out");
		BatchOutputs a = BatchOutputs.of(out, "sub/dir/img.01.png");
		assertEquals(Path.of("/out/sub/dir/img.01_heatmap.tif"), a.heatmap());
		assertEquals(Path.of("/out/sub/dir/img.01_mask.png"), a.mask());
		assertEquals(Path.of("/out/sub/dir/img.01_rois.zip"), a.rois());
		assertEquals(Path.of("/out/sub/dir/img.01_overlay.png"), a.overlay());
		assertEquals(Path.of("/out/scan_slice3_heatmap.tif"), BatchOutputs.of(out, "scan.tif#3").heatmap());
		assertEquals(Path.of("/out/v.2/noext_mask.png"), BatchOutputs.of(out, "v.2/noext").mask());
	}
}
