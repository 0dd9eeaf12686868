package dev.modeltest.check;

import dev.modeltest.error.ConfigurationException;
import dev.modeltest.model.Predictions;
import dev.modeltest.model.Task;
import dev.modeltest.stats.Wilson;
import dev.modeltest.subject.Subject;
import org.apiguardian.api.API;

/**
 * Passes when the fraction of rows predicted right is at least a threshold, compared on the point estimate. The
 * result also carries n and the Wilson 95% interval.
 *
 * <p>Accuracy is the same as scikit-learn's {@code accuracy_score(y_true, y_pred)}.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class AccuracyCheck implements Check {

    /** The check's identifier in results and reports. */
    public static final String ID = "accuracy-at-least";

    private static final double CONFIDENCE = 0.95;

    private final String where;
    private final double minimum;

    /**
     * Creates the check.
     *
     * @param where where it was configured, for messages, e.g. {@code @AccuracyAtLeast on IrisTest.accurate()}
     * @param minimum the lowest acceptable accuracy, in [0, 1]
     * @throws ConfigurationException if {@code minimum} is outside [0, 1]
     */
    public AccuracyCheck(String where, double minimum) {
        if (!(minimum >= 0 && minimum <= 1)) {
            throw ConfigurationException.badAttribute(where, "value", "must be in [0, 1]", Format.number(minimum));
        }
        this.where = where;
        this.minimum = minimum;
    }

    @Override
    public CheckResult run(Subject subject) {
        Predictions predictions = subject.predictions();
        if (predictions.task() != Task.CLASSIFICATION) {
            throw new ConfigurationException(
                    where + ": accuracy applies to classifiers, but the model (" + predictions.modelName()
                            + ") predicts numbers (regression); gate it with an error metric instead");
        }
        int n = predictions.size();
        long correct = 0;
        for (int i = 0; i < n; i++) {
            if (predictions.actualClass(i) == predictions.predictedClass(i)) {
                correct++;
            }
        }
        double accuracy = (double) correct / n;
        Interval interval = Wilson.interval(correct, n, CONFIDENCE);
        boolean holds = accuracy >= minimum;
        String data = predictions.dataName();
        int decimals = Format.decimals(accuracy, minimum);
        String message = "Expecting model accuracy on " + data + " (n=" + n + "):\n"
                + "  " + Format.value(accuracy, decimals) + " (" + interval + ", " + correct + " of " + n + " right)\n"
                + "to be at least:\n"
                + "  " + Format.value(minimum, decimals)
                + (holds ? "" : "\nbut it was " + Format.gap(minimum - accuracy, decimals) + " below.");
        return CheckResult.builder(ID, Family.PERFORMANCE)
                .title("accuracy ≥ " + Format.value(minimum, decimals) + " on " + data)
                .passedIf(holds)
                .measured(accuracy)
                .interval(interval)
                .threshold(Threshold.atLeast(minimum), decimals)
                .n(n)
                .message(message)
                .detail("correct", correct)
                .detail("classes", predictions.classes())
                .build();
    }
}
