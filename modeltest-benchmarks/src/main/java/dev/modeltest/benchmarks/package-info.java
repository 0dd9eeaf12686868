/**
 * JMH benchmarks of modeltest (metrics, intervals, data validation, latency, a whole model test), each timed in the
 * same run as its Python anchor by a script under {@code scripts/}; figures and commands are in
 * {@code docs/performance.md}.
 *
 * @since 0.1.0
 */
package dev.modeltest.benchmarks;
