/**
 * {@code @LatencyUnder} and {@code @ThroughputAtLeast}: the checks ({@link dev.modeltest.latency.LatencyCheck},
 * {@link dev.modeltest.latency.ThroughputCheck}) and the measuring machinery behind them: the timing loop and its
 * warm-up ({@link dev.modeltest.latency.LatencyMeter}), the samples ({@link dev.modeltest.latency.LatencyHistogram}, an
 * HdrHistogram), the order-statistic confidence interval of a percentile
 * ({@link dev.modeltest.latency.QuantileInterval}), the timer's cost ({@link dev.modeltest.latency.TimerCost}), what
 * else ran meanwhile ({@link dev.modeltest.latency.Interference}) and the histogram picture
 * ({@link dev.modeltest.latency.LatencyChart}).
 *
 * <p>Each check's {@code run} reads as measure, decide, describe, each job in its own package-private class:
 * {@code LatencyMeasurement} / {@code ThroughputMeasurement} measure; {@code LatencyDecision} applies the shared
 * {@link dev.modeltest.check.Decision} round by round with latency's own rules around it (throughput decides on its
 * point value with the same rule); {@code LatencyMessage} / {@code ThroughputMessage} write the words and
 * {@code LatencyResult} / {@code ThroughputResult} assemble the result with its details and attachments.
 *
 * @since 0.1.0
 */
package dev.modeltest.latency;
