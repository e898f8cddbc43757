package org.npad.backbone;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import org.junit.jupiter.api.Test;
import org.npad.compute.TorchScriptArchive;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The loader against TorchScript modules written in the test (no Python): average pooling by 4, 8
 * and 16 stands in for a network, so every tap value is known by hand.
 */
class TorchScriptBackboneTest extends CpuTensorTest {

	private static final String POOLS = ""
			+ "    a = torch.avg_pool2d(x, [4, 4], [4, 4], [0, 0], True)\n"
			+ "    b = torch.avg_pool2d(x, [8, 8], [8, 8], [0, 0], True)\n"
			+ "    c = torch.avg_pool2d(x, [16, 16], [16, 16], [0, 0], True)\n";

	@TempDir
	Path dir;

	private Path tupleModule() throws IOException {
		Path file = dir.resolve("pools.pt");
		TorchScriptArchive.write(file, "Pools", "  def forward(self: __torch__.Pools,\n    x: Tensor) -> Tuple[Tensor, Tensor, Tensor]:\n"
				+ POOLS + "    return (a, torch.cat([b, b], 1), c)\n");
		return file;
	}

	/** Every pixel RGB (255, 255, 255): each tap channel holds that channel's normalised value. */
	private NDArray white(int height, int width) {
		return manager.full(new Shape(1, 3, height, width), 255f);
	}

	@Test
	void tupleOutputGivesTapsWithTorchvisionNormalisationAndFileIdentity() throws Exception {
		Path file = tupleModule();
		try (TorchScriptBackbone backbone = TorchScriptBackbone.load(file, Device.cpu())) {
			assertArrayEquals(new int[] {3, 6, 3}, backbone.tapChannels());
			String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file)));
			assertEquals(sha, backbone.identity().weightSha256());
			assertTrue(backbone.identity().name().contains("pools.pt"), backbone.identity().name());

			NDList taps = backbone.forward(white(33, 47));
			assertEquals(new Shape(1, 3, 9, 12), taps.get(0).getShape());
			assertEquals(new Shape(1, 6, 5, 6), taps.get(1).getShape());
			assertEquals(new Shape(1, 3, 3, 3), taps.get(2).getShape());
			float[] perChannel = {(1 - 0.485f) / 0.229f, (1 - 0.456f) / 0.224f, (1 - 0.406f) / 0.225f};
			for (int c = 0; c < 3; c++) {
				float[] values = taps.get(2).get("0, " + c).toFloatArray();
				float[] expected = new float[values.length];
				Arrays.fill(expected, perChannel[c]);
				assertArrayEquals(expected, values, 1e-4f, "channel " + c);
			}
		}
	}

	@Test
	void caffeNormalisationIsBgrMinusMeans() throws IOException {
		try (TorchScriptBackbone backbone = TorchScriptBackbone.load(tupleModule(), Device.cpu(), TorchScriptBackbone.DEFAULT_TAPS,
				InputNormalisation.CAFFE)) {
			NDArray rgb = manager.create(new float[] {10, 20, 30}, new Shape(1, 3, 1, 1)).broadcast(1, 3, 16, 16);
			float[] tap = backbone.forward(rgb).get(0).get("0, :, 0, 0").toFloatArray();
			assertArrayEquals(new float[] {30 - 103.939f, 20 - 116.779f, 10 - 123.68f}, tap, 1e-4f);
		}
	}

	@Test
	void namedAndIndexedTapsChooseAmongMoreOutputs() throws IOException {
		Path dict = dir.resolve("named.pt");
		TorchScriptArchive.write(dict, "Named", "  def forward(self: __torch__.Named,\n    x: Tensor) -> Dict[str, Tensor]:\n"
				+ POOLS + "    return {\"stem\": x, \"layer1\": a, \"layer2\": b, \"layer3\": c}\n");
		try (TorchScriptBackbone backbone = TorchScriptBackbone.load(dict, Device.cpu(), List.of("layer1", "layer2", "layer3"),
				InputNormalisation.TORCHVISION)) {
			NDList taps = backbone.forward(white(32, 64));
			assertEquals(new Shape(1, 3, 8, 16), taps.get(0).getShape());
			assertEquals(new Shape(1, 3, 2, 4), taps.get(2).getShape());
		}
		Path list = dir.resolve("listed.pt");
		TorchScriptArchive.write(list, "Listed", "  def forward(self: __torch__.Listed,\n    x: Tensor) -> List[Tensor]:\n"
				+ POOLS + "    return [x, a, b, c]\n");
		try (TorchScriptBackbone backbone = TorchScriptBackbone.load(list, Device.cpu(), List.of("1", "2", "3"), InputNormalisation.TORCHVISION)) {
			assertArrayEquals(new int[] {3, 3, 3}, backbone.tapChannels());
		}
		IOException unknown = assertThrows(IOException.class, () -> TorchScriptBackbone.load(dict, Device.cpu(),
				List.of("layer1", "layer2", "layer4"), InputNormalisation.TORCHVISION));
		assertTrue(unknown.getMessage().contains("'layer4'") && unknown.getMessage().contains("'layer3'"), unknown.getMessage());
	}

	@Test
	void tapsAtWrongStridesAreRejectedOnLoad() throws IOException {
		Path list = dir.resolve("listed.pt");
		TorchScriptArchive.write(list, "Listed", "  def forward(self: __torch__.Listed,\n    x: Tensor) -> List[Tensor]:\n"
				+ POOLS + "    return [x, a, b, c]\n");
		IOException e = assertThrows(IOException.class, () -> TorchScriptBackbone.load(list, Device.cpu()));
		assertTrue(e.getMessage().contains("stride 4"), e.getMessage());
	}

	@Test
	void networkFailingOnImagesIsReportedOnLoad() throws IOException {
		Path matrix = dir.resolve("matrix.pt");
		TorchScriptArchive.write(matrix, "Matrix", "  def forward(self: __torch__.Matrix,\n    x: Tensor) -> Tensor:\n"
				+ "    return torch.mm(x, x)\n");
		IOException e = assertThrows(IOException.class, () -> TorchScriptBackbone.load(matrix, Device.cpu()));
		assertTrue(e.getMessage().contains("matrix.pt") && e.getMessage().contains("fails on a 1 x 3 x 64 x 64 input"), e.getMessage());
	}

	@Test
	void missingOrCorruptFilesGiveClearMessages() throws IOException {
		Path missing = dir.resolve("absent.pt");
		IOException e = assertThrows(IOException.class, () -> TorchScriptBackbone.load(missing, Device.cpu()));
		assertTrue(e.getMessage().contains("not found") && e.getMessage().contains("absent.pt"), e.getMessage());

		Path corrupt = dir.resolve("corrupt.pt");
		byte[] bytes = Files.readAllBytes(tupleModule());
		Files.write(corrupt, Arrays.copyOf(bytes, bytes.length / 2));
		IOException c = assertThrows(IOException.class, () -> TorchScriptBackbone.load(corrupt, Device.cpu()));
		assertTrue(c.getMessage().contains("corrupt.pt") && c.getMessage().contains("TorchScript"), c.getMessage());

		Path text = dir.resolve("weights.pth");
		Files.writeString(text, "not a zip at all");
		IOException t = assertThrows(IOException.class, () -> TorchScriptBackbone.load(text, Device.cpu()));
		assertTrue(t.getMessage().contains("weights.pth") && t.getMessage().contains("TorchScript"), t.getMessage());
	}
}
