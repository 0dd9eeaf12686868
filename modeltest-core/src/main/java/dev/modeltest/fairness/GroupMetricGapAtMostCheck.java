package dev.modeltest.fairness;

import dev.modeltest.check.Format;
import dev.modeltest.error.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Passes when every judged group's metric is within {@code maxGap} of the metric on all rows: the largest
 * {@code |metric(group) − metric(all rows)|}. The same as Fairlearn's {@code MetricFrame.difference(method=
 * 'to_overall')} over the groups with at least {@code minGroupSize} rows and a defined metric; the overall value is
 * computed on every row, those of too-small groups included, as Fairlearn's {@code overall} is.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class GroupMetricGapAtMostCheck extends GroupMetricCheck {

    /** The check's identifier in results and reports. */
    public static final String ID = "group-metric-gap-at-most";

    /**
     * Creates the check.
     *
     * @param where where it was configured, for messages
     * @param options the groups, positive label, decision and bootstrap
     * @param metric the metric
     * @param maxGap the largest allowed distance of a group's metric from the overall value, in [0, 1]
     * @throws ConfigurationException if the gap is out of range
     */
    public GroupMetricGapAtMostCheck(String where, FairnessOptions options, GroupMetric metric, double maxGap) {
        super(ID, where, options, metric, true, maxGap);
    }

    @Override
    String what() {
        return "every group's " + metric.displayName() + " near the overall value";
    }

    @Override
    String statisticName() {
        return "largest gap to the overall " + metric.displayName();
    }

    @Override
    double statistic(GroupTable table, Counts[] groups, int[] judged, Counts overall) {
        double reference = metric.of(overall);
        double largest = 0;
        for (int g : judged) {
            // NaN (undefined in a resample) propagates through Math.max.
            largest = Math.max(largest, Math.abs(metric.of(groups[g]) - reference));
        }
        return largest;
    }

    @Override
    String undefinedStatistic(GroupCheck.Run run) {
        return "the overall " + metric.displayName() + " is undefined (" + metric.undefinedWhen() + ")";
    }

    private double gap(GroupCheck.Run run, int group) {
        return Math.abs(metric.of(run.counts[group]) - metric.of(run.table.overall));
    }

    @Override
    List<Column> columns(GroupCheck.Run run) {
        List<Column> columns = new ArrayList<>(MetricColumn.of(run, metric));
        double[] gaps = new double[run.counts.length];
        for (int g = 0; g < gaps.length; g++) {
            gaps[g] = run.isJudged(g) ? gap(run, g) : Double.NaN;
        }
        columns.add(new Column("gap", "gap", gaps));
        return columns;
    }

    @Override
    String groupVerdict(GroupCheck.Run run, int group) {
        return holds(gap(run, group)) ? "ok" : "over " + Format.value(limit());
    }

    @Override
    String explanation(GroupCheck.Run run) {
        double overall = metric.of(run.table.overall);
        int worst = run.judged[0];
        for (int g : run.judged) {
            if (gap(run, g) > gap(run, worst)) {
                worst = g;
            }
        }
        return run.name(worst) + "'s " + metric.displayName() + " " + Format.value(metric.of(run.counts[worst]))
                + " is " + Format.value(gap(run, worst)) + " from the overall " + Format.value(overall);
    }

    @Override
    void chart(GroupCheck.Run run, GroupChart chart) {
        metricBars(run, chart);
        double overall = metric.of(run.table.overall);
        if (!Double.isNaN(overall)) {
            double maxGap = limit();
            chart.line("overall − " + Format.value(maxGap), Math.max(0, overall - maxGap));
            chart.line("overall", overall);
            chart.line("overall + " + Format.value(maxGap), Math.min(1, overall + maxGap));
        }
    }

    @Override
    void details(GroupCheck.Run run, Map<String, Object> details) {
        double overall = metric.of(run.table.overall);
        details.put("overall", Double.isNaN(overall) ? null : overall);
    }
}
