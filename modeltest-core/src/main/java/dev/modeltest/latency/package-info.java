/**
 * The measuring machinery behind {@code @LatencyUnder} and {@code @ThroughputAtLeast}: the timing loop and its warm-up
 * ({@link dev.modeltest.latency.LatencyMeter}), the samples ({@link dev.modeltest.latency.LatencyHistogram}, an
 * HdrHistogram), the order-statistic confidence interval of a percentile
 * ({@link dev.modeltest.latency.QuantileInterval}), the timer's cost ({@link dev.modeltest.latency.TimerCost}), what
 * else ran meanwhile ({@link dev.modeltest.latency.Interference}) and the histogram picture
 * ({@link dev.modeltest.latency.LatencyChart}). Internal: the checks in {@code dev.modeltest.check} are the API.
 *
 * @since 0.1.0
 */
package dev.modeltest.latency;
