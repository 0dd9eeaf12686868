/**
 * Interval estimators used by the checks: Wilson for proportions, DeLong for ROC AUC, Student-t and the delta method
 * for means of per-row losses, and the percentile / BCa and Poisson bootstraps for everything else. Each is proven
 * against SciPy or by a coverage simulation (see docs/intervals.md).
 *
 * @since 0.1.0
 */
package dev.modeltest.stats;
