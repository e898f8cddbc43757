package org.npad.pipeline;

import ij.measure.Calibration;
import ij.process.ByteProcessor;
import org.npad.image.NamedSlice;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/** Small seeded textures for pipeline tests: smooth random noise, optionally with a dark pit. */
final class SyntheticImages {

	private SyntheticImages() {
	}

	static List<NamedSlice> nominal(int count, int size, long seed) {
		List<NamedSlice> images = new ArrayList<>();
		Random random = new Random(seed);
		for (int i = 0; i < count; i++) images.add(new NamedSlice("nominal-" + i, null, 1, texture(size, random), new Calibration()));
		return images;
	}

	/** A texture with a dark disc of the given radius centred at (x, y). */
	static NamedSlice withPit(int size, long seed, int x, int y, int radius) {
		ByteProcessor p = texture(size, new Random(seed));
		for (int j = -radius; j <= radius; j++)
			for (int i = -radius; i <= radius; i++)
				if (i * i + j * j <= radius * radius) p.set(x + i, y + j, 20);
		return new NamedSlice("pit", null, 1, p, new Calibration());
	}

	/** Stripes with random phase plus pixel noise: a regular surface with small natural variation. */
	static ByteProcessor texture(int size, Random random) {
		ByteProcessor p = new ByteProcessor(size, size);
		double phase = random.nextDouble() * 0.5;
		for (int y = 0; y < size; y++)
			for (int x = 0; x < size; x++) {
				double v = 140 + 40 * Math.sin(0.6 * x + phase) + 12 * random.nextGaussian();
				p.set(x, y, (int) Math.max(0, Math.min(255, v)));
			}
		return p;
	}
}
