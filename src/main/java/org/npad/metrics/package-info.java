/**
 * Evaluation metrics of method.md section 5: image and pixel AUROC, PRO, F1-max, the percentile
 * threshold, and the connected-component labelling that PRO and the Fiji ROIs share.
 * <p>
 * Everything is exact: every distinct score is a threshold (no binning), ties count as one step of
 * the curve (half a pair each, as in the Mann-Whitney statistic). A sample is predicted anomalous
 * when its score is at or above the threshold. Pure Java, no ImageJ and no tensors, so that the
 * command line, the tests and Fiji compute the same numbers.
 */
package org.npad.metrics;
