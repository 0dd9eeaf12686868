package dev.modeltest.fairness;

import dev.modeltest.check.Format;
import dev.modeltest.error.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
public final class GroupMetricAtLeastCheck extends GroupGate {

    /** The check's identifier in results and reports. */
    public static final String ID = "group-metric-at-least";

    private final GroupMetric metric;
    private final double minimum;

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
        super(where, options);
        this.metric = Objects.requireNonNull(metric, "metric");
        if (metric.lowerIsBetter()) {
            throw ConfigurationException.badAttribute(
                    where,
                    "metric",
                    "must be a metric where higher is better (a floor on the "
                            + metric.displayName()
                            + " rewards a worse model; bound its spread across groups instead)",
                    metric.name());
        }
        if (!(minimum >= 0 && minimum <= 1)) {
            throw ConfigurationException.badAttribute(where, "value", "must be in [0, 1]", Format.number(minimum));
        }
        this.minimum = minimum;
    }

    @Override
    String id() {
        return ID;
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
    boolean atMost() {
        return false;
    }

    @Override
    double limit() {
        return minimum;
    }

    @Override
    String undefinedReason(Counts counts) {
        return Double.isNaN(metric.of(counts))
                ? metric.undefinedWhen() + " (" + metric.displayName() + " undefined)"
                : null;
    }

    @Override
    String definedClause() {
        return " and a defined " + metric.displayName();
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
    List<Column> columns(GroupGate.Run run) {
        return MetricColumn.of(run, metric);
    }

    @Override
    String groupVerdict(GroupGate.Run run, int group) {
        return holds(metric.of(run.counts[group])) ? "ok" : "below " + Format.value(minimum);
    }

    @Override
    String explanation(GroupGate.Run run) {
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
    void chart(GroupGate.Run run, GroupChart chart) {
        chart.bars(metric.displayName(), run.perGroup(metric::of));
        chart.line("floor " + Format.value(minimum), minimum);
    }
}
