package dev.modeltest.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
import dev.modeltest.error.ModelException;
import dev.modeltest.gate.Bound;
import dev.modeltest.gate.MetricGate;
import dev.modeltest.metrics.IntervalMethod;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricOptions;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/**
 * The means of losses with a domain refuse, as in memory, rows outside it: a negative value for the squared log error,
 * a true value of 0 or a predicted value of 0 or less for a deviance. On Spark the message names the column and counts
 * the rows (where in memory it names the first row), with the in-memory engine's rule; the other gates on the same
 * rows are unaffected. A loss gate on a missing column or with a bootstrap interval is refused before any job.
 */
class SparkLossesBadInputTest {

    private static final StructType VALUES =
            new StructType().add("y", DataTypes.DoubleType).add("p", DataTypes.DoubleType);

    private static Dataset<Row> rows(Row... rows) {
        return LocalSpark.session().createDataFrame(Arrays.asList(rows), VALUES);
    }

    private static final MetricGate MSLE = MetricGate.builder("msle", Metric.MEAN_SQUARED_LOG_ERROR, Bound.AT_MOST, 0.1)
            .build();

    @Test
    void aNegativeTrueValueFailsTheSquaredLogErrorNamingTheLabelColumn() {
        Dataset<Row> negative = rows(
                RowFactory.create(1.0, 1.5),
                RowFactory.create(-2.0, 2.0),
                RowFactory.create(3.0, 3.5),
                RowFactory.create(-0.5, 4.0));
        assertThatThrownBy(() -> SparkGates.evaluate(negative, "scores", "y", "p", MSLE))
                .isInstanceOf(ModelException.class)
                .hasMessage("data set scores, label column 'y': 2 rows hold a true value outside the domain, the"
                        + " smallest -2; mean squared log error needs values of at least 0 (scikit-learn: \"Mean"
                        + " Squared Logarithmic Error cannot be used when targets contain negative values.\") (model"
                        + " predictions column 'p')");
        MetricGate rmsle = MetricGate.builder("rmsle", Metric.ROOT_MEAN_SQUARED_LOG_ERROR, Bound.AT_MOST, 0.1)
                .build();
        assertThatThrownBy(() -> SparkGates.evaluate(negative, "scores", "y", "p", rmsle))
                .isInstanceOf(ModelException.class)
                .hasMessageContaining("root mean squared log error needs values of at least 0");
    }

    @Test
    void aPredictionOutsideTheDomainIsNamedByItsColumn() {
        Dataset<Row> zero = rows(
                RowFactory.create(1.0, 1.5),
                RowFactory.create(2.0, 0.0),
                RowFactory.create(3.0, -1.25),
                RowFactory.create(0.5, 4.0));
        MetricGate poisson = MetricGate.builder("poisson", Metric.MEAN_POISSON_DEVIANCE, Bound.AT_MOST, 1)
                .build();
        assertThatThrownBy(() -> SparkGates.evaluate(zero, "scores", "y", "p", poisson))
                .isInstanceOf(ModelException.class)
                .hasMessage("data set scores, predictions column 'p': 2 rows hold a predicted value outside the domain,"
                        + " the smallest -1.25; mean Poisson deviance (power 1) needs true values of at least 0 and"
                        + " predicted values above 0 (scikit-learn: \"Mean Tweedie deviance error with power=1 can only"
                        + " be used on non-negative y and strictly positive y_pred.\") (model predictions column 'p')");
        MetricGate tweedie = MetricGate.builder("tweedie", Metric.MEAN_TWEEDIE_DEVIANCE, Bound.AT_MOST, 1)
                .options(MetricOptions.defaults().withPower(3))
                .build();
        Dataset<Row> zeroTrue = rows(RowFactory.create(0.0, 1.5), RowFactory.create(2.0, 1.0));
        assertThatThrownBy(() -> SparkGates.evaluate(zeroTrue, "scores", "y", "p", tweedie))
                .isInstanceOf(ModelException.class)
                .hasMessage("data set scores, label column 'y': 1 row holds a true value outside the domain, the"
                        + " smallest 0; mean Tweedie deviance (power 3) needs true and predicted values above 0"
                        + " (scikit-learn: \"Mean Tweedie deviance error with power=3 can only be used on strictly"
                        + " positive y and y_pred.\") (model predictions column 'p')");
    }

    @Test
    void aLossWithoutADomainIsDecidedOnTheSameRows() {
        Dataset<Row> negative =
                rows(RowFactory.create(1.0, 1.5), RowFactory.create(-2.0, 2.0), RowFactory.create(3.0, 3.5));
        MetricGate pinball = MetricGate.builder("pinball", Metric.MEAN_PINBALL_LOSS, Bound.AT_MOST, 5)
                .options(MetricOptions.defaults().withAlpha(0.25))
                .build();
        MetricGate mae = MetricGate.builder("mae", Metric.MAE, Bound.AT_MOST, 5).build();
        List<CheckResult> results = SparkGates.evaluate(negative, "scores", "y", "p", pinball, mae);
        // r = y − p = −0.5, −4, −0.5: every row under-predicted, so each pinball term at alpha 0.25 is 0.75·|r|.
        assertThat(results.get(0).measured()).isEqualTo(0.75 * 5 / 3, org.assertj.core.api.Assertions.within(1e-15));
        assertThat(results.get(1).measured()).isEqualTo(5.0 / 3, org.assertj.core.api.Assertions.within(1e-15));
    }

    @Test
    void aLossGateOnAMissingColumnOrWithABootstrapIsRefusedBeforeAnyJob() {
        Dataset<Row> values = rows(RowFactory.create(1.0, 1.5));
        assertThatThrownBy(() -> SparkGates.evaluate(values, "scores", "y", "prediction", MSLE))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("data set scores has no predictions column 'prediction'; its columns are y, p");
        MetricGate bootstrap = MetricGate.builder("gamma", Metric.MEAN_GAMMA_DEVIANCE, Bound.AT_MOST, 1)
                .interval(IntervalMethod.BOOTSTRAP)
                .build();
        assertThatThrownBy(() -> SparkGates.evaluate(values, "scores", "y", "p", bootstrap))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("gamma: interval BOOTSTRAP resamples the rows, which data merged from elsewhere do not"
                        + " have yet; use AUTO or EXACT");
    }

    @Test
    void aMissingValueFailsBeforeTheDomainIsLookedAt() {
        Dataset<Row> withNull = rows(RowFactory.create(-1.0, 1.5), RowFactory.create(null, 2.0));
        assertThatThrownBy(() -> SparkGates.evaluate(withNull, "scores", "y", "p", MSLE))
                .isInstanceOf(DataException.class)
                .hasMessage("data set scores, label column 'y': 1 row is empty (null)");
    }
}
