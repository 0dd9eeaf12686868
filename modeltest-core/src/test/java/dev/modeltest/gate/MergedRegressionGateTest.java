package dev.modeltest.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.ModelException;
import dev.modeltest.metrics.ConfusionMatrix;
import dev.modeltest.metrics.IntervalMethod;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricOptions;
import dev.modeltest.metrics.Metrics;
import dev.modeltest.metrics.RegressionSummary;
import dev.modeltest.model.Predictions;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A regression gate decided on a summary merged elsewhere ({@link MetricGate#evaluate(RegressionSummary, String,
 * String)}) gives the result of the rows behind it: the same Student-t interval with the same skewness caveat, the
 * same verdict and message, and the value up to summation order, however the rows were split.
 */
class MergedRegressionGateTest {

    /** Skewed errors (one row in ten ten times off), so that the skewness caveat shows. */
    private static Predictions skewed(int n) {
        double[] actual = new double[n];
        double[] predicted = new double[n];
        for (int i = 0; i < n; i++) {
            actual[i] = 100 + i % 17;
            predicted[i] = actual[i] + (i % 10 == 0 ? 10.0 : 0.5) * (i % 2 == 0 ? 1 : -1) + i * 1e-3;
        }
        return Predictions.regression("skewed.csv", "predictions column 'p'", actual, predicted);
    }

    /** {@code y = 10 + i}, {@code ŷ = y ± 0.8·(1 + (i mod 3)/2)}: no true value of 0, so MAPE stays small. */
    private static Predictions linear(int n) {
        Predictions p = MetricFixtures.regression("linear.csv", n, 0.8);
        double[] actual = p.actualValues();
        double[] predicted = p.predictedValues();
        for (int i = 0; i < n; i++) {
            actual[i] += 10;
            predicted[i] += 10;
        }
        return Predictions.regression("linear.csv", "predictions column 'p'", actual, predicted);
    }

    /** The rows summarized in {@code parts} pieces of unequal size, merged in reverse order. */
    private static RegressionSummary summarized(Predictions rows, int parts) {
        RegressionSummary[] pieces = new RegressionSummary[parts];
        for (int p = 0; p < parts; p++) {
            pieces[p] = new RegressionSummary();
        }
        for (int i = 0; i < rows.size(); i++) {
            pieces[(i * i) % parts].add(rows.actualValue(i), rows.predictedValue(i));
        }
        RegressionSummary merged = new RegressionSummary();
        for (int p = parts - 1; p >= 0; p--) {
            merged.merge(pieces[p]);
        }
        return merged;
    }

    private static final List<MetricGate> GATES = List.of(
            MetricGate.builder("mae", Metric.MAE, Bound.AT_MOST, 1.5).build(),
            MetricGate.builder("mse", Metric.MSE, Bound.AT_MOST, 2)
                    .confidence(0.95)
                    .build(),
            MetricGate.builder("rmse", Metric.RMSE, Bound.AT_MOST, 1.2)
                    .confidence(0.9)
                    .build(),
            MetricGate.builder("mape", Metric.MAPE, Bound.AT_MOST, 0.05).build());

    @Test
    void aSummaryGivesTheResultOfTheRowsHoweverTheyWereSplit() {
        for (Predictions rows : List.of(skewed(400), linear(300))) {
            for (int parts : new int[] {1, 3, 8}) {
                RegressionSummary merged = summarized(rows, parts);
                for (MetricGate gate : GATES) {
                    CheckResult expected = gate.evaluate(rows);
                    CheckResult actual = gate.evaluate(merged, rows.dataName(), rows.modelName());
                    assertThat(actual)
                            .as("%s on %s in %d parts", gate.metric(), rows.dataName(), parts)
                            .usingRecursiveComparison()
                            .withEqualsForType(MergedRegressionGateTest::close, Double.class)
                            .isEqualTo(expected);
                    assertThat(actual.message()).isEqualTo(expected.message());
                }
            }
        }
        CheckResult mse = GATES.get(1).evaluate(summarized(skewed(400), 5), "skewed.csv", "predictions column 'p'");
        assertThat(mse.details().get("intervalMethod").toString())
                .contains("approximate here: the per-row values are skewed");
    }

    @Test
    void oneRowAndEqualLossesHaveNoInterval() {
        RegressionSummary one = new RegressionSummary();
        one.add(2.0, 1.0);
        CheckResult result = GATES.get(0).evaluate(one, "one.csv", "m");
        assertThat(result.interval()).isNull();
        assertThat(result.details()).containsEntry("noInterval", "one row has no spread to estimate");
        assertThat(result.message()).contains("no interval: one row has no spread to estimate");

        double[] actual = {1, 2, 3, 4};
        double[] predicted = {1.5, 2.5, 3.5, 4.5};
        Predictions equal = Predictions.regression("equal.csv", "m", actual, predicted);
        RegressionSummary summary = summarized(equal, 2);
        assertThat(GATES.get(0).evaluate(summary, "equal.csv", "m").message())
                .isEqualTo(GATES.get(0).evaluate(equal).message())
                .contains("every row's absolute error is 0.5000, so there is no spread to estimate");
    }

    @Test
    void aLabelMetricIsNotDecidedOnASummaryNorARegressionMetricOnCounts() {
        MetricGate accuracy =
                MetricGate.builder("acc", Metric.ACCURACY, Bound.AT_LEAST, 0.5).build();
        assertThatThrownBy(() -> accuracy.evaluate(new RegressionSummary(), "d", "m"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("acc: accuracy applies to classifiers; decide it on confusion counts, not on a regression"
                        + " summary");
        ConfusionMatrix counts = ConfusionMatrix.of(List.of("a", "b"), new long[][] {{1, 0}, {0, 1}});
        assertThatThrownBy(() -> GATES.get(0).evaluate(counts, "d", "m"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("mae: mean absolute error applies to regressors; decide it on a RegressionSummary, not on"
                        + " confusion counts");
    }

    /** The rows summarized twice as a distributed engine does: a first pass, then one centred on its means. */
    private static RegressionSummary twoPasses(Predictions rows, int parts) {
        RegressionSummary first = summarized(rows, parts);
        RegressionSummary[] pieces = new RegressionSummary[parts];
        for (int p = 0; p < parts; p++) {
            pieces[p] = RegressionSummary.centredOn(first);
        }
        for (int i = 0; i < rows.size(); i++) {
            pieces[(i * 7) % parts].add(rows.actualValue(i), rows.predictedValue(i));
        }
        RegressionSummary merged = RegressionSummary.centredOn(first);
        for (RegressionSummary piece : pieces) {
            merged.merge(piece);
        }
        return merged;
    }

    @Test
    void r2AndExplainedVarianceOnASecondPassGiveTheResultOfTheRows() {
        List<MetricGate> gates = List.of(
                MetricGate.builder("r2", Metric.R2, Bound.AT_LEAST, 0.9).build(),
                MetricGate.builder("r2 at 95%", Metric.R2, Bound.AT_LEAST, 0.5)
                        .confidence(0.95)
                        .build(),
                MetricGate.builder("r2, not forced finite", Metric.R2, Bound.AT_LEAST, 0.99)
                        .options(MetricOptions.defaults().withForceFinite(false))
                        .confidence(0.9)
                        .build(),
                MetricGate.builder("explained variance", Metric.EXPLAINED_VARIANCE, Bound.AT_LEAST, 0.95)
                        .confidence(0.95)
                        .build(),
                MetricGate.builder("mae", Metric.MAE, Bound.AT_MOST, 1.5).build());
        for (Predictions rows : List.of(skewed(400), linear(300))) {
            for (int parts : new int[] {1, 3, 8}) {
                RegressionSummary merged = twoPasses(rows, parts);
                for (MetricGate gate : gates) {
                    CheckResult expected = gate.evaluate(rows);
                    CheckResult actual = gate.evaluate(merged, rows.dataName(), rows.modelName());
                    assertThat(actual)
                            .as("%s on %s in %d parts", gate.metric(), rows.dataName(), parts)
                            .usingRecursiveComparison()
                            .withEqualsForType(MergedRegressionGateTest::close, Double.class)
                            .isEqualTo(expected);
                    assertThat(actual.message()).isEqualTo(expected.message());
                }
            }
        }
        CheckResult r2 = gates.get(1).evaluate(twoPasses(skewed(400), 3), "skewed.csv", "predictions column 'p'");
        assertThat(r2.details().get("intervalMethod").toString()).startsWith("delta method (log ratio), 400 rows");
        // R² near 0.57 on the skewed rows, near 1 on the linear ones: the gates pass, fail and cannot decide.
        assertThat(Stream.of(skewed(400), linear(300))
                        .flatMap(rows -> gates.stream().map(g -> g.evaluate(twoPasses(rows, 2), "d", "m"))))
                .extracting(CheckResult::verdict)
                .contains(Verdict.PASS, Verdict.FAIL, Verdict.INCONCLUSIVE);
    }

    @Test
    void constantTrueValuesGiveR2WithoutAnInterval() {
        double[] actual = {3, 3, 3, 3};
        double[] predicted = {2.5, 3.5, 3, 3.25};
        Predictions constant = Predictions.regression("constant.csv", "m", actual, predicted);
        MetricGate r2 = MetricGate.builder("r2", Metric.R2, Bound.AT_LEAST, 0.5).build();
        CheckResult expected = r2.evaluate(constant);
        assertThat(r2.evaluate(twoPasses(constant, 2), "constant.csv", "m"))
                .usingRecursiveComparison()
                .isEqualTo(expected);
        assertThat(expected.details().get("noInterval").toString()).startsWith("every true value is the same");
    }

    @Test
    void r2NeedsTheSecondPassForItsInterval() {
        MetricGate r2 = MetricGate.builder("r2", Metric.R2, Bound.AT_LEAST, 0.5).build();
        assertThat(r2.notFromMergedState()).isEmpty();
        RegressionSummary first = summarized(linear(50), 2);
        assertThat(Metrics.sample(first, Metric.R2, MetricOptions.defaults()).value())
                .isCloseTo(Metrics.compute(linear(50), Metric.R2, MetricOptions.defaults()), within(1e-12));
        assertThatThrownBy(() -> r2.evaluate(first, "d", "m"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("R²'s delta-method interval needs its terms centred on the means of all rows: a second"
                        + " pass over them into RegressionSummary.centredOn(first)");
        assertThatThrownBy(() -> first.merge(RegressionSummary.centredOn(first)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("summaries of different passes do not merge");
        assertThatThrownBy(() -> Metrics.sample(first, Metric.MEDIAN_ABSOLUTE_ERROR, MetricOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("median absolute error is not computed from a regression summary");
    }

    @Test
    void aSummaryRefusesValuesThatAreNotFinite() {
        RegressionSummary summary = new RegressionSummary();
        assertThatThrownBy(() -> summary.add(Double.NaN, 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a row of a regression summary needs finite values, got NaN and 1.0");
        assertThat(summary.count()).isZero();
    }

    /** The gates on a mean of a per-row loss with a parameter or a domain, two of them on one metric. */
    private static final List<MetricGate> LOSS_GATES = List.of(
            MetricGate.builder("msle", Metric.MEAN_SQUARED_LOG_ERROR, Bound.AT_MOST, 0.001)
                    .confidence(0.95)
                    .build(),
            MetricGate.builder("rmsle", Metric.ROOT_MEAN_SQUARED_LOG_ERROR, Bound.AT_MOST, 0.05)
                    .build(),
            MetricGate.builder("pinball 0.9", Metric.MEAN_PINBALL_LOSS, Bound.AT_MOST, 0.5)
                    .options(MetricOptions.defaults().withAlpha(0.9))
                    .confidence(0.9)
                    .build(),
            MetricGate.builder("pinball 0.3", Metric.MEAN_PINBALL_LOSS, Bound.AT_MOST, 0.5)
                    .options(MetricOptions.defaults().withAlpha(0.3))
                    .build(),
            MetricGate.builder("poisson", Metric.MEAN_POISSON_DEVIANCE, Bound.AT_MOST, 0.02)
                    .confidence(0.95)
                    .build(),
            MetricGate.builder("gamma", Metric.MEAN_GAMMA_DEVIANCE, Bound.AT_MOST, 0.001)
                    .build(),
            MetricGate.builder("gamma exact", Metric.MEAN_GAMMA_DEVIANCE, Bound.AT_MOST, 0.001)
                    .interval(IntervalMethod.EXACT)
                    .confidence(0.9)
                    .build(),
            MetricGate.builder("tweedie 1.5", Metric.MEAN_TWEEDIE_DEVIANCE, Bound.AT_MOST, 0.01)
                    .options(MetricOptions.defaults().withPower(1.5))
                    .confidence(0.95)
                    .build());

    /** The rows summarized in {@code parts} pieces, each registering the loss of every gate. */
    private static RegressionSummary withLosses(Predictions rows, int parts, List<MetricGate> gates) {
        RegressionSummary[] pieces = new RegressionSummary[parts];
        for (int p = 0; p < parts; p++) {
            pieces[p] = registered(new RegressionSummary(), gates);
        }
        for (int i = 0; i < rows.size(); i++) {
            pieces[(i * i) % parts].add(rows.actualValue(i), rows.predictedValue(i));
        }
        RegressionSummary merged = registered(new RegressionSummary(), gates);
        for (int p = parts - 1; p >= 0; p--) {
            merged.merge(pieces[p]);
        }
        return merged;
    }

    private static RegressionSummary registered(RegressionSummary summary, List<MetricGate> gates) {
        for (MetricGate gate : gates) {
            if (Metrics.fromRegressionLoss(gate.metric())) {
                summary.withLoss(gate.metric(), gate.options());
            }
        }
        return summary;
    }

    /**
     * The skewed rows with predictions off by an irrational share: the skewed rows' pinball losses are multiples of
     * 1e-5 whose mean sits on a tie of the printed 4 decimals, which summation order then rounds either way.
     */
    private static Predictions skewedIrregular(int n) {
        Predictions rows = skewed(n);
        double[] predicted = rows.predictedValues();
        for (int i = 0; i < n; i++) {
            predicted[i] *= 1 + Math.sqrt(2) * 1e-5;
        }
        return Predictions.regression("skewed.csv", rows.modelName(), rows.actualValues(), predicted);
    }

    @Test
    void theMeansOfRegisteredLossesGiveTheResultOfTheRows() {
        for (Predictions rows : List.of(skewedIrregular(400), linear(300))) {
            for (int parts : new int[] {1, 3, 8}) {
                RegressionSummary merged = withLosses(rows, parts, LOSS_GATES);
                for (MetricGate gate : LOSS_GATES) {
                    assertThat(gate.notFromMergedState()).isEmpty();
                    CheckResult expected = gate.evaluate(rows);
                    CheckResult actual = gate.evaluate(merged, rows.dataName(), rows.modelName());
                    assertThat(actual)
                            .as("%s on %s in %d parts", gate.metric(), rows.dataName(), parts)
                            .usingRecursiveComparison()
                            .withEqualsForType(MergedRegressionGateTest::close, Double.class)
                            .isEqualTo(expected);
                    assertThat(actual.message()).isEqualTo(expected.message());
                }
            }
        }
        assertThat(Stream.of(skewedIrregular(400), linear(300))
                        .flatMap(rows ->
                                LOSS_GATES.stream().map(g -> g.evaluate(withLosses(rows, 2, LOSS_GATES), "d", "m"))))
                .extracting(CheckResult::verdict)
                .contains(Verdict.PASS, Verdict.FAIL);
    }

    @Test
    void aLossOutsideItsDomainIsRefusedAsTheRowsRefuseIt() {
        double[] actual = {1, -2, 3, -0.5};
        double[] predicted = {1.5, 2, 3.5, 4};
        Predictions rows = Predictions.regression("neg.csv", "predictions column 'p'", actual, predicted);
        MetricGate msle = LOSS_GATES.get(0);
        assertThatThrownBy(() -> msle.evaluate(rows))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("Mean Squared Logarithmic Error cannot be used when targets contain negative");
        RegressionSummary merged = withLosses(rows, 2, LOSS_GATES);
        assertThatThrownBy(() -> msle.evaluate(merged, "neg.csv", "predictions column 'p'"))
                .isInstanceOf(ModelException.class)
                .hasMessage("data set neg.csv, the true values: 2 rows hold a true value outside the domain, the"
                        + " smallest -2; mean squared log error needs values of at least 0 (scikit-learn: \"Mean"
                        + " Squared Logarithmic Error cannot be used when targets contain negative values.\") (model"
                        + " predictions column 'p')");
        // The pinball loss has no domain: its gate is decided on the same rows.
        assertThat(LOSS_GATES.get(3).evaluate(merged, "neg.csv", "predictions column 'p'"))
                .usingRecursiveComparison()
                .withEqualsForType(MergedRegressionGateTest::close, Double.class)
                .isEqualTo(LOSS_GATES.get(3).evaluate(rows));

        double[] zeroPredicted = {1.5, 2, 0, 4};
        double[] positive = {1, 2, 3, 0.5};
        Predictions zero = Predictions.regression("zero.csv", "predictions column 'p'", positive, zeroPredicted);
        MetricGate gamma = LOSS_GATES.get(6);
        assertThatThrownBy(() -> gamma.evaluate(withLosses(zero, 3, LOSS_GATES), "zero.csv", "predictions column 'p'"))
                .isInstanceOf(ModelException.class)
                .hasMessage("predictions column 'p': 1 row holds a predicted value outside the domain, the smallest 0;"
                        + " mean Gamma deviance (power 2) needs true and predicted values above 0 (scikit-learn:"
                        + " \"Mean Tweedie deviance error with power=2 can only be used on strictly positive y and"
                        + " y_pred.\") (model predictions column 'p')");
        assertThatThrownBy(() -> Metrics.sample(
                        withLosses(zero, 1, LOSS_GATES), Metric.MEAN_POISSON_DEVIANCE, MetricOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the predicted values: 1 row holds a predicted value outside the domain");
    }

    @Test
    void aLossIsRegisteredBeforeTheRows() {
        RegressionSummary summary = new RegressionSummary();
        summary.add(1, 2);
        assertThatThrownBy(() -> LOSS_GATES.get(1).evaluate(summary, "d", "m"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("root mean squared log error's per-row loss is not in this summary: register it with"
                        + " withLoss(metric, options) before the rows are added");
        assertThatThrownBy(() -> summary.withLoss(Metric.MEAN_SQUARED_LOG_ERROR, MetricOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a loss is registered before the first row");
        assertThatThrownBy(() -> new RegressionSummary().withLoss(Metric.MAE, MetricOptions.defaults()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("mean absolute error is not a mean of a per-row loss with a parameter");
        RegressionSummary pinball =
                new RegressionSummary().withLoss(Metric.MEAN_PINBALL_LOSS, MetricOptions.defaults());
        assertThatThrownBy(() -> pinball.merge(new RegressionSummary()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("summaries of different losses do not merge");
    }

    private static boolean close(Double a, Double b) {
        return a.equals(b) || Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
    }
}
