package org.npad.compute;

import ai.djl.ndarray.NDArray;

/**
 * Batched linear algebra through libtorch kernels, where DJL's NDArray has only the general
 * inverse: on 550 x 550 covariances a Cholesky solve costs a sixth of an inverse's arithmetic, and
 * accumulating a Gram matrix in place reads and writes the statistics once instead of three times.
 */
public final class TorchLinalg {

	private static TorchKernel quadraticForms;
	private static TorchKernel addGram;
	private static TorchKernel scaledQuadraticForms;

	private TorchLinalg() {
	}

	/**
	 * delta_b^T A_b^-1 delta_b for each b, by a Cholesky factor and one triangular solve.
	 *
	 * @param spd   B x d x d symmetric positive definite
	 * @param delta B x d
	 * @return B
	 */
	public static NDArray quadraticForms(NDArray spd, NDArray delta) {
		return quadraticForms().apply(spd, delta);
	}

	/**
	 * sum_b += x_b^T x_b in place.
	 *
	 * @param sum B x d x d, float32, updated
	 * @param x   B x n x d, float32
	 */
	public static void addGram(NDArray sum, NDArray x) {
		addGram().apply(sum, x).close(); // the result is sum itself under another handle
	}

	/**
	 * (x_pm - mean_p)^T (scale_p values_p) (x_pm - mean_p) for every position p and vector m, where
	 * values is stored in a narrower type (float16): a chunk of positions at a time is converted into
	 * one float32 buffer and multiplied in float32. One call for all positions: the same loop through
	 * DJL makes a dozen Java-side arrays for each of thousands of chunks, and scored MTD in 126-133 s
	 * where this kernel took 116 s (both before the features were made contiguous, docs/compute.md).
	 *
	 * @param x      P x M x d, float32
	 * @param mean   P x d, float32
	 * @param values P x d x d
	 * @param scales P, float32
	 * @param chunk  positions converted at a time
	 * @return P x M, float32, negative rounding clamped to 0
	 */
	public static NDArray scaledQuadraticForms(NDArray x, NDArray mean, NDArray values, NDArray scales, int chunk) {
		try (NDArray chunkSize = x.getManager().create(new long[] {chunk})) {
			return scaledQuadraticForms().apply(x, mean, values, scales, chunkSize);
		}
	}

	private static synchronized TorchKernel quadraticForms() {
		if (quadraticForms == null)
			quadraticForms = TorchKernel.compile("QuadraticForms", "a: Tensor,\n    delta: Tensor",
					"    z = torch.linalg_solve_triangular(torch.linalg_cholesky(a), torch.unsqueeze(delta, -1), upper=False)\n"
							+ "    return torch.sum(torch.mul(z, z), [1, 2])\n");
		return quadraticForms;
	}

	private static synchronized TorchKernel scaledQuadraticForms() {
		if (scaledQuadraticForms == null)
			scaledQuadraticForms = TorchKernel.compile("ScaledQuadraticForms", "x: Tensor,\n    mean: Tensor,\n    values: Tensor,\n    scales: Tensor,\n    chunk_size: Tensor",
					"    x = x.contiguous()\n" // position-major features are often a transposed view: a chunk of a view reads memory all over
							+ "    positions = values.size(0)\n"
							+ "    chunk = int(chunk_size.item())\n"
							+ "    out = torch.zeros_like(x.select(2, 0))\n"
							+ "    buffer = torch.zeros_like(values[0:chunk], dtype=x.dtype)\n"
							+ "    for start in range(0, positions, chunk):\n"
							+ "        end = min(start + chunk, positions)\n"
							+ "        matrices = buffer[0:end - start]\n"
							+ "        matrices.copy_(values[start:end])\n"
							+ "        delta = x[start:end] - mean[start:end].unsqueeze(1)\n"
							+ "        forms = (torch.bmm(delta, matrices) * delta).sum(2)\n"
							+ "        out[start:end] = forms * scales[start:end].unsqueeze(1)\n"
							+ "    return out.clamp_min(0.0)\n");
		return scaledQuadraticForms;
	}

	private static synchronized TorchKernel addGram() {
		if (addGram == null)
			addGram = TorchKernel.compile("AddGram", "acc: Tensor,\n    x: Tensor",
					"    return torch.baddbmm_(acc, torch.transpose(x, 1, 2), x)\n");
		return addGram;
	}
}
