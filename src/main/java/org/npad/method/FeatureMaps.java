package org.npad.method;

import ai.djl.ndarray.NDArray;

/**
 * What the backbone gives for a batch of images, as training and scoring take it: N-pad's map of
 * the kept channels and, for a model with a patch bank, the patch taps of the same forward pass.
 *
 * @param kept    N x d x H x W features of the kept channels
 * @param patches N x C x h x w patch taps ({@link PatchBank}), or null when no patch bank is used
 */
public record FeatureMaps(NDArray kept, NDArray patches) {
}
