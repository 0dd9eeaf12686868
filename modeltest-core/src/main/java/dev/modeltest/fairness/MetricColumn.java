package dev.modeltest.fairness;

import java.util.List;
import java.util.Locale;

/** The chosen metric as a table column, unless the table already shows it (selection rate, TPR, FPR). */
final class MetricColumn {

    private MetricColumn() {}

    static List<GroupCheck.Column> of(GroupCheck.Run run, GroupMetric metric) {
        return switch (metric) {
            case SELECTION_RATE, RECALL, FALSE_POSITIVE_RATE -> List.of();
            case ACCURACY, PRECISION, F1 ->
                List.of(new GroupCheck.Column(
                        metric.displayName(), metric.name().toLowerCase(Locale.ROOT), run.perGroup(metric::of)));
        };
    }
}
