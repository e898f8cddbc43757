package org.npad.image;

/**
 * One image (or tile) ready for the backbone: planar RGB, channel c of pixel (x, y) at
 * {@code pixels[(c * height + y) * width + x]}, values 0-255 as float (no rounding to 8 bits, no mean
 * subtraction: the backbone applies its own normalisation). Gray images appear as three equal planes.
 *
 * @param pixels    3 x height x width values
 * @param width     network input width
 * @param height    network input height
 * @param placement where the input came from, to map results back
 */
public record NetworkInput(float[] pixels, int width, int height, Placement placement) {

	public static final int CHANNELS = 3;

	public NetworkInput {
		if (pixels.length != CHANNELS * width * height) {
			throw new IllegalArgumentException("expected " + CHANNELS + " x " + height + " x " + width + " values, got " + pixels.length);
		}
		if (placement.width() != width || placement.height() != height) {
			throw new IllegalArgumentException("placement is " + placement.width() + " x " + placement.height()
					+ " but the input is " + width + " x " + height);
		}
	}
}
