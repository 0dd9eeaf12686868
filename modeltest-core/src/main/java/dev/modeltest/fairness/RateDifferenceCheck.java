package dev.modeltest.fairness;

/**
 * What the checks that bound the between-groups difference of error rates share (equal opportunity, equalized odds):
 * a fixed identifier and wording, and a largest allowed difference {@code maxDifference} in [0, 1] that the statistic
 * must not exceed.
 */
abstract class RateDifferenceCheck extends GroupCheck {

    private final String what;
    private final String statisticName;
    final double maxDifference;

    /**
     * Creates the check.
     *
     * @param id the check's identifier in results
     * @param what what is expected, for the heading, e.g. {@code equal opportunity}
     * @param statisticName the statistic's name, e.g. {@code TPR difference (max − min)}
     * @param where where it was configured, for messages
     * @param options the groups, positive label, decision and bootstrap
     * @param maxDifference the largest allowed difference, in [0, 1]
     * @throws dev.modeltest.error.ConfigurationException if an option or {@code maxDifference} is out of range
     */
    RateDifferenceCheck(
            String id, String what, String statisticName, String where, FairnessOptions options, double maxDifference) {
        super(id, where, options);
        this.what = what;
        this.statisticName = statisticName;
        this.maxDifference = requireUnitInterval(where, "maxDifference", maxDifference);
    }

    @Override
    final String what() {
        return what;
    }

    @Override
    final String statisticName() {
        return statisticName;
    }

    @Override
    final boolean atMost() {
        return true;
    }

    @Override
    final double limit() {
        return maxDifference;
    }
}
