package dev.modeltest.check;

import dev.modeltest.subject.Subject;
import org.apiguardian.api.API;

/**
 * Passes when the fraction of rows predicted right is at least a threshold, compared on the point estimate. The
 * result also carries n and the Wilson 95% interval.
 *
 * <p>Accuracy is the same as scikit-learn's {@code accuracy_score(y_true, y_pred)}.
 *
 * <p>This is now the metric check on {@link dev.modeltest.metrics.Metric#ACCURACY}, reported as this class always
 * reported it: {@code MetricGate.builder(where, Metric.ACCURACY, Bound.AT_LEAST, minimum).reportedAsAccuracyCheck()}.
 * This class builds that check and runs it, with the same validation, result and message as before.
 *
 * @since 0.1.0
 * @deprecated use {@link dev.modeltest.gate.MetricGate} with {@link dev.modeltest.metrics.Metric#ACCURACY}, which
 *     also decides on an interval and in slices
 */
@Deprecated(since = "0.1.0")
@API(status = API.Status.DEPRECATED, since = "0.1.0")
public final class AccuracyCheck implements Check {

    /** The check's identifier in results and reports. */
    public static final String ID = "accuracy-at-least";

    private final dev.modeltest.gate.MetricGate gate;

    /**
     * Creates the check.
     *
     * @param where where it was configured, for messages, e.g. {@code @AccuracyAtLeast on IrisTest.accurate()}
     * @param minimum the lowest acceptable accuracy, in [0, 1]
     * @throws dev.modeltest.error.ConfigurationException if {@code minimum} is outside [0, 1]
     */
    public AccuracyCheck(String where, double minimum) {
        this.gate = dev.modeltest.gate.MetricGate.builder(
                        where, dev.modeltest.metrics.Metric.ACCURACY, dev.modeltest.gate.Bound.AT_LEAST, minimum)
                .reportedAsAccuracyCheck()
                .build();
    }

    @Override
    public CheckResult run(Subject subject) {
        return gate.run(subject);
    }
}
