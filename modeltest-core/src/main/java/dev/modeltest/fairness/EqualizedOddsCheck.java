package dev.modeltest.fairness;

import dev.modeltest.check.Format;
import dev.modeltest.error.ConfigurationException;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Passes when the model errs alike across groups: both the true-positive rate P(ŷ = pos | y = pos, group) and the
 * false-positive rate P(ŷ = pos | y = neg, group) differ by at most {@code maxDifference} between the judged groups.
 * The measured value is the larger of the two differences (largest minus smallest).
 *
 * <p>The same as Fairlearn's {@code equalized_odds_difference} (method {@code between_groups}, {@code
 * agg='worst_case'}) on the groups with at least {@code minGroupSize} rows and both positive and negative rows. The
 * message compares the two groups behind the larger difference with a two-proportion z-test (Fisher's exact test for
 * small cells).
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class EqualizedOddsCheck extends RateDifferenceCheck {

    /** The check's identifier in results and reports. */
    public static final String ID = "equalized-odds";

    /**
     * Creates the check.
     *
     * @param where where it was configured, for messages
     * @param options the groups, positive label, decision and bootstrap
     * @param maxDifference the largest allowed difference of true-positive rates and of false-positive rates, in [0, 1]
     * @throws ConfigurationException if a value is out of range
     */
    public EqualizedOddsCheck(String where, FairnessOptions options, double maxDifference) {
        super(ID, "equalized odds", "larger of the TPR and FPR differences (max − min)", where, options, maxDifference);
    }

    @Override
    String undefinedReason(Counts counts) {
        if (counts.positives() == 0) {
            return "no positive rows (TPR undefined)";
        }
        return counts.negatives() == 0 ? "no negative rows (FPR undefined)" : null;
    }

    @Override
    String definedClause() {
        return " and both positive and negative rows";
    }

    @Override
    double statistic(GroupTable table, Counts[] groups, int[] judged, Counts overall) {
        return Math.max(
                Rates.spread(groups, judged, Counts::truePositiveRate),
                Rates.spread(groups, judged, Counts::falsePositiveRate));
    }

    /** Returns whether the false-positive rates differ more than the true-positive rates (ties go to the TPR). */
    private boolean fprWorse(GroupCheck.Run run) {
        return Rates.spread(run.counts, run.judged, Counts::falsePositiveRate)
                > Rates.spread(run.counts, run.judged, Counts::truePositiveRate);
    }

    @Override
    String groupVerdict(GroupCheck.Run run, int group) {
        return Rates.extremes(run, group, "TPR", Counts::truePositiveRate)
                .and(Rates.extremes(run, group, "FPR", Counts::falsePositiveRate))
                .orElse("judged");
    }

    @Override
    String explanation(GroupCheck.Run run) {
        return fprWorse(run)
                ? "the false-positive rates differ most, " + Rates.compare(run, Counts::falsePositiveRate, false)
                : "the true-positive rates differ most, " + Rates.compare(run, Counts::truePositiveRate, true);
    }

    @Override
    void chart(GroupCheck.Run run, GroupChart chart) {
        double[] tpr = run.perGroup(Counts::truePositiveRate);
        double[] fpr = run.perGroup(Counts::falsePositiveRate);
        run.rateBars(chart, "TPR", Counts::truePositiveRate, Counts::tp, Counts::positives);
        run.rateBars(chart, "FPR", Counts::falsePositiveRate, Counts::fp, Counts::negatives);
        if (run.judged.length >= 2) {
            chart.line("lowest TPR + " + Format.value(maxDifference), tpr[run.lowest(tpr)] + maxDifference);
            chart.line("lowest FPR + " + Format.value(maxDifference), fpr[run.lowest(fpr)] + maxDifference);
        }
    }

    @Override
    void details(GroupCheck.Run run, Map<String, Object> details) {
        if (run.judged.length >= 2) {
            details.put("tprDifference", Rates.spread(run.counts, run.judged, Counts::truePositiveRate));
            details.put("fprDifference", Rates.spread(run.counts, run.judged, Counts::falsePositiveRate));
            details.put("worse", fprWorse(run) ? "FPR" : "TPR");
        }
    }
}
