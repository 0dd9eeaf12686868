package dev.modeltest.fairness;

import dev.modeltest.check.Format;
import dev.modeltest.error.ConfigurationException;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Passes when qualified members of every group are recognised alike: the true-positive rate P(ŷ = pos | y = pos,
 * group) differs by at most {@code maxDifference} between the judged groups (largest minus smallest).
 *
 * <p>The same as Fairlearn's {@code equal_opportunity_difference} (method {@code between_groups}), that is the
 * true-positive-rate half of {@code equalized_odds_difference}, on the groups with at least {@code minGroupSize} rows
 * and at least one positive row.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class EqualOpportunityCheck extends RateDifferenceCheck {

    /** The check's identifier in results and reports. */
    public static final String ID = "equal-opportunity";

    /**
     * Creates the check.
     *
     * @param where where it was configured, for messages
     * @param options the groups, positive label, decision and bootstrap
     * @param maxDifference the largest allowed difference of true-positive rates, in [0, 1]
     * @throws ConfigurationException if a value is out of range
     */
    public EqualOpportunityCheck(String where, FairnessOptions options, double maxDifference) {
        super(ID, "equal opportunity", "TPR difference (max − min)", where, options, maxDifference);
    }

    @Override
    String undefinedReason(Counts counts) {
        return counts.positives() == 0 ? "no positive rows (TPR undefined)" : null;
    }

    @Override
    String definedClause() {
        return " and a positive row";
    }

    @Override
    double statistic(GroupTable table, Counts[] groups, int[] judged, Counts overall) {
        return Rates.spread(groups, judged, Counts::truePositiveRate);
    }

    @Override
    String groupVerdict(GroupCheck.Run run, int group) {
        return Rates.extremes(run, group, "TPR", Counts::truePositiveRate).orElse("judged");
    }

    @Override
    String explanation(GroupCheck.Run run) {
        return "the true-positive rates are " + Rates.compare(run, Counts::truePositiveRate, true);
    }

    @Override
    void chart(GroupCheck.Run run, GroupChart chart) {
        double[] tpr = run.perGroup(Counts::truePositiveRate);
        run.rateBars(chart, "TPR", Counts::truePositiveRate, Counts::tp, Counts::positives);
        if (run.judged.length >= 2) {
            chart.line(
                    "lowest TPR + " + Format.value(maxDifference) + " (highest allowed)",
                    tpr[run.lowest(tpr)] + maxDifference);
        }
    }

    @Override
    void details(GroupCheck.Run run, Map<String, Object> details) {
        if (run.judged.length >= 2) {
            double[] tpr = run.perGroup(Counts::truePositiveRate);
            details.put("lowestGroup", run.name(run.lowest(tpr)));
            details.put("highestGroup", run.name(run.highest(tpr)));
        }
    }
}
