package dev.modeltest.fairness;

import dev.modeltest.check.Format;
import dev.modeltest.error.ConfigurationException;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Passes when the groups are selected (predicted positive) at similar rates: the selection rate P(ŷ = positive |
 * group) of the judged groups differs by at most {@code maxDifference} (largest minus smallest), or the smallest is
 * at least {@code minRatio} of the largest.
 *
 * <p>The same as Fairlearn's {@code demographic_parity_difference} and {@code demographic_parity_ratio} (method
 * {@code between_groups}) on the groups with at least {@code minGroupSize} rows. The message also compares the lowest
 * and the highest group with a two-proportion z-test (Fisher's exact test for small cells).
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class DemographicParityCheck extends GroupCheck {

    /** The check's identifier in results and reports. */
    public static final String ID = "demographic-parity";

    private final boolean byRatio;
    private final double limit;

    /**
     * Creates the check; give exactly one of {@code maxDifference} and {@code minRatio}, the other {@code NaN}.
     *
     * @param where where it was configured, for messages, e.g. {@code @DemographicParity on LoanTest.parity()}
     * @param options the groups, positive label, decision and bootstrap
     * @param maxDifference the largest allowed difference of selection rates, in [0, 1], or {@code NaN}
     * @param minRatio the smallest allowed ratio of the lowest to the highest selection rate, in [0, 1], or {@code NaN}
     * @throws ConfigurationException if both or neither are given, or one is out of range
     */
    public DemographicParityCheck(String where, FairnessOptions options, double maxDifference, double minRatio) {
        super(ID, where, options);
        boolean difference = !Double.isNaN(maxDifference);
        boolean ratio = !Double.isNaN(minRatio);
        if (difference == ratio) {
            throw new ConfigurationException(where + ": give exactly one of 'maxDifference' and 'minRatio', was "
                    + (difference
                            ? "both (maxDifference " + Format.number(maxDifference) + ", minRatio "
                                    + Format.number(minRatio) + ")"
                            : "neither"));
        }
        this.byRatio = ratio;
        this.limit = requireUnitInterval(
                where, difference ? "maxDifference" : "minRatio", difference ? maxDifference : minRatio);
    }

    @Override
    String what() {
        return "demographic parity";
    }

    @Override
    String statisticName() {
        return byRatio ? "selection-rate ratio (min / max)" : "selection-rate difference (max − min)";
    }

    @Override
    boolean atMost() {
        return !byRatio;
    }

    @Override
    double limit() {
        return limit;
    }

    @Override
    String undefinedReason(Counts counts) {
        return null;
    }

    @Override
    double statistic(GroupTable table, Counts[] groups, int[] judged, Counts overall) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int g : judged) {
            double rate = groups[g].selectionRate();
            min = Math.min(min, rate);
            max = Math.max(max, rate);
        }
        // Fairlearn's ratio is min / max, NaN (0 / 0) when no group is ever selected.
        return byRatio ? min / max : max - min;
    }

    @Override
    String undefinedStatistic(GroupCheck.Run run) {
        return "no judged group is ever selected, so the ratio of selection rates is 0 / 0";
    }

    @Override
    String groupVerdict(GroupCheck.Run run, int group) {
        if (run.judged.length < 2) {
            return "judged";
        }
        double[] rates = run.perGroup(Counts::selectionRate);
        if (group == run.lowest(rates)) {
            return "lowest";
        }
        return group == run.highest(rates) ? "highest" : "judged";
    }

    @Override
    String explanation(GroupCheck.Run run) {
        double[] rates = run.perGroup(Counts::selectionRate);
        int low = run.lowest(rates);
        int high = run.highest(rates);
        return run.name(low) + " is selected at " + Format.value(rates[low]) + ", " + run.name(high) + " at "
                + Format.value(rates[high]) + " ("
                + (run.tests() ? test(run, low, high).describe() : run.noTest())
                + ")";
    }

    private static ProportionTest.Result test(GroupCheck.Run run, int a, int b) {
        Counts x = run.counts[a];
        Counts y = run.counts[b];
        return ProportionTest.compare(x.selected(), x.n(), y.selected(), y.n());
    }

    @Override
    void chart(GroupCheck.Run run, GroupChart chart) {
        double[] rates = run.perGroup(Counts::selectionRate);
        run.rateBars(chart, "selection rate", Counts::selectionRate, Counts::selected, Counts::n);
        if (run.judged.length >= 2) {
            if (byRatio) {
                chart.line("highest × " + Format.value(limit) + " (lowest allowed)", rates[run.highest(rates)] * limit);
            } else {
                chart.line("lowest + " + Format.value(limit) + " (highest allowed)", rates[run.lowest(rates)] + limit);
            }
        }
    }

    @Override
    void details(GroupCheck.Run run, Map<String, Object> details) {
        if (run.judged.length >= 2) {
            double[] rates = run.perGroup(Counts::selectionRate);
            int low = run.lowest(rates);
            int high = run.highest(rates);
            details.put("lowestGroup", run.name(low));
            details.put("highestGroup", run.name(high));
            if (run.tests()) {
                ProportionTest.Result test = test(run, low, high);
                details.put("test", test.test());
                details.put("pValue", test.pValue());
            }
        }
    }
}
