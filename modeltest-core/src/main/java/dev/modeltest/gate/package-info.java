/**
 * Quality checks on metrics: a threshold on any {@link dev.modeltest.metrics.Metric}, decided on the point value or
 * on its confidence interval, over all rows or per slice ({@link dev.modeltest.gate.MetricGate}), and the
 * champion/challenger comparison of a model with a baseline on the same rows
 * ({@link dev.modeltest.gate.NoRegressionCheck}).
 *
 * @since 0.1.0
 */
package dev.modeltest.gate;
