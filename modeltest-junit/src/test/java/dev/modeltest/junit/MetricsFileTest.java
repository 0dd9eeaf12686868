package dev.modeltest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.check.Verdict;
import dev.modeltest.report.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** Every run writes one metrics file for DVC with the numbers of every check of every model test class it ran. */
class MetricsFileTest {

    private static final Map<String, String> PARALLEL = Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "concurrent",
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent");

    private static final String ONE = OneTestCase.class.getName();
    private static final String OTHER = OtherTestCase.class.getName();

    @TempDir
    Path output;

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class OneTestCase {
        @AccuracyAtLeast(0.85)
        void accurate() {}

        @AccuracyAtLeast(0.95)
        void notAccurateEnough() {}

        @NoMissingValues
        void complete() {}
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class OtherTestCase {
        @F1AtLeast(0.8)
        @AucAtLeast(0.9)
        void f1AndAuc() {}

        @Nested
        class Inner {
            @AccuracyAtLeast(0.5)
            void accurate() {}
        }
    }

    @Test
    void mergesEveryModelTestClassOfTheRunIntoOneFileOfNumbers() throws IOException {
        run(Map.of(), selectClass(OneTestCase.class), selectClass(OtherTestCase.class));

        Map<String, Map<String, Object>> metrics = read();
        assertThat(metrics)
                .containsOnlyKeys(
                        ONE + ".accurate.accuracy-at-least",
                        ONE + ".notAccurateEnough.accuracy-at-least",
                        ONE + ".complete.no-missing-values",
                        OTHER + ".f1AndAuc.metric-at-least:f1",
                        OTHER + ".f1AndAuc.metric-at-least:roc_auc",
                        OTHER + ".Inner.accurate.accuracy-at-least");
        metrics.values()
                .forEach(entry ->
                        assertThat(entry.values()).allSatisfy(v -> assertThat(v).isInstanceOf(Number.class)));
        Map<String, Object> accurate = metrics.get(ONE + ".accurate.accuracy-at-least");
        assertThat(accurate).containsOnlyKeys("value", "lower", "upper", "threshold", "n", "passed");
        assertThat(number(accurate, "value")).isCloseTo(0.9, within(1e-12));
        assertThat(number(accurate, "lower")).isCloseTo(0.5958, within(1e-4));
        assertThat(number(accurate, "upper")).isCloseTo(0.9821, within(1e-4));
        assertThat(number(accurate, "threshold")).isEqualTo(0.85);
        assertThat(accurate).containsEntry("n", 10).containsEntry("passed", 1);
        assertThat(metrics.get(ONE + ".notAccurateEnough.accuracy-at-least")).containsEntry("passed", 0);
        assertThat(metrics.get(OTHER + ".Inner.accurate.accuracy-at-least")).containsEntry("passed", 1);
    }

    @Test
    void keysAndValuesAreTheSameRunAfterRunAndUnderParallelExecution() throws IOException {
        run(Map.of(), selectClass(OneTestCase.class), selectClass(OtherTestCase.class));
        String first = Files.readString(MetricsFile.file(output));

        run(PARALLEL, selectClass(OneTestCase.class), selectClass(OtherTestCase.class));

        assertThat(Files.readString(MetricsFile.file(output))).isEqualTo(first);
    }

    @Test
    void aRunReplacesTheChecksOfTheRunBefore() throws IOException {
        run(Map.of(), selectClass(OneTestCase.class), selectClass(OtherTestCase.class));

        run(Map.of(), selectClass(OneTestCase.class));

        assertThat(read().keySet()).allSatisfy(key -> assertThat(key).startsWith(ONE + "."));
        assertThat(read()).hasSize(3);
        assertThat(output).isDirectoryNotContaining("glob:**.partial");
    }

    @Test
    void leavesOutWhatIsNotANumber() {
        CheckResult noNumber = CheckResult.builder("output-range", Family.OUTPUT)
                .title("outputs in range")
                .verdict(Verdict.INCONCLUSIVE)
                .threshold("all in [0, 1]")
                .n(7)
                .message("")
                .build();

        assertThat(MetricsFile.entry(noNumber)).containsExactly(Map.entry("n", 7L), Map.entry("passed", 0));
    }

    @Test
    void theDocumentedExampleHasTheShapeOfTheFile() throws IOException {
        @SuppressWarnings("unchecked")
        Map<String, Map<String, Object>> example = (Map<String, Map<String, Object>>) Json.read(block("json"));

        assertThat(example).isNotEmpty();
        List<String> order = List.of("value", "lower", "upper", "threshold", "n", "passed");
        example.forEach((key, entry) -> {
            assertThat(key).matches("(\\w+\\.)+[A-Z]\\w*\\.\\w+\\.[a-z-]+(:[^.]+)?");
            assertThat(entry).containsKeys("n", "passed");
            assertThat(entry.values()).allSatisfy(v -> assertThat(v).isInstanceOf(Number.class));
            assertThat(order).containsSubsequence(List.copyOf(entry.keySet()));
        });
    }

    @Test
    void theDocumentedDvcStageRunsMavenAndRecordsTheFile() throws IOException {
        Map<?, ?> stages = (Map<?, ?>)
                ((Map<?, ?>) new Load(LoadSettings.builder().build()).loadFromString(block("yaml"))).get("stages");
        Map<?, ?> evaluate = (Map<?, ?>) stages.get("evaluate");

        assertThat((String) evaluate.get("cmd")).startsWith("mvn ").contains(" test");
        assertThat(evaluate.get("metrics")).isEqualTo(List.of(Reporting.DEFAULT_OUTPUT + "/" + MetricsFile.FILE));
    }

    /** Returns the first fenced block of a language in the section of docs/reports.md about the metrics file. */
    private static String block(String language) throws IOException {
        String docs = Files.readString(AnnotationListTest.DOCS.resolve("reports.md"));
        int start = docs.indexOf("\n## The metrics file for DVC\n");
        assertThat(start).as("the section on the metrics file in reports.md").isNotNegative();
        int end = docs.indexOf("\n## ", start + 1);
        String section = docs.substring(start, end);
        int open = section.indexOf("```" + language + "\n");
        assertThat(open).as("a %s block in the section", language).isNotNegative();
        int from = open + language.length() + 4;
        return section.substring(from, section.indexOf("```", from));
    }

    private void run(Map<String, String> configuration, DiscoverySelector... selectors) {
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter(Reporting.OUTPUT_DIR_PARAMETER, output.toString())
                .configurationParameters(configuration)
                .selectors(selectors)
                .execute()
                .testEvents()
                .assertStatistics(stats -> stats.aborted(0));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Map<String, Object>> read() throws IOException {
        return (Map<String, Map<String, Object>>) Json.read(Files.readString(MetricsFile.file(output)));
    }

    private static double number(Map<String, Object> entry, String key) {
        return ((Number) entry.get(key)).doubleValue();
    }
}
