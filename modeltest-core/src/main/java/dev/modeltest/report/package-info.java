/**
 * Views of a run's results: the console and Markdown summary, CSV tables, charts, metric history and provenance.
 * Reports read the fields of {@link dev.modeltest.check.CheckResult}s; they never change a verdict.
 *
 * @since 0.1.0
 */
package dev.modeltest.report;
