package org.npad.image.sample;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Paints one defect into a surface and marks its footprint in the ground-truth mask. The mask holds the
 * pixels the defect covers by at least half (its drawn shape), not a generous box, so that pixel-level
 * metrics on the sample data mean something.
 */
final class DefectPainter {

	/** Defects are centred at least this far from the border, so they survive the paper's centre crop. */
	private static final int MARGIN = 40;

	private final float[] image;
	private final boolean[] mask;
	private final int width;
	private final int height;
	private final Random rng;

	DefectPainter(float[] image, boolean[] mask, int width, int height, Random rng) {
		this.image = image;
		this.mask = mask;
		this.width = width;
		this.height = height;
		this.rng = rng;
	}

	void paint(DefectKind kind) {
		switch (kind) {
			case SCRATCH -> scratch();
			case PIT -> pits();
			case CRACK -> crack();
			case STAIN -> stain();
		}
	}

	/** A quadratic Bezier curve 50-120 px long, 1.6-3 px wide, 40-65 grey levels brighter. */
	private void scratch() {
		double cx = centreX();
		double cy = centreY();
		double angle = rng.nextDouble() * StrictMath.PI;
		double half = (50 + 70 * rng.nextDouble()) / 2;
		double bend = (rng.nextDouble() - 0.5) * 0.4 * half;
		double dx = StrictMath.cos(angle);
		double dy = StrictMath.sin(angle);
		List<double[]> points = new ArrayList<>();
		for (int k = 0; k <= 40; k++) {
			double t = k / 40.0 * 2 - 1;
			double offset = bend * (1 - t * t);
			points.add(new double[] {cx + t * half * dx - offset * dy, cy + t * half * dy + offset * dx});
		}
		double halfWidth = (1.6 + 1.4 * rng.nextDouble()) / 2;
		stroke(points, t -> halfWidth, 40 + 25 * rng.nextDouble());
	}

	/** A random walk 60-140 px long in 2.5 px steps, dark, widest in the middle, branched half the time. */
	private void crack() {
		double amplitude = -(60 + 25 * rng.nextDouble());
		double maxHalfWidth = (1.4 + 1.0 * rng.nextDouble()) / 2;
		List<double[]> main = walk(centreX(), centreY(), rng.nextDouble() * 2 * StrictMath.PI, 60 + 80 * rng.nextDouble());
		stroke(main, t -> maxHalfWidth * (0.35 + 0.65 * StrictMath.sin(StrictMath.PI * t)), amplitude);
		if (rng.nextBoolean()) {
			double[] from = main.get(main.size() / 3 + rng.nextInt(main.size() / 3));
			List<double[]> branch = walk(from[0], from[1], rng.nextDouble() * 2 * StrictMath.PI, 25 + 30 * rng.nextDouble());
			stroke(branch, t -> maxHalfWidth * 0.7 * (1 - t), amplitude);
		}
	}

	private List<double[]> walk(double x, double y, double angle, double length) {
		List<double[]> points = new ArrayList<>();
		points.add(new double[] {x, y});
		for (double travelled = 0; travelled < length; travelled += 2.5) {
			angle += 0.3 * rng.nextGaussian();
			x += 2.5 * StrictMath.cos(angle);
			y += 2.5 * StrictMath.sin(angle);
			points.add(new double[] {x, y});
		}
		return points;
	}

	/** Half width as a function of the position 0..1 along a stroke. */
	private interface Profile {
		double halfWidth(double t);
	}

	/**
	 * Draws a polyline: a pixel's coverage is 0.5 - (distance to the line - local half width), clamped
	 * to 0..1 (a one-pixel soft edge); the mask takes pixels covered by at least half.
	 */
	private void stroke(List<double[]> points, Profile profile, double amplitude) {
		double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
		for (double[] p : points) {
			minX = Math.min(minX, p[0]);
			minY = Math.min(minY, p[1]);
			maxX = Math.max(maxX, p[0]);
			maxY = Math.max(maxY, p[1]);
		}
		int segments = points.size() - 1;
		for (int y = Math.max(0, (int) minY - 4); y <= Math.min(height - 1, (int) maxY + 4); y++) {
			for (int x = Math.max(0, (int) minX - 4); x <= Math.min(width - 1, (int) maxX + 4); x++) {
				double edge = Double.MAX_VALUE;
				for (int s = 0; s < segments; s++) {
					double[] a = points.get(s);
					double[] b = points.get(s + 1);
					double vx = b[0] - a[0];
					double vy = b[1] - a[1];
					double len2 = vx * vx + vy * vy;
					double t = len2 == 0 ? 0 : Math.min(1, Math.max(0, ((x - a[0]) * vx + (y - a[1]) * vy) / len2));
					double d = StrictMath.hypot(x - a[0] - t * vx, y - a[1] - t * vy);
					edge = Math.min(edge, d - profile.halfWidth((s + t) / segments));
				}
				apply(x, y, Math.min(1, Math.max(0, 0.5 - edge)), amplitude);
			}
		}
	}

	/** One to three elliptical pits, radii 3-8 px, 55-85 grey levels darker, lit from one side. */
	private void pits() {
		double cx = centreX();
		double cy = centreY();
		int count = 1 + rng.nextInt(3);
		for (int p = 0; p < count; p++) {
			double px = cx + (p == 0 ? 0 : 14 * rng.nextGaussian());
			double py = cy + (p == 0 ? 0 : 14 * rng.nextGaussian());
			double rx = 3 + 5 * rng.nextDouble();
			double ry = rx * (0.6 + 0.4 * rng.nextDouble());
			double angle = rng.nextDouble() * StrictMath.PI;
			double depth = -(55 + 30 * rng.nextDouble());
			double cos = StrictMath.cos(angle);
			double sin = StrictMath.sin(angle);
			int reach = (int) StrictMath.ceil(rx * 1.6) + 2;
			for (int y = Math.max(0, (int) py - reach); y <= Math.min(height - 1, (int) py + reach); y++) {
				for (int x = Math.max(0, (int) px - reach); x <= Math.min(width - 1, (int) px + reach); x++) {
					double u = (x - px) * cos + (y - py) * sin;
					double v = -(x - px) * sin + (y - py) * cos;
					double r = StrictMath.sqrt((u / rx) * (u / rx) + (v / ry) * (v / ry));
					double coverage = Math.min(1, Math.max(0, (1 - r) * ry + 0.5));
					double shading = 1 - 0.35 * u / rx; // the far wall catches more light
					apply(x, y, coverage, depth * shading);
					double rim = Math.max(0, 1 - Math.abs(r - 1.25) * ry / 1.5);
					image[y * width + x] += (float) (14 * rim * Math.max(0, u / rx));
				}
			}
		}
	}

	/** An irregular blob, radius 16-34 px, 22-32 grey levels darker, with an 8 px soft edge. */
	private void stain() {
		double cx = centreX();
		double cy = centreY();
		double radius = 16 + 18 * rng.nextDouble();
		double[] phases = {rng.nextDouble() * 6.3, rng.nextDouble() * 6.3, rng.nextDouble() * 6.3};
		double amplitude = -(22 + 10 * rng.nextDouble());
		int reach = (int) (radius * 1.4) + 6;
		for (int y = Math.max(0, (int) cy - reach); y <= Math.min(height - 1, (int) cy + reach); y++) {
			for (int x = Math.max(0, (int) cx - reach); x <= Math.min(width - 1, (int) cx + reach); x++) {
				double phi = StrictMath.atan2(y - cy, x - cx);
				double edge = radius * (1 + 0.18 * StrictMath.sin(2 * phi + phases[0])
						+ 0.1 * StrictMath.sin(3 * phi + phases[1]) + 0.05 * StrictMath.sin(5 * phi + phases[2]));
				double d = StrictMath.hypot(x - cx, y - cy);
				apply(x, y, Math.min(1, Math.max(0, (edge - d) / 8 + 0.5)), amplitude);
			}
		}
	}

	private void apply(int x, int y, double coverage, double amplitude) {
		if (coverage <= 0) return;
		int i = y * width + x;
		image[i] += (float) (coverage * amplitude);
		if (coverage >= 0.5) mask[i] = true;
	}

	private double centreX() {
		return MARGIN + rng.nextDouble() * (width - 2 * MARGIN);
	}

	private double centreY() {
		return MARGIN + rng.nextDouble() * (height - 2 * MARGIN);
	}
}
