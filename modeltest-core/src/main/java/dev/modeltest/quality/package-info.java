/**
 * Data quality checks on the test data itself: missing values, missing rate per column, duplicate rows, conflicting
 * labels and train/test leakage, each reported with the rows at fault.
 *
 * @since 0.1.0
 */
package dev.modeltest.quality;
