package dev.modeltest.metrics;

import org.apiguardian.api.API;

/**
 * The points of a precision-recall curve for charts: the same arrays as scikit-learn 1.2's
 * {@code sklearn.metrics.precision_recall_curve(y_true == positive, p_positive)}, ordered by increasing threshold
 * (decreasing recall) and ending with the point (recall 0, precision 1), which has no threshold. Without positive rows
 * recall is 1 at every threshold, as there.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class PrecisionRecallCurve {

    private final String positiveLabel;
    private final double[] precisions;
    private final double[] recalls;
    private final double[] thresholds;
    private final double averagePrecision;

    PrecisionRecallCurve(
            String positiveLabel, double[] precisions, double[] recalls, double[] thresholds, double averagePrecision) {
        this.positiveLabel = positiveLabel;
        this.precisions = precisions;
        this.recalls = recalls;
        this.thresholds = thresholds;
        this.averagePrecision = averagePrecision;
    }

    /** Returns the class scored as positive. */
    public String positiveLabel() {
        return positiveLabel;
    }

    /** Returns the number of points, one more than the number of thresholds. */
    public int size() {
        return precisions.length;
    }

    /** Returns the precision at each point (a copy). */
    public double[] precisions() {
        return precisions.clone();
    }

    /** Returns the recall at each point, decreasing (a copy). */
    public double[] recalls() {
        return recalls.clone();
    }

    /** Returns the thresholds, increasing (a copy); one fewer than the points. */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** Returns the step-wise area under the curve, as {@link Metric#AVERAGE_PRECISION}. */
    public double averagePrecision() {
        return averagePrecision;
    }
}
