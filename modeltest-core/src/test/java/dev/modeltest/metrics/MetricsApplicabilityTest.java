package dev.modeltest.metrics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.modeltest.error.ModelException;
import dev.modeltest.model.Predictions;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which metric applies to which predictions and options, and the messages when one does not. */
class MetricsApplicabilityTest {

    private static final List<String> THREE = List.of("c0", "c1", "c2");

    private final Predictions multiclass = Predictions.classification(
            "three.csv", "model m", THREE, new int[] {0, 1, 2, 1}, new int[] {0, 2, 2, 1}, new double[][] {
                {0.7, 0.1, 0.2, 0.1}, {0.2, 0.3, 0.2, 0.8}, {0.1, 0.6, 0.6, 0.1}
            });
    private final Predictions binary = Predictions.classification(
            "two.csv", "model m", List.of("no", "yes"), new int[] {0, 1, 1, 0}, new int[] {0, 1, 0, 0}, new double[][] {
                {0.8, 0.3, 0.6, 0.9}, {0.2, 0.7, 0.4, 0.1}
            });
    private final Predictions labelsOnly = Predictions.classification(
            "two.csv", "labels only", List.of("no", "yes"), new int[] {0, 1}, new int[] {1, 1}, null);
    private final Predictions regression =
            Predictions.regression("values.csv", "model r", new double[] {1, 2, 3}, new double[] {1, 2, 4});

    private static MetricOptions defaults() {
        return MetricOptions.defaults();
    }

    private static void refuses(Predictions p, Metric m, MetricOptions o, String message) {
        assertThat(Metrics.notApplicable(p, m, o)).contains(message);
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Metrics.compute(p, m, o))
                .withMessage(message);
    }

    @Test
    void refusesAClassificationMetricOnARegressor() {
        refuses(
                regression,
                Metric.F1,
                defaults(),
                "F1 applies to classifiers, but model r is a regressor; use a regression metric such as RMSE, MAE or R2");
    }

    @Test
    void refusesARegressionMetricOnAClassifier() {
        refuses(
                binary,
                Metric.RMSE,
                defaults(),
                "root mean squared error applies to regressors, but model m is a classifier; use a classification"
                        + " metric such as ACCURACY, F1 or ROC_AUC");
    }

    @Test
    void refusesAProbabilityMetricWithoutProbabilities() {
        refuses(
                labelsOnly,
                Metric.ROC_AUC,
                defaults(),
                "ROC AUC needs class probabilities, but labels only gives none");
    }

    @Test
    void refusesAPositiveLabelThatIsNotAClass() {
        refuses(
                multiclass,
                Metric.RECALL,
                defaults().withPositiveLabel("c9"),
                "'positiveLabel' is \"c9\", which is not one of the classes [c0, c1, c2]");
    }

    @Test
    void refusesAveragingForAMetricWithoutPerClassForm() {
        refuses(
                multiclass,
                Metric.ACCURACY,
                defaults().withAverage(Averaging.MACRO),
                "'average' does not apply to accuracy (it has no per-class form), was MACRO");
    }

    @Test
    void refusesAveragingForARegressionMetric() {
        refuses(
                regression,
                Metric.R2,
                defaults().withAverage(Averaging.MACRO),
                "'average' does not apply to R², was MACRO");
    }

    @Test
    void refusesAPositiveLabelForAMetricWithoutOne() {
        refuses(
                multiclass,
                Metric.MATTHEWS,
                defaults().withPositiveLabel("c1"),
                "'positiveLabel' does not apply to Matthews correlation, was \"c1\"");
    }

    @Test
    void refusesMacroAveragingForTheBrierScore() {
        refuses(
                binary,
                Metric.BRIER,
                defaults().withAverage(Averaging.MACRO),
                "'average' for Brier score must be AUTO or BINARY, was MACRO");
    }

    @Test
    void refusesAPositiveLabelWithMacroAveraging() {
        refuses(
                binary,
                Metric.PRECISION,
                defaults().withAverage(Averaging.MACRO).withPositiveLabel("yes"),
                "'positiveLabel' applies only with 'average' BINARY, but 'average' is MACRO");
    }

    @Test
    void refusesBinaryAveragingOnMoreClassesWithoutAPositiveLabel() {
        refuses(
                multiclass,
                Metric.F1,
                defaults().withAverage(Averaging.BINARY),
                "'average' BINARY on the 3 classes [c0, c1, c2] needs a 'positiveLabel': the class scored against"
                        + " the rest");
    }

    @Test
    void refusesTheBrierScoreOnMoreClassesWithoutAPositiveLabel() {
        refuses(
                multiclass,
                Metric.BRIER,
                defaults(),
                "Brier score scores one class's probability; on the 3 classes [c0, c1, c2] give a 'positiveLabel' to"
                        + " score that class against the rest");
    }

    @Test
    void refusesProbabilityMetricsOnASingleClass() {
        Predictions one = Predictions.classification(
                "one.csv", "m", List.of("c0"), new int[] {0, 0}, new int[] {0, 0}, new double[][] {{1, 1}});
        refuses(
                one,
                Metric.LOG_LOSS,
                defaults(),
                "log loss needs at least two classes, but the predictions have one [c0]");
    }

    @Test
    void listsTheApplicableMetrics() {
        assertThat(Metrics.applicable(regression, defaults()))
                .containsExactly(
                        Metric.MSE,
                        Metric.RMSE,
                        Metric.MAE,
                        Metric.R2,
                        Metric.EXPLAINED_VARIANCE,
                        Metric.MAPE,
                        Metric.MEDIAN_ABSOLUTE_ERROR,
                        Metric.MAX_ERROR,
                        Metric.MEAN_SQUARED_LOG_ERROR,
                        Metric.ROOT_MEAN_SQUARED_LOG_ERROR,
                        Metric.MEAN_PINBALL_LOSS,
                        Metric.MEAN_POISSON_DEVIANCE,
                        Metric.MEAN_GAMMA_DEVIANCE,
                        Metric.MEAN_TWEEDIE_DEVIANCE,
                        Metric.D2_TWEEDIE,
                        Metric.D2_PINBALL,
                        Metric.D2_ABSOLUTE_ERROR);
        assertThat(Metrics.applicable(labelsOnly, defaults()))
                .containsExactly(
                        Metric.ACCURACY,
                        Metric.BALANCED_ACCURACY,
                        Metric.ADJUSTED_BALANCED_ACCURACY,
                        Metric.PRECISION,
                        Metric.RECALL,
                        Metric.F1,
                        Metric.F_BETA,
                        Metric.JACCARD,
                        Metric.ZERO_ONE_LOSS,
                        Metric.HAMMING_LOSS,
                        Metric.MATTHEWS,
                        Metric.COHEN_KAPPA,
                        Metric.COHEN_KAPPA_LINEAR,
                        Metric.COHEN_KAPPA_QUADRATIC);
        assertThat(Metrics.applicable(multiclass, defaults()))
                .doesNotContain(Metric.BRIER)
                .contains(Metric.ROC_AUC, Metric.TOP_K_ACCURACY);
        // Top-k accuracy's default k of 2 would be 1.0 on two classes: it applies there with k = 1 only.
        assertThat(Metrics.applicable(binary, defaults())).doesNotContain(Metric.TOP_K_ACCURACY);
        assertThat(Metrics.applicable(binary, defaults().withK(1))).contains(Metric.TOP_K_ACCURACY);
    }

    @Test
    void autoAveragingIsBinaryOnTwoClassesAndMacroOnMore() {
        MetricOptions macro = defaults().withAverage(Averaging.MACRO);
        MetricOptions binaryYes = defaults().withAverage(Averaging.BINARY).withPositiveLabel("yes");

        assertThat(Metrics.compute(binary, Metric.F1, defaults()))
                .isEqualTo(Metrics.compute(binary, Metric.F1, binaryYes));
        assertThat(Metrics.compute(multiclass, Metric.F1, defaults()))
                .isEqualTo(Metrics.compute(multiclass, Metric.F1, macro));
        // A positive label on its own means one-vs-rest for that class.
        assertThat(Metrics.compute(multiclass, Metric.RECALL, defaults().withPositiveLabel("c1")))
                .isEqualTo(0.5);
    }

    @Test
    void failsOnAProbabilityThatIsNotANumber() {
        Predictions p = Predictions.classification(
                "nan.csv", "model m", List.of("no", "yes"), new int[] {0, 1, 1}, new int[] {0, 1, 1}, new double[][] {
                    {0.8, 0.3, 0.6}, {0.2, 0.7, Double.NaN}
                });

        assertThatExceptionOfType(ModelException.class)
                .isThrownBy(() -> Metrics.compute(p, Metric.ROC_AUC, defaults()))
                .withMessage("the probability of class 'yes' at row 3 of nan.csv is NaN; ranking metrics need finite"
                        + " scores (model model m)");
        assertThatExceptionOfType(ModelException.class)
                .isThrownBy(() -> Metrics.compute(p, Metric.LOG_LOSS, defaults()))
                .withMessage("the probability of class 'yes' at row 3 of nan.csv is NaN; log loss needs probabilities"
                        + " in [0, 1] (model model m)");
    }

    @Test
    void failsOnAProbabilityAboveOneForBrierAndCalibration() {
        Predictions p = Predictions.classification(
                "big.csv", "model m", List.of("no", "yes"), new int[] {0, 1}, new int[] {0, 1}, new double[][] {
                    {0.8, -0.5}, {0.2, 1.5}
                });

        assertThatExceptionOfType(ModelException.class)
                .isThrownBy(() -> Metrics.compute(p, Metric.BRIER, defaults()))
                .withMessage("the probability of class 'yes' at row 2 of big.csv is 1.5; the Brier score needs"
                        + " probabilities in [0, 1] (model model m)");
        assertThatExceptionOfType(ModelException.class)
                .isThrownBy(() -> Metrics.compute(p, Metric.EXPECTED_CALIBRATION_ERROR, defaults()))
                .withMessage("the probability of class 'yes' at row 2 of big.csv is 1.5; calibration needs"
                        + " probabilities in [0, 1] (model model m)");
        // Log loss reads them as probabilities too: clipping 1.5 to 1 − ε would hide it (one rule,
        // Columns#probability).
        assertThatExceptionOfType(ModelException.class)
                .isThrownBy(() -> Metrics.compute(p, Metric.LOG_LOSS, defaults()))
                .withMessage("the probability of class 'no' at row 2 of big.csv is -0.5; log loss needs"
                        + " probabilities in [0, 1] (model model m)");
    }

    @Test
    void failsWhenOneVsRestProbabilitiesDoNotSumToOne() {
        Predictions p = Predictions.classification(
                "sum.csv", "model m", THREE, new int[] {0, 1, 2}, new int[] {0, 1, 2}, new double[][] {
                    {0.7, 0.1, 0.2}, {0.2, 0.5, 0.2}, {0.1, 0.3, 0.6}
                });

        assertThatExceptionOfType(ModelException.class)
                .isThrownBy(() -> Metrics.compute(p, Metric.ROC_AUC, defaults()))
                .withMessage("one-vs-rest ROC AUC needs each row's probabilities to sum to 1 (as scikit-learn's"
                        + " roc_auc_score(multi_class='ovr') does), but at row 2 of sum.csv they sum to 0.9"
                        + " (model model m)");
        // One class against the rest is a binary AUC: scikit-learn does not ask for sums there.
        assertThat(Metrics.compute(p, Metric.ROC_AUC, defaults().withPositiveLabel("c1")))
                .isEqualTo(1.0);
    }

    @Test
    void failsOnARegressionValueThatIsNotFinite() {
        Predictions p = Predictions.regression(
                "inf.csv", "model r", new double[] {1, 2, 3}, new double[] {1, Double.POSITIVE_INFINITY, 3});

        assertThatExceptionOfType(ModelException.class)
                .isThrownBy(() -> Metrics.compute(p, Metric.MSE, defaults()))
                .withMessage("the predicted value at row 2 of inf.csv is Infinity; regression metrics need finite"
                        + " numbers (model model r)");
        assertThatExceptionOfType(ModelException.class)
                .isThrownBy(() -> Metrics.compute(p, Metric.MEDIAN_ABSOLUTE_ERROR, defaults()))
                .withMessage("the predicted value at row 2 of inf.csv is Infinity; regression metrics need finite"
                        + " numbers (model model r)");
    }

    @Test
    void refusesARowIndexOutsideTheData() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Metrics.compute(binary, Metric.ACCURACY, defaults(), new int[] {0, 4}))
                .withMessage("row index 4 (at position 1 of the row list) is outside the 4 rows of two.csv");
    }

    @Test
    void refusesAMaskOfTheWrongLength() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Metrics.compute(binary, Metric.ACCURACY, defaults(), new boolean[3]))
                .withMessage("a mask of 3 values for the 4 rows of two.csv");
    }

    @Test
    void refusesACurveWithoutAPositiveClass() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Metrics.rocCurve(multiclass, defaults()))
                .withMessage("a ROC curve is drawn for one positive class; on the 3 classes [c0, c1, c2] give a"
                        + " 'positiveLabel'");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Metrics.confusionMatrix(regression))
                .withMessage("a confusion matrix needs a classifier, but model r is a regressor");
    }

    @Test
    void isNaNWhereScikitLearnRefusesOrReturnsNaN() {
        int[] onlyNo = {0, 3};
        assertThat(Metrics.compute(binary, Metric.ROC_AUC, defaults(), onlyNo)).isNaN();
        assertThat(Metrics.compute(binary, Metric.AVERAGE_PRECISION, defaults(), onlyNo))
                .isZero();
        assertThat(Metrics.compute(binary, Metric.COHEN_KAPPA, defaults(), onlyNo))
                .isNaN();
        assertThat(Metrics.compute(binary, Metric.MATTHEWS, defaults(), onlyNo)).isZero();
        assertThat(Metrics.compute(binary, Metric.PRECISION, defaults(), onlyNo))
                .isZero();
        for (Metric m : Metrics.applicable(binary, defaults())) {
            assertThat(Metrics.compute(binary, m, defaults(), new int[0]))
                    .as(m.name())
                    .isNaN();
        }
        for (Metric m : Metrics.applicable(regression, defaults())) {
            assertThat(Metrics.compute(regression, m, defaults(), new int[0]))
                    .as(m.name())
                    .isNaN();
        }
    }

    @Test
    void rejectsBadOptions() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> defaults().withBins(0))
                .withMessage("bins must be in [1, 10000], was 0");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> defaults().withPositiveLabel(""))
                .withMessage("positiveLabel must not be empty; use null for the default");
    }
}
