package dev.modeltest.fairness;

import dev.modeltest.error.ConfigurationException;
import java.util.Locale;
import java.util.Objects;

/**
 * What the checks of one {@link GroupMetric} per group share: the metric, a limit on it in [0, 1] (a floor or a
 * ceiling), groups judged only where the metric is defined, and a chart with the metric's bars.
 */
abstract class GroupMetricCheck extends GroupCheck {

    final GroupMetric metric;
    private final boolean atMost;
    private final double limit;

    /**
     * Creates the check.
     *
     * @param id the check's identifier in results
     * @param where where it was configured, for messages
     * @param options the groups, positive label, decision and bootstrap
     * @param metric the metric
     * @param atMost whether the statistic must be at most the limit (else it is a floor)
     * @param limit the limit, the annotation's {@code value}, in [0, 1]
     * @throws ConfigurationException if a floor is put on a lower-is-better metric or the limit is out of range
     */
    GroupMetricCheck(
            String id, String where, FairnessOptions options, GroupMetric metric, boolean atMost, double limit) {
        super(id, where, options);
        this.metric = Objects.requireNonNull(metric, "metric");
        if (!atMost && metric.lowerIsBetter()) {
            throw ConfigurationException.badAttribute(
                    where,
                    "metric",
                    "must be a metric where higher is better (a floor on the "
                            + metric.displayName()
                            + " rewards a worse model; bound its spread across groups instead)",
                    metric.name());
        }
        this.atMost = atMost;
        this.limit = requireUnitInterval(where, "value", limit);
    }

    /** Returns the metric, e.g. {@code recall}: a floor on one group metric and on another are different results. */
    @Override
    final String qualifier() {
        return metric.name().toLowerCase(Locale.ROOT);
    }

    @Override
    final boolean atMost() {
        return atMost;
    }

    @Override
    final double limit() {
        return limit;
    }

    @Override
    final String undefinedReason(Counts counts) {
        return Double.isNaN(metric.of(counts))
                ? metric.undefinedWhen() + " (" + metric.displayName() + " undefined)"
                : null;
    }

    @Override
    final String definedClause() {
        return " and a defined " + metric.displayName();
    }

    /** Draws the metric of every group as bars, under the limit lines each check adds. */
    final void metricBars(GroupCheck.Run run, GroupChart chart) {
        if (metric.isProportion()) {
            run.rateBars(chart, metric.displayName(), metric::of, metric::successes, metric::trials);
        } else {
            chart.bars(metric.displayName(), run.perGroup(metric::of));
        }
    }
}
