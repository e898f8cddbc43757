package org.npad.compute;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.Model;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.ParameterStore;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * One libtorch operation that DJL's NDArray does not offer (a Cholesky factorisation, an in-place
 * batched product), written as a TorchScript function and compiled by libtorch when it loads: no
 * Python, no download, and it runs wherever its inputs live (CPU or CUDA).
 */
final class TorchKernel {

	private final Model module;

	/**
	 * @param name       class name of the module
	 * @param parameters TorchScript parameter list of forward, e.g. "a: Tensor, b: Tensor"
	 * @param body       forward's statements, each line indented by four spaces
	 */
	static TorchKernel compile(String name, String parameters, String body) {
		try {
			Path dir = Files.createTempDirectory("npad-kernel");
			Path file = dir.resolve(name + ".pt");
			TorchScriptArchive.write(file, name, "  def forward(self: __torch__." + name + ",\n    " + parameters + ") -> Tensor:\n" + body);
			Model module = Model.newInstance(name, Device.cpu(), "PyTorch");
			try {
				module.load(file);
			} catch (IOException | MalformedModelException | RuntimeException e) {
				module.close();
				throw e;
			} finally {
				Files.deleteIfExists(file);
				Files.deleteIfExists(dir);
			}
			return new TorchKernel(module);
		} catch (IOException e) {
			throw new UncheckedIOException("could not write or load the TorchScript kernel " + name, e);
		} catch (MalformedModelException e) {
			throw new IllegalStateException("libtorch refused the TorchScript kernel " + name + ": " + e.getMessage(), e);
		}
	}

	private TorchKernel(Model module) {
		this.module = module;
	}

	/** Runs the kernel; the result belongs to the first input's manager. */
	NDArray apply(NDArray... inputs) {
		return module.getBlock().forward(new ParameterStore(inputs[0].getManager(), false), new NDList(inputs), false).singletonOrThrow();
	}
}
