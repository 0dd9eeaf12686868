package dev.modeltest.spark;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.gate.Bound;
import dev.modeltest.gate.MetricGate;
import dev.modeltest.metrics.IntervalMethod;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricOptions;
import dev.modeltest.metrics.Metrics;
import dev.modeltest.model.Predictions;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Subject;
import dev.modeltest.subject.SubjectSpec;
import dev.modeltest.subject.TaskHint;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * MAE, MSE, RMSE, MAPE, R², explained variance and the means of the losses with a parameter or a domain (squared log
 * error and its root, pinball loss, Poisson, Gamma and Tweedie deviance) on Spark equal the in-memory engine's: the value and the interval's
 * bounds within a relative 1e-12 (sums in another order), and everything else (verdict, message, Student-t or delta
 * method interval with its skewness caveat, details) exactly, whatever the partitioning. The data are the metric goldens' regression sets.
 */
class SparkRegressionEqualityTest {

    private static final String GOLDEN = "../modeltest-core/src/test/resources/golden/metrics/";

    private static final List<String> FILES = List.of("regression.csv", "counts.csv", "positive.csv");

    private static final List<String> PARTITIONINGS = List.of(
            "as read",
            "shuffled by seed 2 into 4 partitions",
            "shuffled by seed 5 into 7 partitions",
            "all rows in one of 9 partitions, 8 of them empty");

    private static Dataset<Row> partition(Dataset<Row> rows, String partitioning) {
        return switch (partitioning) {
            case "as read" -> rows;
            case "shuffled by seed 2 into 4 partitions" ->
                rows.repartition(4, functions.rand(2)).sortWithinPartitions(functions.rand(3));
            case "shuffled by seed 5 into 7 partitions" ->
                rows.repartition(7, functions.rand(5)).sortWithinPartitions(functions.rand(6));
            case "all rows in one of 9 partitions, 8 of them empty" -> rows.repartition(9, functions.lit(1));
            default -> throw new IllegalArgumentException(partitioning);
        };
    }

    /**
     * The gates, with thresholds set from the file's own in-memory values so that each file passes some, fails some
     * and leaves one inconclusive. MAPE only where no true value is 0: a 0 makes a row's relative error |r|/ε, about
     * 4.5e15, and the value and bounds then carry more printed digits than a double's sums hold in any order.
     */
    private static List<MetricGate> gates(String file, Predictions inMemory) {
        double mae = Metrics.compute(inMemory, Metric.MAE, MetricOptions.defaults());
        double mse = Metrics.compute(inMemory, Metric.MSE, MetricOptions.defaults());
        double rmse = Math.sqrt(mse);
        List<MetricGate> gates = new ArrayList<>(List.of(
                MetricGate.builder("mae", Metric.MAE, Bound.AT_MOST, round(2 * mae))
                        .build(),
                MetricGate.builder("mse", Metric.MSE, Bound.AT_MOST, round(0.5 * mse))
                        .build(),
                MetricGate.builder("rmse at 95%", Metric.RMSE, Bound.AT_MOST, round(1.02 * rmse))
                        .confidence(0.95)
                        .build(),
                MetricGate.builder("mae exact at 90%", Metric.MAE, Bound.AT_MOST, round(1.5 * mae))
                        .confidence(0.9)
                        .interval(IntervalMethod.EXACT)
                        .build()));
        double r2 = Metrics.compute(inMemory, Metric.R2, MetricOptions.defaults());
        double explained = Metrics.compute(inMemory, Metric.EXPLAINED_VARIANCE, MetricOptions.defaults());
        gates.add(MetricGate.builder("r2", Metric.R2, Bound.AT_LEAST, round(r2 - 0.05))
                .build());
        gates.add(MetricGate.builder("r2 at 95%", Metric.R2, Bound.AT_LEAST, round(r2 - 0.01))
                .confidence(0.95)
                .build());
        gates.add(MetricGate.builder(
                        "explained variance at 90%",
                        Metric.EXPLAINED_VARIANCE, Bound.AT_LEAST, round(Math.min(explained + 0.2, 1)))
                .confidence(0.9)
                .build());
        gates.addAll(lossGates(file, inMemory));
        if (file.equals("positive.csv")) {
            double mape = Metrics.compute(inMemory, Metric.MAPE, MetricOptions.defaults());
            gates.add(MetricGate.builder("mape", Metric.MAPE, Bound.AT_MOST, round(1.1 * mape))
                    .build());
        }
        return gates;
    }

    /**
     * The means of per-row losses with a parameter or a domain, where the file's values are in the domain: the pinball
     * loss (any value) and the Tweedie deviance of power 0 everywhere; the squared log error, its root and the Poisson
     * and Tweedie (power 1.5) deviances on the files without negative values; the Gamma deviance where every value is
     * above 0.
     */
    private static List<MetricGate> lossGates(String file, Predictions inMemory) {
        List<MetricGate> gates = new ArrayList<>();
        gates.add(lossGate(
                "pinball 0.9",
                Metric.MEAN_PINBALL_LOSS,
                MetricOptions.defaults().withAlpha(0.9),
                inMemory,
                1.5,
                0.95));
        gates.add(lossGate("pinball", Metric.MEAN_PINBALL_LOSS, MetricOptions.defaults(), inMemory, 0.8, 0));
        gates.add(lossGate(
                "tweedie 0",
                Metric.MEAN_TWEEDIE_DEVIANCE,
                MetricOptions.defaults().withPower(0),
                inMemory,
                1.03,
                0.9));
        if (file.equals("regression.csv")) {
            return gates;
        }
        gates.add(lossGate("msle", Metric.MEAN_SQUARED_LOG_ERROR, MetricOptions.defaults(), inMemory, 1.2, 0.95));
        gates.add(lossGate("rmsle", Metric.ROOT_MEAN_SQUARED_LOG_ERROR, MetricOptions.defaults(), inMemory, 0.9, 0));
        gates.add(lossGate("poisson", Metric.MEAN_POISSON_DEVIANCE, MetricOptions.defaults(), inMemory, 1.02, 0.9));
        gates.add(lossGate(
                "tweedie 1.5",
                Metric.MEAN_TWEEDIE_DEVIANCE,
                MetricOptions.defaults().withPower(1.5),
                inMemory,
                2,
                0));
        if (file.equals("positive.csv")) {
            gates.add(lossGate("gamma", Metric.MEAN_GAMMA_DEVIANCE, MetricOptions.defaults(), inMemory, 0.7, 0.95));
        }
        return gates;
    }

    /** An at-most gate at {@code factor} times the in-memory value (two decimals), deciding on the interval when asked. */
    private static MetricGate lossGate(
            String title,
            Metric metric,
            MetricOptions options,
            Predictions inMemory,
            double factor,
            double confidence) {
        double value = Metrics.compute(inMemory, metric, options);
        MetricGate.Builder gate = MetricGate.builder(
                        title, metric, Bound.AT_MOST, Math.max(0.01, round(factor * value)))
                .options(options);
        if (confidence > 0) {
            gate = gate.confidence(confidence);
        }
        return gate.build();
    }

    /** A threshold as a user writes one: two decimals. */
    private static double round(double v) {
        return Math.round(v * 100) / 100.0;
    }

    static Stream<Arguments> cases() {
        List<Arguments> out = new ArrayList<>();
        for (String file : FILES) {
            for (String partitioning : PARTITIONINGS) {
                out.add(Arguments.of(file, partitioning));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0}, {1}")
    @MethodSource("cases")
    void everyGateGivesTheInMemoryResult(String file, String partitioning) {
        Predictions inMemory = inMemory(file);
        Dataset<Row> rows = partition(read(file), partitioning);
        List<MetricGate> gates = gates(file, inMemory);

        List<CheckResult> onSpark =
                SparkGates.evaluate(rows, file, "actual", "predicted", gates.toArray(MetricGate[]::new));

        for (int i = 0; i < gates.size(); i++) {
            CheckResult expected = gates.get(i).evaluate(inMemory);
            assertThat(onSpark.get(i))
                    .usingRecursiveComparison()
                    .withEqualsForType(SparkRegressionEqualityTest::close, Double.class)
                    .as("%s on %s, %s", gates.get(i).metric(), file, partitioning)
                    .isEqualTo(expected);
            assertThat(onSpark.get(i).message()).isEqualTo(expected.message());
        }
        assertThat(onSpark).extracting(CheckResult::interval).doesNotContainNull();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void theDataSetsPassSomeGatesFailOthersAndLeaveOneOpen(String file) {
        List<CheckResult> results = SparkGates.evaluate(
                read(file),
                file,
                "actual",
                "predicted",
                gates(file, inMemory(file)).toArray(MetricGate[]::new));
        assertThat(results).extracting(CheckResult::verdict).contains(Verdict.PASS, Verdict.FAIL, Verdict.INCONCLUSIVE);
    }

    /**
     * On the golden regression set (4 negative true values and 2 of 0, 10 predictions below 0) the squared log error
     * (4 rows) and the Gamma deviance (6 rows) fail as in memory: a {@code ModelException} with the in-memory engine's rule and model; Spark
     * names the column and counts the rows where memory names the first row.
     */
    @org.junit.jupiter.api.Test
    void aLossOutsideItsDomainFailsAsInMemory() {
        Predictions inMemory = inMemory("regression.csv");
        MetricGate msle = MetricGate.builder("msle", Metric.MEAN_SQUARED_LOG_ERROR, Bound.AT_MOST, 1)
                .build();
        MetricGate gamma = MetricGate.builder("gamma", Metric.MEAN_GAMMA_DEVIANCE, Bound.AT_MOST, 1)
                .build();
        for (MetricGate gate : List.of(msle, gamma)) {
            int rows = gate == msle ? 4 : 6;
            Throwable expected = org.assertj.core.api.Assertions.catchThrowable(() -> gate.evaluate(inMemory));
            assertThat(expected).isInstanceOf(dev.modeltest.error.ModelException.class);
            String rule = expected.getMessage().substring(expected.getMessage().indexOf("; "));
            for (String partitioning : PARTITIONINGS) {
                org.assertj.core.api.Assertions.assertThatThrownBy(() -> SparkGates.evaluate(
                                partition(read("regression.csv"), partitioning),
                                "regression.csv",
                                "actual",
                                "predicted",
                                gate))
                        .isInstanceOf(dev.modeltest.error.ModelException.class)
                        .hasMessage("data set regression.csv, label column 'actual': " + rows + " rows hold a true"
                                + " value outside the domain, the smallest -13" + rule);
            }
        }
    }

    static Stream<String> files() {
        return FILES.stream();
    }

    /** Equal within a relative 1e-12: sums over the rows in another order. */
    private static boolean close(Double a, Double b) {
        if (a.equals(b)) {
            return true;
        }
        return Math.abs(a - b) <= 1e-12 * Math.max(Math.abs(a), Math.abs(b));
    }

    private static Predictions inMemory(String file) {
        SubjectSpec spec = new SubjectSpec(
                "SparkRegressionEqualityTest",
                GOLDEN + file,
                "actual",
                new ModelSource.Columns("predicted", List.of()),
                List.of(),
                TaskHint.REGRESSION);
        return Subject.of(spec).predictions();
    }

    private static final Map<String, Dataset<Row>> READ = new ConcurrentHashMap<>();

    /** Each file read once with its numeric columns typed, kept in memory for the other cases. */
    private static Dataset<Row> read(String file) {
        return READ.computeIfAbsent(
                file,
                f -> LocalSpark.session()
                        .read()
                        .option("header", "true")
                        .option("inferSchema", "true")
                        .csv(GOLDEN + f)
                        .cache());
    }
}
