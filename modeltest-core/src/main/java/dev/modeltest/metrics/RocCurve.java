package dev.modeltest.metrics;

import org.apiguardian.api.API;

/**
 * The points of a ROC curve for charts: the same arrays as scikit-learn 1.2's {@code sklearn.metrics.roc_curve(y_true
 * == positive, p_positive, drop_intermediate=True)}, whose first threshold is the highest score plus 1 and whose
 * first point is (0, 0). Rates are {@code NaN} when there are no negative (false positive rate) or no positive (true
 * positive rate) rows.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class RocCurve {

    private final String positiveLabel;
    private final double[] falsePositiveRates;
    private final double[] truePositiveRates;
    private final double[] thresholds;
    private final double auc;

    RocCurve(String positiveLabel, double[] fpr, double[] tpr, double[] thresholds, double auc) {
        this.positiveLabel = positiveLabel;
        this.falsePositiveRates = fpr;
        this.truePositiveRates = tpr;
        this.thresholds = thresholds;
        this.auc = auc;
    }

    /** Returns the class scored as positive. */
    public String positiveLabel() {
        return positiveLabel;
    }

    /** Returns the number of points. */
    public int size() {
        return thresholds.length;
    }

    /** Returns the false positive rate at each point, increasing (a copy). */
    public double[] falsePositiveRates() {
        return falsePositiveRates.clone();
    }

    /** Returns the true positive rate at each point, increasing (a copy). */
    public double[] truePositiveRates() {
        return truePositiveRates.clone();
    }

    /** Returns the score threshold of each point, decreasing (a copy): rows scoring at least this are positive. */
    public double[] thresholds() {
        return thresholds.clone();
    }

    /** Returns the area under the curve, as {@link Metric#ROC_AUC}. */
    public double auc() {
        return auc;
    }
}
