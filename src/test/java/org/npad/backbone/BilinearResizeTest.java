package org.npad.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BilinearResizeTest extends CpuTensorTest {

	@Test
	void twoByTwoToFourByFourByHand() {
		// align_corners=false: output rows sample input rows at -0.25 (clamped to 0), 0.25, 0.75, 1.25 (clamped to 1)
		NDArray x = manager.create(new float[] {1, 2, 3, 4}, new Shape(1, 1, 2, 2));
		float[] expected = {
				1.00f, 1.25f, 1.75f, 2.00f,
				1.50f, 1.75f, 2.25f, 2.50f,
				2.50f, 2.75f, 3.25f, 3.50f,
				3.00f, 3.25f, 3.75f, 4.00f};
		NDArray y = BilinearResize.resize(x, 4, 4);
		assertEquals(new Shape(1, 1, 4, 4), y.getShape());
		assertArrayEquals(expected, y.toFloatArray(), 1e-6f);
	}

	@Test
	void threeToFiveWithNonIntegerScaleByHand() {
		// scale 3/5: samples at max(0, -0.2) = 0, 0.4, 1.0, 1.6, 2.2 (clamped to 2)
		NDArray x = manager.create(new float[] {0, 10, 20}, new Shape(1, 3));
		assertArrayEquals(new float[] {0, 4, 10, 16, 20}, BilinearResize.resize(x, 1, 5).toFloatArray(), 1e-5f);
	}

	@Test
	void equalsPyTorchsUpsampleOnOddSizes() {
		NDArray x = manager.randomUniform(0, 1, new Shape(2, 3, 15, 19));
		NDArray ours = BilinearResize.resize(x, 59, 76);
		NDArray torch = x.getNDArrayInternal().interpolation(new long[] {59, 76}, 1, false); // DJL mode 1: bilinear
		assertEquals(torch.getShape(), ours.getShape());
		float diff = ours.sub(torch).abs().max().getFloat();
		assertTrue(diff < 1e-5, "max abs diff to torch upsample_bilinear2d: " + diff);
	}

	@Test
	void sameSizeIsIdentity() {
		NDArray x = manager.randomUniform(0, 1, new Shape(1, 2, 5, 7));
		assertArrayEquals(x.toFloatArray(), BilinearResize.resize(x, 5, 7).toFloatArray(), 1e-6f);
	}
}
