package dev.modeltest.spark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.modeltest.junit.AccuracyAtLeast;
import dev.modeltest.junit.F1AtLeast;
import dev.modeltest.junit.LatencyUnder;
import dev.modeltest.junit.MaeAtMost;
import dev.modeltest.junit.ModelTest;
import dev.modeltest.junit.NoConflictingLabels;
import dev.modeltest.junit.NoDrift;
import dev.modeltest.junit.RecallAtLeast;
import dev.modeltest.model.Predictions;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/**
 * {@code @ModelTest(data = "spark:...")} through the JUnit extension: the gates decided on Spark pass and fail with the
 * in-memory engine's messages, from Parquet, CSV and a catalog table, on the session the project configures; bad input
 * fails naming it, before any job where Spark can tell. The fixtures read files written here into target/.
 */
class ModelTestOnSparkTest {

    static final String DIR = "target/spark-junit";

    private static final StructType SCHEMA = new StructType()
            .add("label", DataTypes.StringType)
            .add("prediction", DataTypes.StringType)
            .add("p_fraud", DataTypes.DoubleType);

    /** The 400 rows of docs/spark.md: 310 right, of which fraud recall 120 of 200. */
    @BeforeAll
    static void writeScores() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            rows.addAll(copies("ok", "ok", 0.1, 95));
            rows.addAll(copies("ok", "fraud", 0.7, 5));
            rows.addAll(copies("fraud", "fraud", 0.8, 60));
            rows.addAll(copies("fraud", "ok", 0.3, 40));
        }
        SparkSession spark = LocalSpark.session();
        var scores = spark.createDataFrame(rows, SCHEMA);
        scores.repartition(3).write().mode(SaveMode.Overwrite).parquet(DIR + "/scores.parquet");
        spark.createDataFrame(List.of(), SCHEMA)
                .write()
                .mode(SaveMode.Overwrite)
                .parquet(DIR + "/empty.parquet");
        scores.createOrReplaceTempView("nightly_scores");
        List<String> csv = new ArrayList<>(List.of("label,prediction,p_fraud"));
        rows.forEach(r -> csv.add(r.getString(0) + "," + r.getString(1) + "," + r.getDouble(2)));
        Files.write(Path.of(DIR, "scores.csv"), csv);
    }

    private static List<Row> copies(String label, String prediction, double score, int n) {
        Row[] out = new Row[n];
        Arrays.fill(out, RowFactory.create(label, prediction, score));
        return Arrays.asList(out);
    }

    static EngineExecutionResults run(Class<?> fixture) {
        return run(fixture, Map.of());
    }

    static EngineExecutionResults run(Class<?> fixture, Map<String, String> configuration) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("modeltest.output.dir", "target/modeltest-fixtures")
                .configurationParameter("modeltest.spark.master", "local[2]")
                .configurationParameters(configuration)
                .selectors(selectClass(fixture))
                .execute();
    }

    /** Returns each test's outcome: its method name, then "passed" or the message of what it threw. */
    static Map<String, String> outcomes(EngineExecutionResults results) {
        return results.testEvents().finished().stream()
                .collect(Collectors.toMap(
                        e -> e.getTestDescriptor().getDisplayName().replaceAll("\\(.*\\)", ""),
                        ModelTestOnSparkTest::outcome));
    }

    private static String outcome(Event event) {
        TestExecutionResult result = event.getRequiredPayload(TestExecutionResult.class);
        return result.getThrowable()
                .map(t -> t.getClass().getSimpleName() + ": " + t.getMessage())
                .orElse(result.getStatus().name());
    }

    private static final String FAILED_ACCURACY = "AssertionFailedError: Expecting model accuracy on %s (n=400):%n"
            + "  0.7750 (95%% CI 0.7316–0.8132, 310 of 400 right)%n"
            + "to be at least:%n"
            + "  0.9000%n"
            + "but it was 0.1250 below.";

    @ModelTest(
            data = "spark:" + DIR + "/scores.parquet",
            label = "label",
            predictions = "prediction",
            scores = "p_fraud")
    static class ParquetTestCase {
        @AccuracyAtLeast(0.75)
        void accurateEnough() {}

        @AccuracyAtLeast(0.9)
        void accurate() {}

        @RecallAtLeast(value = 0.55, positiveLabel = "fraud")
        void findsFraud() {}
    }

    @Test
    void gatesAParquetPathPassingAndFailingWithTheInMemoryMessages() {
        assertThat(outcomes(run(ParquetTestCase.class)))
                .containsOnly(
                        Map.entry("accurateEnough", "SUCCESSFUL"),
                        Map.entry("findsFraud", "SUCCESSFUL"),
                        Map.entry("accurate", String.format(FAILED_ACCURACY, DIR + "/scores.parquet")));
    }

    @Test
    void writesTheRunRecordAsForAnyModelTest() throws Exception {
        run(ParquetTestCase.class);
        Path record = Path.of("target/modeltest-fixtures/runs/ModelTestOnSparkTest.ParquetTestCase.json");
        try (var files = Files.walk(Path.of("target/modeltest-fixtures"))) {
            record = files.filter(f -> f.getFileName().toString().contains("ParquetTestCase")
                            && f.toString().endsWith(".json")
                            && !f.toString().contains("history"))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no run record of ParquetTestCase"));
        }
        assertThat(Files.readString(record))
                .contains("\"verdict\" : \"FAIL\"", "\"verdict\" : \"PASS\"", "spark:" + DIR + "/scores.parquet");
    }

    @Test
    void theModelPageAndCardSayTheDataWasReadOnSpark() throws Exception {
        run(ParquetTestCase.class);
        String page = Files.readString(Path.of(
                "target/modeltest-fixtures/pages/dev.modeltest.spark.ModelTestOnSparkTest$ParquetTestCase.html"));
        String card = Files.readString(Path.of(
                "target/modeltest-fixtures/model-cards/dev.modeltest.spark.ModelTestOnSparkTest$ParquetTestCase.md"));

        assertThat(page)
                .contains("<p id=\"data-elsewhere\">The test data stays where it lives: the spark engine read it and"
                        + " decided the checks there, so this page draws and profiles none of it.</p>")
                .contains("spark:" + DIR + "/scores.parquet (read by the spark engine where it lives)")
                .doesNotContain("data-problem");
        assertThat(card).contains("spark:" + DIR + "/scores.parquet (read by the spark engine where it lives)");
    }

    @ModelTest(data = "spark:" + DIR + "/scores.csv", label = "label", predictions = "prediction")
    static class CsvTestCase {
        @AccuracyAtLeast(0.9)
        void accurate() {}

        @RecallAtLeast(value = 0.65, positiveLabel = "fraud", confidence = 0.95)
        void findsFraud() {}
    }

    /** The same file and gates, read into the JVM by the in-memory engine. */
    @ModelTest(data = DIR + "/scores.csv", label = "label", predictions = "prediction")
    static class InMemoryCsvTestCase extends CsvTestCase {}

    @Test
    void failsWithTheInMemoryEnginesMessagesOnTheSameFile() {
        Map<String, String> inMemory = outcomes(run(InMemoryCsvTestCase.class));
        Map<String, String> onSpark = outcomes(run(CsvTestCase.class));
        assertThat(onSpark).hasSize(2);
        assertThat(onSpark.get("findsFraud")).startsWith("AssertionFailedError: Expecting model recall");
        // Spark names the data by its location, the in-memory engine by its file name.
        onSpark.replaceAll((test, outcome) -> outcome.replace(DIR + "/scores.csv", "scores.csv"));
        assertThat(onSpark).isEqualTo(inMemory);
    }

    @ModelTest(data = "spark:table:nightly_scores", label = "label", predictions = "prediction")
    static class TableTestCase {
        @AccuracyAtLeast(0.9)
        void accurate() {}

        @RecallAtLeast(value = 0.55, positiveLabel = "fraud")
        void findsFraud() {}
    }

    @Test
    void gatesACsvPathAndACatalogTableAlike() {
        assertThat(outcomes(run(CsvTestCase.class)))
                .containsEntry("accurate", String.format(FAILED_ACCURACY, DIR + "/scores.csv"));
        assertThat(outcomes(run(TableTestCase.class)))
                .containsOnly(
                        Map.entry("accurate", String.format(FAILED_ACCURACY, "nightly_scores")),
                        Map.entry("findsFraud", "SUCCESSFUL"));
    }

    /** A session configured in code, by the project. */
    static final class ProjectSession implements Supplier<SparkSession> {
        static final AtomicInteger CALLS = new AtomicInteger();

        @Override
        public SparkSession get() {
            CALLS.incrementAndGet();
            return LocalSpark.session();
        }
    }

    @Test
    void runsOnTheSessionOfTheProjectsSupplierClass() {
        int before = ProjectSession.CALLS.get();
        Map<String, String> outcomes =
                outcomes(run(TableTestCase.class, Map.of("modeltest.spark.session", ProjectSession.class.getName())));
        assertThat(outcomes).containsEntry("findsFraud", "SUCCESSFUL");
        // One session per class, opened by its first check.
        assertThat(ProjectSession.CALLS.get()).isEqualTo(before + 1);
    }

    @Test
    void aSupplierThatIsNoSupplierIsAConfigurationError() {
        assertThat(outcomes(run(TableTestCase.class, Map.of("modeltest.spark.session", String.class.getName()))))
                .containsEntry(
                        "accurate",
                        "ExtensionConfigurationException: configuration parameter modeltest.spark.session ="
                                + " java.lang.String: must implement java.util.function.Supplier<SparkSession>");
        assertThat(outcomes(run(TableTestCase.class, Map.of("modeltest.spark.session", "com.acme.NoSuchSession"))))
                .containsEntry(
                        "accurate",
                        "ExtensionConfigurationException: configuration parameter modeltest.spark.session ="
                                + " com.acme.NoSuchSession: no such class on the test class path");
    }

    @ModelTest(data = "spark:" + DIR + "/missing.parquet", label = "label", predictions = "prediction")
    static class MissingPathTestCase {
        @AccuracyAtLeast(0.9)
        void accurate() {}
    }

    @ModelTest(data = "spark:table:nightly_socres", label = "label", predictions = "prediction")
    static class MissingTableTestCase {
        @AccuracyAtLeast(0.9)
        void accurate() {}
    }

    @Test
    void aMissingPathOrTableIsNamed() {
        String path = outcomes(run(MissingPathTestCase.class)).get("accurate");
        assertThat(path)
                .startsWith("DataException: @ModelTest on MissingPathTestCase: 'data' = 'spark:" + DIR
                        + "/missing.parquet': Parquet path '" + DIR + "/missing.parquet' does not exist (looked at"
                        + " file:/")
                .endsWith("/modeltest-spark/" + DIR + "/missing.parquet)");
        assertThat(outcomes(run(MissingTableTestCase.class)).get("accurate"))
                .startsWith("DataException: @ModelTest on MissingTableTestCase: 'data' ="
                        + " 'spark:table:nightly_socres': Spark's catalog has no table 'nightly_socres' (did you"
                        + " mean 'nightly_scores'?); its tables are ")
                .contains("nightly_scores");
    }

    @ModelTest(data = "spark:" + DIR + "/scores.parquet", label = "lable", predictions = "prediction")
    static class MissingLabelTestCase {
        @AccuracyAtLeast(0.9)
        void accurate() {}
    }

    @ModelTest(
            data = "spark:" + DIR + "/scores.parquet",
            label = "label",
            predictions = "prediction",
            scores = "p_farud")
    static class MissingScoresTestCase {
        @AccuracyAtLeast(0.9)
        void accurate() {}
    }

    @Test
    void aColumnMissingInTheSchemaIsNamedWithTheNearestColumn() {
        assertThat(outcomes(run(MissingLabelTestCase.class)))
                .containsOnly(Map.entry(
                        "accurate",
                        "ExtensionConfigurationException: @ModelTest on MissingLabelTestCase: data set " + DIR
                                + "/scores.parquet has no label column 'lable' (did you mean 'label'?); its columns"
                                + " are label, prediction, p_fraud"));
        assertThat(outcomes(run(MissingScoresTestCase.class)))
                .containsOnly(Map.entry(
                        "accurate",
                        "ExtensionConfigurationException: @ModelTest on MissingScoresTestCase: data set " + DIR
                                + "/scores.parquet has no scores column 'p_farud' (did you mean 'p_fraud'?); its"
                                + " columns are label, prediction, p_fraud"));
    }

    @ModelTest(data = "spark:" + DIR + "/empty.parquet", label = "label", predictions = "prediction")
    static class EmptyTestCase {
        @AccuracyAtLeast(0.9)
        void accurate() {}
    }

    @Test
    void anEmptyDatasetIsNamed() {
        assertThat(outcomes(run(EmptyTestCase.class)))
                .containsOnly(Map.entry("accurate", "DataException: data set " + DIR + "/empty.parquet has no rows"));
    }

    @ModelTest(data = "spark:" + DIR + "/scores.parquet", label = "label", predictions = "p_fraud")
    static class TypeMismatchTestCase {
        @AccuracyAtLeast(0.9)
        void accurate() {}
    }

    @Test
    void predictionsOfAnotherTypeThanTheLabelsAreAConfigurationError() {
        assertThat(outcomes(run(TypeMismatchTestCase.class)))
                .containsOnly(Map.entry(
                        "accurate",
                        "ExtensionConfigurationException: @AccuracyAtLeast on TypeMismatchTestCase.accurate(): data"
                                + " set " + DIR + "/scores.parquet: label column 'label' holds text (string) but"
                                + " predictions column 'p_fraud' holds numbers (double); the predictions must be"
                                + " labels of the label column's type"));
    }

    @ModelTest(data = "spark:" + DIR + "/scores.parquet", label = "label", predictions = "prediction")
    static class CannotRunOnSparkTestCase {
        @LatencyUnder(millis = 5)
        void fast() {}

        @NoDrift(reference = DIR + "/scores.csv")
        void stable() {}

        @F1AtLeast(0.5)
        void balanced() {}

        @NoConflictingLabels
        void consistent() {}

        @MaeAtMost(0.5)
        void close() {}

        @AccuracyAtLeast(0.75)
        void accurateEnough() {}
    }

    @Test
    void aCheckSparkCannotRunIsAConfigurationErrorThatSaysSo() {
        Map<String, String> outcomes = outcomes(run(CannotRunOnSparkTestCase.class));
        assertThat(outcomes)
                .containsEntry(
                        "fast",
                        "ExtensionConfigurationException: @LatencyUnder on CannotRunOnSparkTestCase.fast():"
                                + " LatencyCheck times the model, and a scored Spark Dataset holds the model's"
                                + " predictions, not the model: latency and throughput cannot be gated on Spark; time"
                                + " the model in a @ModelTest instead")
                .containsEntry(
                        "stable",
                        "ExtensionConfigurationException: @NoDrift on CannotRunOnSparkTestCase.stable(): 'columns'"
                                + " must name the columns to compare on spark: data, whose Dataset has no features to"
                                + " default to; was {}")
                .containsEntry(
                        "consistent",
                        "ExtensionConfigurationException: @NoConflictingLabels on"
                                + " CannotRunOnSparkTestCase.consistent(): ConflictingLabelsCheck cannot be decided on"
                                + " Spark yet: on spark: data, modeltest decides metric gates, fairness checks, drift,"
                                + " missing values and duplicate rows (docs/spark.md)")
                .containsEntry(
                        "close",
                        "ExtensionConfigurationException: @MaeAtMost on CannotRunOnSparkTestCase.close(): data set "
                                + DIR + "/scores.parquet: mean absolute error measures a regressor, but label column"
                                + " 'label' holds text (string), not numbers")
                .containsEntry("accurateEnough", "SUCCESSFUL");
        assertThat(outcomes.get("balanced"))
                .startsWith("ExtensionConfigurationException: @F1AtLeast on CannotRunOnSparkTestCase.balanced():"
                        + " F1 (positive class 'ok')'s interval is a bootstrap here, and below 10000 rows (these"
                        + " counts hold 400) it is BCa over the rows");
    }

    @ModelTest(data = "spark:" + DIR + "/scores.parquet", label = "label", model = "models/scorer.ser")
    static class ModelOnSparkTestCase {
        @AccuracyAtLeast(0.9)
        void accurate() {}
    }

    @ModelTest(
            data = "spark:" + DIR + "/scores.parquet",
            label = "label",
            predictions = "prediction",
            weights = "p_fraud")
    static class WeightsOnSparkTestCase {
        @AccuracyAtLeast(0.9)
        void accurate() {}
    }

    @ModelTest(data = "spark:" + DIR + "/scores.parquet", label = "label", predictions = "prediction", sample = 100)
    static class SampleOnSparkTestCase {
        @AccuracyAtLeast(0.9)
        void accurate() {}
    }

    @Test
    void whatAScoredTableOnSparkCannotHonourIsAConfigurationError() {
        String origin = "ExtensionConfigurationException: @ModelTest on %s: 'data' = 'spark:" + DIR
                + "/scores.parquet' is gated on Spark, where it lives";
        assertThat(outcomes(run(ModelOnSparkTestCase.class)))
                .containsOnly(Map.entry(
                        "accurate",
                        String.format(origin, "ModelOnSparkTestCase")
                                + ", as a table scored elsewhere: give 'predictions' (the column of predictions) and"
                                + " 'scores' instead of a model, which Spark does not call"));
        assertThat(outcomes(run(WeightsOnSparkTestCase.class)))
                .containsOnly(Map.entry(
                        "accurate",
                        String.format(origin, "WeightsOnSparkTestCase")
                                + ", where sample weights are not counted yet; remove 'weights'"));
        assertThat(outcomes(run(SampleOnSparkTestCase.class)))
                .containsOnly(Map.entry(
                        "accurate",
                        String.format(origin, "SampleOnSparkTestCase")
                                + ", on every row; remove 'sample' (a sample is for data read into the test JVM)"));
    }

    @ModelTest(data = "spark:" + DIR + "/scores.parquet", label = "label", predictions = "prediction")
    static class InjectionTestCase {
        @org.junit.jupiter.api.Test
        void predictions(Predictions predictions) {}
    }

    @Test
    void noInMemoryPredictionsAreInjected() {
        assertThat(outcomes(run(InjectionTestCase.class)))
                .containsOnly(Map.entry(
                        "predictions",
                        "ParameterResolutionException: parameter predictions of predictions(): @ModelTest on"
                                + " InjectionTestCase reads 'spark:" + DIR + "/scores.parquet' where it lives: its"
                                + " rows, predictions and model are never loaded into the test JVM, so no Predictions"
                                + " can be injected"));
    }
}
