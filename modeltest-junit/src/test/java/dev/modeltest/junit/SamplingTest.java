package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.failureOf;
import static dev.modeltest.junit.TestKit.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modeltest.model.Model;
import dev.modeltest.model.ModelProvider;
import dev.modeltest.subject.SampleMethod;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/**
 * {@code @ModelTest(sample = ...)}: the model predicts a seeded sample only, every check is on the sample and says so,
 * the run record keeps how it was drawn, and a sample the data cannot give is a configuration error.
 *
 * <p>{@code metric-binary.csv} has 80 rows; the model reads {@code p_b} as the probability of b.
 */
class SamplingTest {

    private static final String DATA = "src/test/resources/fixtures/metric-binary.csv";
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Counts the rows it predicts. */
    public static final class RowCounting implements ModelProvider {
        static final AtomicLong ROWS = new AtomicLong();

        @Override
        public Model load() {
            return Model.probabilisticClassifier(List.of("a", "b"), (row, p) -> {
                ROWS.incrementAndGet();
                p[1] = row.getDouble("p_b");
                p[0] = 1 - p[1];
            });
        }
    }

    @ModelTest(provider = RowCounting.class, data = DATA, label = "label", features = "p_b", sample = 40)
    static class SampleTestCase {
        @AccuracyAtLeast(0.99)
        void accuracy() {}
    }

    @Test
    void predictsTheSampleOnlyAndEveryMessageNamesIt() {
        RowCounting.ROWS.set(0);

        String message = failureOf(run(SampleTestCase.class), "accuracy");

        assertThat(message)
                .startsWith(
                        "Expecting model accuracy on a sample of 40 of the 80 rows of metric-binary.csv" + " (n=40)");
        assertThat(RowCounting.ROWS.get()).isEqualTo(40);
    }

    @Test
    void drawsTheSameRowsOnEveryRun() {
        String first = failureOf(run(SampleTestCase.class), "accuracy");
        String second = failureOf(run(SampleTestCase.class), "accuracy");

        assertThat(second).isEqualTo(first);
    }

    @Test
    void theRunRecordKeepsHowTheSampleWasDrawn() throws IOException {
        run(SampleTestCase.class);

        JsonNode record =
                JSON.readTree(Path.of("target/modeltest-fixtures/runs", SampleTestCase.class.getName() + ".json")
                        .toFile());
        assertThat(record.get("sample").toString())
                .isEqualTo("{\"rows\":40,\"of\":80,\"seed\":42,\"method\":\"UNIFORM\"}");
        assertThat(record.get("params").get("ModelTest.sample").asInt()).isEqualTo(40);
        assertThat(record.get("provenance").get("rows").asInt()).isEqualTo(40);
        assertThat(record.get("provenance").get("data").asText())
                .isEqualTo("a sample of 40 of the 80 rows of metric-binary.csv");
    }

    @ModelTest(
            provider = RowCounting.class,
            data = DATA,
            label = "label",
            features = "p_b",
            sample = 41,
            sampleMethod = SampleMethod.STRATIFIED,
            seed = 7)
    static class StratifiedTestCase {
        @AccuracyAtLeast(0.99)
        void accuracy() {}
    }

    @Test
    void aStratifiedSampleIsNamedAndRecordedToo() throws IOException {
        String message = failureOf(run(StratifiedTestCase.class), "accuracy");

        assertThat(message)
                .startsWith(
                        "Expecting model accuracy on a sample of 41 of the 80 rows of metric-binary.csv" + " (n=41)");
        JsonNode record =
                JSON.readTree(Path.of("target/modeltest-fixtures/runs", StratifiedTestCase.class.getName() + ".json")
                        .toFile());
        assertThat(record.get("sample").toString())
                .isEqualTo("{\"rows\":41,\"of\":80,\"seed\":7,\"method\":\"STRATIFIED\"}");
    }

    @ModelTest(provider = RowCounting.class, data = DATA, label = "label", features = "p_b")
    static class ProjectSampleTestCase {
        @AccuracyAtLeast(0.99)
        void accuracy() {}
    }

    @Test
    void theProjectsMostRowsSampleLargerDataAndLeaveSmallerDataWhole() {
        assertThat(failureOf(run(ProjectSampleTestCase.class, Map.of("modeltest.data.sample", "30")), "accuracy"))
                .startsWith("Expecting model accuracy on a sample of 30 of the 80 rows of metric-binary.csv (n=30)");
        assertThat(failureOf(run(ProjectSampleTestCase.class, Map.of("modeltest.data.sample", "1000")), "accuracy"))
                .startsWith("Expecting model accuracy on metric-binary.csv (n=80)");
    }

    @Test
    void aProjectSampleThatIsNotAPositiveWholeNumberIsAConfigurationError() {
        EngineExecutionResults results = run(ProjectSampleTestCase.class, Map.of("modeltest.data.sample", "lots"));

        assertThat(failureOf(results, "accuracy"))
                .isEqualTo("configuration parameter modeltest.data.sample must be a whole number of rows, at least 1,"
                        + " was 'lots'");
    }

    @ModelTest(provider = RowCounting.class, data = DATA, label = "label", features = "p_b", sample = 200)
    static class TooLargeTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}
    }

    @Test
    void aSampleLargerThanTheDataIsAConfigurationError() {
        assertThat(failureOf(run(TooLargeTestCase.class), "accuracy"))
                .isEqualTo("@ModelTest on TooLargeTestCase: sample = 200 is more than the 80 rows of metric-binary.csv;"
                        + " remove sample or lower it");
    }

    @ModelTest(provider = RowCounting.class, data = DATA, label = "label", features = "p_b", sample = 0)
    static class ZeroTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}
    }

    @ModelTest(provider = RowCounting.class, data = DATA, label = "label", features = "p_b", sample = -5)
    static class NegativeTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}
    }

    @Test
    void aSampleOfZeroOrFewerRowsIsAConfigurationError() {
        assertThat(failureOf(run(ZeroTestCase.class), "accuracy"))
                .isEqualTo("@ModelTest on ZeroTestCase: 'sample' must be at least 1 (a number of rows), was 0");
        assertThat(failureOf(run(NegativeTestCase.class), "accuracy"))
                .isEqualTo("@ModelTest on NegativeTestCase: 'sample' must be at least 1 (a number of rows), was -5");
    }

    @ModelTest(
            provider = RowCounting.class,
            data = DATA,
            label = "label",
            features = "p_b",
            sampleMethod = SampleMethod.STRATIFIED)
    static class MethodWithoutSampleTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}
    }

    @Test
    void aSampleMethodWithoutASampleIsAConfigurationError() {
        assertThat(failureOf(run(MethodWithoutSampleTestCase.class), "accuracy"))
                .isEqualTo("@ModelTest on MethodWithoutSampleTestCase: 'sampleMethod' goes with 'sample' (how a sample"
                        + " is drawn), was STRATIFIED");
    }
}
