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
 * <p>The checks: {@link dev.modeltest.fairness.DemographicParityCheck}, {@link
 * dev.modeltest.fairness.EqualizedOddsCheck}, {@link dev.modeltest.fairness.EqualOpportunityCheck}, {@link
 * dev.modeltest.fairness.DisparateImpactCheck}, {@link dev.modeltest.fairness.GroupMetricAtLeastCheck} and {@link
 * dev.modeltest.fairness.GroupMetricGapAtMostCheck}.
 */
package dev.modeltest.fairness;
