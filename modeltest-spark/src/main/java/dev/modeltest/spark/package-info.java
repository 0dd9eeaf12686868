/**
 * modeltest's gates over an Apache Spark {@code Dataset}: each partition counts its rows into a small state, Spark
 * merges the states, and the driver decides with the same code, the same intervals and the same messages as the
 * in-memory engine. Never a {@code collect()} of the rows. See {@link dev.modeltest.spark.SparkGates} for the metric
 * gates and {@link dev.modeltest.spark.SparkChecks} for the fairness, drift and data-quality checks.
 */
package dev.modeltest.spark;
