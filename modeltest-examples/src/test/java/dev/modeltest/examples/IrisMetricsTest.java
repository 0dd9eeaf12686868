package dev.modeltest.examples;

import dev.modeltest.junit.AucAtLeast;
import dev.modeltest.junit.CalibrationErrorAtMost;
import dev.modeltest.junit.F1AtLeast;
import dev.modeltest.junit.LogLossAtMost;
import dev.modeltest.junit.MetricAtLeast;
import dev.modeltest.junit.ModelTest;
import dev.modeltest.junit.NoRegressionVs;
import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.Metric;

/**
 * Metric gates on the Smile random forest over the 30-row iris test set: F1, one-vs-rest ROC AUC, log loss and
 * calibration, a gate per species, and a champion/challenger comparison with the logistic regression of
 * {@link IrisLogisticRegressionProvider}. Each reports its value with a confidence interval.
 */
@ModelTest(model = "models/iris-rf.ser", data = "src/test/resources/iris-test.csv", label = "species")
class IrisMetricsTest {

    /** Macro F1 weighs the three species equally, whatever their counts in the test set. */
    @F1AtLeast(value = 0.85, average = Averaging.MACRO)
    void f1Macro() {}

    /**
     * Decided on the 95% bootstrap interval: it passes only if the whole interval is above 0.9, so a lucky test set
     * cannot carry it.
     */
    @AucAtLeast(value = 0.9, average = Averaging.MACRO, confidence = 0.95)
    void aucOneVsRest() {}

    @LogLossAtMost(0.5)
    void logLoss() {}

    /** Top-label calibration over 5 bins: 30 rows are too few for 10. */
    @CalibrationErrorAtMost(value = 0.2, bins = 5)
    void calibrated() {}

    /**
     * Accuracy within each species (its recall): every species must be recognised, not just the common ones. Iris has
     * about ten test rows per species, so the slice minimum is lowered from 30 to 8; smaller slices would be reported
     * as too small.
     */
    @MetricAtLeast(metric = Metric.ACCURACY, value = 0.7, slicedBy = "species", minSliceSize = 8)
    void accurateForEverySpecies() {}

    /** The forest must not be significantly worse than the simpler logistic regression (exact McNemar test). */
    @NoRegressionVs(baselineProvider = IrisLogisticRegressionProvider.class, tolerance = 0.05)
    void noWorseThanLogisticRegression() {}

    /** The same comparison on one-vs-rest ROC AUC (paired bootstrap). */
    @NoRegressionVs(
            baselineProvider = IrisLogisticRegressionProvider.class,
            metric = Metric.ROC_AUC,
            average = Averaging.MACRO,
            tolerance = 0.05)
    void aucNoWorseThanLogisticRegression() {}
}
