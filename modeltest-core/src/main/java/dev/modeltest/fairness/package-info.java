/**
 * Fairness checks for binary classifiers: how a model's decisions and errors differ across groups of people.
 *
 * <p>Rows are grouped by one or more sensitive attribute columns (with several, by the combinations of their values
 * that occur). Each group reports its size; groups with fewer than {@code minGroupSize} rows are listed as too small
 * and never judged, and a check with fewer than two judged groups is {@code INCONCLUSIVE}. The statistics follow
 * Fairlearn's definitions ({@code demographic_parity_difference/ratio}, {@code equalized_odds_difference},
 * {@code equal_opportunity_difference}, {@code MetricFrame.group_min()} and {@code difference(method='to_overall')})
 * and come with a seeded, group-stratified bootstrap interval; a check may be decided on that interval instead of the
 * point estimate ({@link dev.modeltest.fairness.FairnessOptions#confidence()}).
 *
 * <p>With sample weights ({@link dev.modeltest.model.Predictions#withWeights}) every rate is weighted as Fairlearn's
 * {@code MetricFrame} with {@code sample_params={'sample_weight': w}} weights it (selection rate {@code Σw·ŷ / Σw},
 * TPR {@code Σw·ŷ·y / Σw·y}, the group metrics as scikit-learn's with {@code sample_weight}), the bootstrap resamples
 * rows with their weights, and the two-proportion tests and Wilson error bars, which count rows, are left out with a
 * message naming the weight column.
 *
 * <p>The checks: {@link dev.modeltest.fairness.DemographicParityCheck}, {@link
 * dev.modeltest.fairness.EqualizedOddsCheck}, {@link dev.modeltest.fairness.EqualOpportunityCheck}, {@link
 * dev.modeltest.fairness.DisparateImpactCheck}, {@link dev.modeltest.fairness.GroupMetricAtLeastCheck} and {@link
 * dev.modeltest.fairness.GroupMetricGapAtMostCheck}.
 */
package dev.modeltest.fairness;
