/**
 * Model quality metrics defined exactly as scikit-learn defines them, computed in one pass over primitive columns.
 *
 * <p>Start at {@link dev.modeltest.metrics.Metrics}: {@code Metrics.compute(predictions, Metric.F1,
 * MetricOptions.defaults())} gives a point value, {@link dev.modeltest.metrics.Metrics#sample} a prepared evaluation
 * of one metric on a set of rows that can be re-weighted cheaply (for bootstrap intervals, slices and paired
 * comparisons), and {@link dev.modeltest.metrics.Metrics#computeAll} several metrics from shared passes.
 *
 * <p>Every kernel is a mergeable accumulator (a state that absorbs rows and merges with another state: confusion
 * counts, sums and centred sums of squares, sorted score runs), evaluated over fixed-size chunks of rows on the
 * common fork-join pool. Chunk boundaries depend only on the number of rows, never on the number of cores, so a value
 * is the same bit for bit on every machine.
 *
 * @since 0.1.0
 */
package dev.modeltest.metrics;
