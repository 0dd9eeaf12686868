package dev.modeltest.fairness;

import dev.modeltest.check.Format;
import dev.modeltest.error.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Passes when every judged group meets a floor on a metric, e.g. each group's recall is at least 0.7. The measured
 * value is the lowest group's metric (Fairlearn's {@code MetricFrame.group_min()} over the groups with at least
 * {@code minGroupSize} rows and a defined metric).
 *
 * <p>The false-positive rate, where lower is better, cannot have a floor: bound its spread with an equalized-odds or
 * group-gap check instead.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class GroupMetricAtLeastCheck extends GroupMetricCheck {

    /** The check's identifier in results and reports. */
    public static final String ID = "group-metric-at-least";

    /**
     * Creates the check.
     *
     * @param where where it was configured, for messages
     * @param options the groups, positive label, decision and bootstrap
     * @param metric the metric; one where higher is better
     * @param minimum the floor every judged group must meet, in [0, 1]
     * @throws ConfigurationException if the metric is lower-is-better or the floor is out of range
     */
    public GroupMetricAtLeastCheck(String where, FairnessOptions options, GroupMetric metric, double minimum) {
        super(ID, where, options, metric, false, minimum);
    }

    @Override
    String what() {
        return "every group's " + metric.displayName();
    }

    @Override
    String statisticName() {
        return "lowest group " + metric.displayName();
    }

    @Override
    double statistic(GroupTable table, Counts[] groups, int[] judged, Counts overall) {
        double lowest = Double.POSITIVE_INFINITY;
        for (int g : judged) {
            double v = metric.of(groups[g]);
            if (Double.isNaN(v)) {
                return Double.NaN;
            }
            lowest = Math.min(lowest, v);
        }
        return lowest;
    }

    @Override
    List<Column> columns(GroupCheck.Run run) {
        return MetricColumn.of(run, metric);
    }

    @Override
    String groupVerdict(GroupCheck.Run run, int group) {
        return holds(metric.of(run.counts[group])) ? "ok" : "below " + Format.value(limit());
    }

    @Override
    String explanation(GroupCheck.Run run) {
        List<String> below = new ArrayList<>();
        for (int g : run.judged) {
            double v = metric.of(run.counts[g]);
            if (!holds(v)) {
                below.add(
                        run.name(g) + "'s " + (below.isEmpty() ? metric.displayName() + " is " : "") + Format.value(v));
            }
        }
        if (below.isEmpty()) {
            double[] values = run.perGroup(metric::of);
            int low = run.lowest(values);
            return "the lowest is " + run.name(low) + "'s, " + Format.value(values[low]);
        }
        return String.join(", ", below);
    }

    @Override
    void chart(GroupCheck.Run run, GroupChart chart) {
        metricBars(run, chart);
        chart.line("floor " + Format.value(limit()), limit());
    }
}
