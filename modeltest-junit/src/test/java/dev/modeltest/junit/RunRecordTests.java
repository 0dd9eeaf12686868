package dev.modeltest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modeltest.internal.Hashing;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/** Each model test class leaves a JSON run record: params, metrics, provenance, environment and every result. */
class RunRecordTests {

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

    @BeforeAll
    static void runFixtures() {
        TestKit.run(RecordTestCase.class);
        TestKit.run(DataOnlyTestCase.class);
        TestKit.run(BrokenModelTestCase.class);
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

    private static JsonNode record(Class<?> fixture) throws IOException {
        return JSON.readTree(RUNS.resolve(fixture.getName() + ".json").toFile());
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
