package org.npad.method;

/** Which distance map becomes the pixel anomaly map; the single-module kinds are the paper's ablations. */
public enum PixelMapKind {
	/** Geometric mean sqrt(D1 * D2), eq. 11. */
	FUSED,
	/** Module A only: the (neighbourhood-minimum) Mahalanobis distance to the weighted Gaussians. */
	D1,
	/** Module B only: the Mahalanobis distance of the aggregated feature. */
	D2
}
