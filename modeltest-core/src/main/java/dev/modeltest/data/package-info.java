/**
 * Reading test data: CSV, Parquet (with the parquet module) and DVC-tracked files into a
 * {@link dev.modeltest.data.TestData} table, with column kinds, missing-value tokens and the limits that keep a
 * malformed or hostile file from hanging or exhausting the test JVM.
 *
 * @since 0.1.0
 */
package dev.modeltest.data;
