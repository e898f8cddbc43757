package org.npad.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import org.npad.backbone.BackboneIdentity;
import org.npad.image.GeometryMode;
import org.npad.image.IntensityMapping;
import org.npad.image.Preprocessing;
import org.npad.image.PixelSizeRange;
import org.npad.image.SizeRange;
import org.npad.image.TileBlending;
import org.npad.method.CentroidBank;
import org.npad.method.ChannelRule;
import org.npad.method.CovarianceEstimator;
import org.npad.method.GammaScale;
import org.npad.method.ImageScoreKind;
import org.npad.method.NpadConfig;
import org.npad.method.NpadModel;
import org.npad.method.PatchBank;
import org.npad.method.PixelMapKind;
import org.npad.method.Float32Precisions;
import org.npad.method.PositionGaussians;
import org.npad.method.ShiftAggregation;

import java.time.Instant;
import java.util.List;
import java.util.Random;

/** Small random models whose every setting differs from the defaults, so a setting lost on the way shows. */
final class TestModels {

	static final int HEIGHT = 2, WIDTH = 3, POSITIONS = HEIGHT * WIDTH, D = 5, BANK = 7, PATCHES = 4, PATCH_CHANNELS = 6;
	static final BackboneIdentity BACKBONE = new BackboneIdentity("keras-resnet50-imagenet", "ab12cd34");

	private TestModels() {
	}

	static NpadConfig config() {
		return new NpadConfig(D, ChannelRule.MOST_NONZERO, 42, CovarianceEstimator.OAS, 0.02, 5, 0.5, GammaScale.MEDIAN, 3, PixelMapKind.D2,
				0, ImageScoreKind.MAX_PIXEL, 7, 3.5, 0.2, 3, 2.5, 2, ShiftAggregation.MAX, 99.0);
	}

	static Preprocessing preprocessing() {
		return new Preprocessing(300, 200, false, IntensityMapping.FIXED_WINDOW, 10.5, 4000, GeometryMode.TILED, 16, TileBlending.UNIFORM);
	}

	static TrainedModel random(NDManager m, long seed, boolean moduleA, boolean moduleB, boolean bank) {
		return random(m, seed, moduleA, moduleB, bank, false);
	}

	/** With patches, a patch bank of PATCHES x PATCH_CHANNELS and the setting that asks for it. */
	static TrainedModel random(NDManager m, long seed, boolean moduleA, boolean moduleB, boolean bank, boolean patches) {
		Random random = new Random(seed);
		NpadModel model = new NpadModel(patches ? config().withPatchBank(100) : config(), new int[] {3, 17, 200, 1024, 1791}, HEIGHT, WIDTH, 12,
				moduleA ? gaussians(m, random) : null, moduleB ? gaussians(m, random) : null,
				bank ? new CentroidBank(normal(m, random, BANK, D)) : null, 0.66,
				patches ? new PatchBank(normal(m, random, PATCHES, PATCH_CHANNELS)) : null);
		Thresholds thresholds = new Thresholds(31.5, 4.25, 99.5, ScoreStatistics.of(new double[] {20, 22, 25}),
				"held-out 10% of training images");
		Provenance provenance = new Provenance(List.of("good/001.png", "good/002.png", "ünïcode \"name\".tif"),
				Instant.parse("2025-03-04T05:06:07.123Z"), "0.1.0-test", 212.5, new SizeRange(300, 412, 256, 256), new PixelSizeRange("µm", 0.5, 0.52));
		return new TrainedModel(model, BACKBONE, preprocessing(), thresholds, provenance);
	}

	static TrainedModel random(NDManager m, long seed) {
		return random(m, seed, true, true, true);
	}

	/** Means around zero, symmetric positive definite precisions B B^T + I. */
	static PositionGaussians gaussians(NDManager m, Random random) {
		float[] precision = new float[POSITIONS * D * D];
		for (int p = 0; p < POSITIONS; p++) {
			double[][] b = new double[D][D];
			for (double[] row : b) for (int j = 0; j < D; j++) row[j] = random.nextGaussian();
			for (int i = 0; i < D; i++) {
				for (int j = 0; j < D; j++) {
					double s = i == j ? 1 : 0;
					for (int k = 0; k < D; k++) s += b[i][k] * b[j][k];
					precision[(p * D + i) * D + j] = (float) s;
				}
			}
		}
		return new PositionGaussians(normal(m, random, POSITIONS, D), new Float32Precisions(m.create(precision, new Shape(POSITIONS, D, D))));
	}

	static NDArray normal(NDManager m, Random random, int rows, int columns) {
		float[] v = new float[rows * columns];
		for (int i = 0; i < v.length; i++) v[i] = (float) random.nextGaussian() * 3;
		return m.create(v, new Shape(rows, columns));
	}
}
