package org.npad.method;

import ai.djl.ndarray.NDArray;

/**
 * Per-position sample statistics of nominal features.
 *
 * @param mean    P x d
 * @param scatter P x d x d, centred: sum_i (e_i - mean)(e_i - mean)^T (covariance times N - 1)
 * @param count   N, the number of feature maps
 */
public record PositionMoments(NDArray mean, NDArray scatter, long count) {
}
