package dev.modeltest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.check.Verdict;
import dev.modeltest.internal.Hashing;
import dev.modeltest.report.MetricHistory;
import java.io.IOException;
import java.lang.annotation.Annotation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/** Each model test class leaves a JSON run record: params, metrics, provenance, environment and every result. */
class RunRecordTest {

    private static final Path RUNS = Path.of("target/modeltest-fixtures/runs");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class RecordTestCase {
        @Order(1)
        @AccuracyAtLeast(0.85)
        void accurate() {}

        @Order(2)
        @OutputRange(min = 0, max = 1)
        void probabilities() {}
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class TwoMetricGatesTestCase {
        @F1AtLeast(0.8)
        @AucAtLeast(0.9)
        void f1AndAuc() {}
    }

    @ModelTest(provider = TestModels.Broken.class, data = TestModels.TINY, label = "label")
    static class BrokenModelTestCase {
        @AccuracyAtLeast(0.5)
        void accurate() {}
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class DataOnlyTestCase {
        @NoMissingValues
        void complete() {}
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class InvalidAttributeTestCase {
        @Order(1)
        @AccuracyAtLeast(0.5)
        void accurate() {}

        @Order(2)
        @AccuracyAtLeast(1.5)
        void impossible() {}
    }

    @BeforeAll
    static void runFixtures() {
        TestKit.run(RecordTestCase.class);
        TestKit.run(InvalidAttributeTestCase.class);
        TestKit.run(DataOnlyTestCase.class);
        TestKit.run(BrokenModelTestCase.class);
        TestKit.run(TwoMetricGatesTestCase.class);
    }

    @Test
    void paramsAreTheGatesConfigurationAndTheModelTest() throws IOException {
        JsonNode params = record(RecordTestCase.class).get("params");

        assertThat(params.get("ModelTest.data").asText()).isEqualTo(TestModels.TINY);
        assertThat(params.get("ModelTest.label").asText()).isEqualTo("label");
        assertThat(params.get("ModelTest.provider").asText()).isEqualTo(TestModels.Threshold.class.getName());
        assertThat(params.get("accurate.AccuracyAtLeast.value").asDouble()).isEqualTo(0.85);
        assertThat(params.get("probabilities.OutputRange.min").asDouble()).isEqualTo(0.0);
        assertThat(params.get("probabilities.OutputRange.max").asDouble()).isEqualTo(1.0);
    }

    @Test
    void metricsAreTheMeasuredValuesWithIntervalsAndN() throws IOException {
        JsonNode metrics = record(RecordTestCase.class).get("metrics");

        assertThat(metrics.get("accurate.accuracy-at-least").asDouble()).isEqualTo(0.9);
        assertThat(metrics.get("accurate.accuracy-at-least.lower").asDouble()).isBetween(0.5958, 0.5959);
        assertThat(metrics.get("accurate.accuracy-at-least.upper").asDouble()).isBetween(0.9821, 0.9822);
        assertThat(metrics.get("accurate.accuracy-at-least.n").asLong()).isEqualTo(10);
        assertThat(metrics.get("accurate.accuracy-at-least.passed").asInt()).isEqualTo(1);
        assertThat(metrics.get("probabilities.output-range").asDouble()).isEqualTo(0.0);
        assertThat(metrics.has("probabilities.output-range.lower")).isFalse();
    }

    @Test
    void twoMetricGatesOnOneMethodKeepTheirOwnMetrics() throws IOException {
        JsonNode metrics = record(TwoMetricGatesTestCase.class).get("metrics");

        assertThat(metrics.get("f1AndAuc.metric-at-least:f1").asDouble()).isCloseTo(8.0 / 9, within(1e-12));
        assertThat(metrics.get("f1AndAuc.metric-at-least:f1.passed").asInt()).isEqualTo(1);
        assertThat(metrics.get("f1AndAuc.metric-at-least:roc_auc").asDouble()).isEqualTo(0.92);
        assertThat(metrics.get("f1AndAuc.metric-at-least:roc_auc.passed").asInt())
                .isEqualTo(1);
        assertThat(metrics.has("f1AndAuc.metric-at-least")).isFalse();
    }

    @Test
    void twoMetricGatesOnOneMethodAreTwoResultsWithTheirKeysAndThresholds() throws IOException {
        JsonNode results = record(TwoMetricGatesTestCase.class).get("results");

        assertThat(results).hasSize(2);
        assertThat(results.get(0).get("check").asText()).isEqualTo("metric-at-least");
        assertThat(results.get(0).get("key").asText()).isEqualTo("metric-at-least:f1");
        assertThat(results.get(0).get("threshold").asText()).isEqualTo("≥ 0.8000");
        assertThat(results.get(0).get("limit").toString())
                .isEqualTo("{\"comparison\":\"AT_LEAST\",\"value\":0.8,\"unit\":\"\"}");
        assertThat(results.get(1).get("key").asText()).isEqualTo("metric-at-least:roc_auc");
        assertThat(results.get(1).get("limit").get("value").asDouble()).isEqualTo(0.9);
    }

    @Test
    void theHistoryKeepsEachMetricGatesValuesApart() throws IOException {
        Path file = RunRecord.historyFile(RUNS.resolveSibling("history"), TwoMetricGatesTestCase.class);
        List<String> lines = Files.readAllLines(file);
        JsonNode last = JSON.readTree(lines.get(lines.size() - 1));

        assertThat(last.get("schemaVersion").asInt()).isEqualTo(RunRecord.SCHEMA_VERSION);
        MetricHistory history = MetricHistory.read(file);
        List<Double> f1 = history.values("f1AndAuc.metric-at-least:f1");
        List<Double> auc = history.values("f1AndAuc.metric-at-least:roc_auc");
        assertThat(f1.get(f1.size() - 1)).isCloseTo(8.0 / 9, within(1e-12));
        assertThat(auc.get(auc.size() - 1)).isEqualTo(0.92);
        assertThat(history.values("f1AndAuc.metric-at-least")).isEmpty();
    }

    @Test
    void runsRecordedBeforeKeysHadQualifiersAreReadForTheOnlyGateOfATest(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("history.jsonl");
        Files.writeString(
                file,
                "{\"metrics\":{\"auc.metric-at-least\":0.80,\"f1AndAuc.metric-at-least\":0.70}}\n"
                        + "{\"schemaVersion\":2,\"metrics\":{\"auc.metric-at-least:roc_auc\":0.85,"
                        + "\"f1AndAuc.metric-at-least:f1\":0.75,\"f1AndAuc.metric-at-least:roc_auc\":0.95}}\n");
        RunRecord record = new RunRecord(TwoMetricGatesTestCase.class, MetricHistory.read(file));
        CheckResult auc = metricResult("roc_auc", 0.9);
        CheckResult f1 = metricResult("f1", 0.8);

        String aucKey = record.add("auc()", annotation("f1AndAuc", AucAtLeast.class), auc);

        assertThat(aucKey).isEqualTo("auc.metric-at-least:roc_auc");
        assertThat(record.earlierValues(aucKey, "auc()", auc, true)).containsExactly(0.80, 0.85);
        // With two gates on the test, the old key may hold the other gate's value: it is not read.
        assertThat(record.earlierValues("f1AndAuc.metric-at-least:f1", "f1AndAuc()", f1, false))
                .containsExactly(0.75);
        assertThat(record.earlierValues("f1AndAuc.metric-at-least:roc_auc", "f1AndAuc()", auc, false))
                .containsExactly(0.95);
    }

    @Test
    void theSameKeyTwiceOnOneTestIsFiledUnderItsOrder() {
        RunRecord record = new RunRecord(TwoMetricGatesTestCase.class);
        CheckResult f1 = metricResult("f1", 0.8);
        Annotation gate = annotation("f1AndAuc", F1AtLeast.class);

        assertThat(record.add("f1AndAuc()", gate, f1)).isEqualTo("f1AndAuc.metric-at-least:f1");
        assertThat(record.add("f1AndAuc()", gate, f1)).isEqualTo("f1AndAuc.metric-at-least:f1#2");
        assertThat(record.add("other()", gate, f1)).isEqualTo("other.metric-at-least:f1");
    }

    @Test
    void resultsCarryTheirAnnotationAndParams() throws IOException {
        JsonNode results = record(RecordTestCase.class).get("results");

        assertThat(results).hasSize(2);
        JsonNode accurate = results.get(0);
        assertThat(accurate.get("test").asText()).isEqualTo("accurate()");
        assertThat(accurate.get("annotation").asText()).isEqualTo("@AccuracyAtLeast");
        assertThat(accurate.get("params").get("value").asDouble()).isEqualTo(0.85);
        assertThat(accurate.get("verdict").asText()).isEqualTo("PASS");
        assertThat(accurate.get("title").asText()).isEqualTo("accuracy ≥ 0.8500 on tiny.csv");
    }

    @Test
    void aCheckThatCannotRunIsAnErrorWithItsCategory() throws IOException {
        JsonNode record = record(BrokenModelTestCase.class);
        JsonNode error = record.get("results").get(0);

        assertThat(error.get("verdict").asText()).isEqualTo("ERROR");
        assertThat(error.get("category").asText()).isEqualTo("MODEL");
        assertThat(error.get("annotation").asText()).isEqualTo("@AccuracyAtLeast");
        assertThat(error.get("params").get("value").asDouble()).isEqualTo(0.5);
        assertThat(error.get("message").asText()).contains("weights.bin: no such file");
        assertThat(record.get("metrics")).isEmpty();
    }

    @Test
    void aCheckWhoseAttributesAreInvalidIsAConfigurationErrorBesideTheChecksThatRan() throws IOException {
        JsonNode results = record(InvalidAttributeTestCase.class).get("results");

        assertThat(results).hasSize(2);
        assertThat(results.get(0).get("verdict").asText()).isEqualTo("PASS");
        JsonNode error = results.get(1);
        assertThat(error.get("test").asText()).isEqualTo("impossible()");
        assertThat(error.get("annotation").asText()).isEqualTo("@AccuracyAtLeast");
        assertThat(error.get("verdict").asText()).isEqualTo("ERROR");
        assertThat(error.get("category").asText()).isEqualTo("CONFIGURATION");
        assertThat(error.get("message").asText())
                .isEqualTo(
                        "@AccuracyAtLeast on InvalidAttributeTestCase.impossible(): 'value' must be in [0, 1], was 1.5");
        assertThat(error.has("params")).isFalse();
    }

    @Test
    void recordNamesItsShapeDataEnvironmentAndSteps() throws IOException {
        JsonNode record = record(RecordTestCase.class);

        assertThat(record.get("schemaVersion").asInt()).isEqualTo(RunRecord.SCHEMA_VERSION);
        assertThat(record.get("testClass").asText()).isEqualTo(RecordTestCase.class.getName());
        assertThat(record.get("provenance").get("dataSha256").asText())
                .isEqualTo(Hashing.sha256(Path.of(TestModels.TINY)));
        assertThat(record.get("provenance").get("rows").asLong()).isEqualTo(10);
        assertThat(record.get("provenance").get("model").asText()).isEqualTo("threshold model");
        assertThat(record.get("environment").get("lib.junit-jupiter").asText())
                .isEqualTo(Test.class.getPackage().getImplementationVersion());
        assertThat(fieldNames(record.get("steps")))
                .containsExactly("load data (ms)", "load model (ms)", "predict (ms)");
    }

    @Test
    void aClassWithDataChecksOnlyNeverLoadsItsModelForTheRecord() throws IOException {
        JsonNode record = record(DataOnlyTestCase.class);

        assertThat(fieldNames(record.get("steps"))).containsExactly("load data (ms)");
        assertThat(record.get("provenance").get("model").asText())
                .isEqualTo("model provider " + TestModels.Threshold.class.getName());
        assertThat(record.get("provenance").get("modelSha256").asText()).isEmpty();
    }

    private static CheckResult metricResult(String metric, double value) {
        return CheckResult.builder("metric-at-least", Family.PERFORMANCE)
                .qualifier(metric)
                .verdict(Verdict.PASS)
                .measured(value)
                .threshold(dev.modeltest.check.Threshold.atLeast(0.5), 4)
                .n(10)
                .build();
    }

    private static Annotation annotation(String method, Class<? extends Annotation> type) {
        try {
            return TwoMetricGatesTestCase.class.getDeclaredMethod(method).getAnnotation(type);
        } catch (NoSuchMethodException e) {
            throw new AssertionError(e);
        }
    }

    private static JsonNode record(Class<?> fixture) throws IOException {
        return JSON.readTree(RUNS.resolve(fixture.getName() + ".json").toFile());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
