package org.npad.backbone;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;

import java.util.Arrays;

/**
 * How a network wants its pixels: every backbone takes RGB 0-255 and normalises with one of these,
 * because feeding Keras-trained weights torchvision's normalisation (or the reverse) gives features
 * that look plausible and are wrong.
 *
 * <p>{@code out[c] = (in[order[c]] * scale - mean[c]) / std[c]}, where {@code order} is {0, 1, 2} for
 * RGB networks and {2, 1, 0} for BGR ones; mean and std are in the network's channel order.
 *
 * @param bgr   whether the network was trained on BGR input
 * @param scale factor applied first (1 for 0-255 networks, 1/255 for 0-1 networks)
 * @param mean  per channel, subtracted after scaling, in network channel order
 * @param std   per channel, divides after subtracting, in network channel order
 */
public record InputNormalisation(boolean bgr, float scale, float[] mean, float[] std) {

	private static final Shape CHANNELS = new Shape(1, 3, 1, 1);

	/** Keras "caffe" mode: BGR, 0-255, ImageNet channel means subtracted, no division. */
	public static final InputNormalisation CAFFE = new InputNormalisation(true, 1f,
			new float[] {103.939f, 116.779f, 123.68f}, new float[] {1f, 1f, 1f});

	/** torchvision: RGB scaled to 0-1, ImageNet mean and standard deviation. */
	public static final InputNormalisation TORCHVISION = new InputNormalisation(false, 1f / 255f,
			new float[] {0.485f, 0.456f, 0.406f}, new float[] {0.229f, 0.224f, 0.225f});

	public InputNormalisation {
		if (mean == null || mean.length != 3 || std == null || std.length != 3)
			throw new IllegalArgumentException("normalisation needs three means and three standard deviations");
		for (float s : std) if (!(s > 0)) throw new IllegalArgumentException("normalisation standard deviations must be > 0");
		if (!(scale > 0)) throw new IllegalArgumentException("normalisation scale must be > 0");
		mean = mean.clone();
		std = std.clone();
	}

	/** A stable text for identities and logs, e.g. "RGB x0.003921569 mean [0.485, 0.456, 0.406] std [0.229, 0.224, 0.225]". */
	public String describe() {
		return (bgr ? "BGR" : "RGB") + " x" + scale + " mean " + Arrays.toString(mean) + " std " + Arrays.toString(std);
	}

	/** @param rgb N x 3 x H x W, RGB 0-255; the result lives on the same manager and device */
	public NDArray apply(NDArray rgb) {
		if (rgb.getShape().dimension() != 4 || rgb.getShape().get(1) != 3)
			throw new IllegalArgumentException("backbone input must be N x 3 x H x W, got " + rgb.getShape());
		NDArray ordered = bgr ? rgb.flip(1) : rgb;
		NDArray offset = rgb.getManager().create(new float[] {mean[0] / scale, mean[1] / scale, mean[2] / scale}, CHANNELS);
		NDArray factor = rgb.getManager().create(new float[] {scale / std[0], scale / std[1], scale / std[2]}, CHANNELS);
		NDArray result = ordered.sub(offset).muli(factor);
		if (ordered != rgb) ordered.close();
		offset.close();
		factor.close();
		return result;
	}
}
