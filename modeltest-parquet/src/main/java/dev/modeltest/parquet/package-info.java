/**
 * Reads {@code .parquet} test data through DuckDB's JDBC driver, into the same column kinds as the CSV reader. The
 * format is found through {@link java.util.ServiceLoader} when {@code modeltest-parquet} is on the test class path, so
 * a test names the file in {@code @ModelTest(data = ...)}.
 */
package dev.modeltest.parquet;
