/**
 * Drift: whether the columns of the test data are distributed like those of a reference data set, usually the
 * training data.
 *
 * <p>{@link dev.modeltest.drift.Drift#compare Drift.compare} measures each column with a {@link
 * dev.modeltest.drift.DriftMethod} (Kolmogorov–Smirnov, chi-square, PSI, Jensen–Shannon, Wasserstein, or one chosen per
 * column), reports the effect size, the p-value and both sample sizes of every column, and decides with the check of
 * {@link dev.modeltest.drift.DriftOptions}: by default on the effect size, so that large samples do not flag negligible
 * shifts. The methods, formulas and the SciPy functions they match are documented in {@code docs/drift.md}.
 *
 * @since 0.1.0
 */
package dev.modeltest.drift;
