package dev.modeltest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.modeltest.report.MetricHistory;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Parameter;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * Gates reported to Allure under {@code junit.jupiter.execution.parallel.enabled=true}, classes and methods
 * concurrent, hundreds of times in one JVM: no gate errors, and every result lands on its own test.
 *
 * <p>Not timing-based: each test repeats a whole parallel run often enough that the race it guards against (modeltest
 * reading and writing an Allure test result that another thread also writes) was caught on every try before the fix
 * (see {@link #ITERATIONS}).
 */
class ParallelReportingTest {

    /**
     * Parallel runs of the fixtures under another Allure test. Before the fix, five tries on a loaded 2-core machine
     * failed at runs 13, 19, 29, 33 and 34 (a {@code ConcurrentModificationException} in the outer test's labels):
     * 300 is about ten times the typical catch.
     */
    static final int ITERATIONS = 300;

    /**
     * Parallel runs with Allure's listener, each writing attachments, a run record and history: slower per run, and
     * there to pin down that every result lands on its own test.
     */
    static final int LISTENER_ITERATIONS = 100;

    private static final Map<String, String> PARALLEL = Map.of(
            "junit.jupiter.execution.parallel.enabled", "true",
            "junit.jupiter.execution.parallel.mode.default", "concurrent",
            "junit.jupiter.execution.parallel.mode.classes.default", "concurrent");

    /** Labels Allure itself gives each result that differ from run to run. */
    private static final Set<String> VOLATILE_LABELS = Set.of("thread", "host");

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class FirstParallelTestCase {
        @AccuracyAtLeast(0.8)
        void accuracy() {}

        @OutputRange
        void range() {}

        @NoMissingValues
        void complete() {}

        @AccuracyAtLeast(0.5)
        @NoDuplicateRows
        void twoGates() {}

        @Nested
        class Inner {
            @AccuracyAtLeast(0.9)
            void nestedAccuracy() {}

            @OutputRange(min = 0, max = 1)
            void nestedRange() {}
        }
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class SecondParallelTestCase {
        @AccuracyAtLeast(0.7)
        void accuracy() {}

        @NoMissingValues
        @OutputRange
        void dataAndRange() {}

        @Nested
        class Inner {
            @AccuracyAtLeast(0.6)
            void nestedAccuracy() {}
        }
    }

    @ModelTest(predictions = "pred", scores = "p_b", data = "src/test/resources/fixtures/scored.csv", label = "label")
    static class ScoredParallelTestCase {
        @AccuracyAtLeast(0.5)
        void accuracy() {}

        @OutputRange(min = 0, max = 1)
        void range() {}

        @NoMissingValues
        void complete() {}
    }

    private static final List<Class<?>> FIXTURES =
            List.of(FirstParallelTestCase.class, SecondParallelTestCase.class, ScoredParallelTestCase.class);

    /** Gate tests in {@link #FIXTURES}, nested ones included. */
    private static final int GATE_TESTS = 12;

    private AllureLifecycle previousLifecycle;

    private final InMemoryResults results = new InMemoryResults();

    @BeforeEach
    void useAnAllureLifecycleOfOurOwn() {
        previousLifecycle = Allure.getLifecycle();
        Allure.setLifecycle(new AllureLifecycle(results));
    }

    @AfterEach
    void restoreAllure() {
        Allure.setLifecycle(previousLifecycle);
    }

    /**
     * A test (here: this one) with an Allure test case of its own runs model test classes in parallel: JUnit's worker
     * threads inherit this thread's Allure context, so each gate sees this test as "the current test". Before the fix,
     * all gates wrote into this one result at once. Now modeltest reports only into the test it runs.
     */
    @Test
    void gatesRunInParallelUnderAnotherAllureTestNeverErrorAndLeaveItAlone(@TempDir Path output) {
        AllureLifecycle lifecycle = Allure.getLifecycle();
        String outer = UUID.randomUUID().toString();
        lifecycle.scheduleTestCase(new TestResult()
                .setUuid(outer)
                .setName("outer")
                .setFullName(ParallelReportingTest.class.getName() + ".outer"));
        lifecycle.startTestCase(outer);
        try {
            for (int i = 0; i < ITERATIONS; i++) {
                EngineExecutionResults run = EngineTestKit.engine("junit-jupiter")
                        .configurationParameters(PARALLEL)
                        .configurationParameter(Reporting.OUTPUT_DIR_PARAMETER, output.toString())
                        .selectors(selectors())
                        .execute();

                int iteration = i;
                assertThat(run.testEvents().failed().stream()
                                .map(e -> e.getPayload(TestExecutionResult.class)
                                        .flatMap(TestExecutionResult::getThrowable)
                                        .map(ParallelReportingTest::describe)
                                        .orElse("<no throwable>")))
                        .as("failed gates in run %d", iteration)
                        .isEmpty();
                assertThat(run.testEvents().succeeded().count()).isEqualTo(GATE_TESTS);
            }
        } finally {
            lifecycle.stopTestCase(outer);
            lifecycle.writeTestCase(outer);
        }

        TestResult outerResult = results.only(ParallelReportingTest.class.getName() + ".outer");
        assertThat(outerResult.getLabels()).isEmpty();
        assertThat(outerResult.getParameters()).isEmpty();
        assertThat(outerResult.getAttachments()).isEmpty();
        assertThat(outerResult.getSteps()).isEmpty();
    }

    /**
     * The way users run it: Allure's JUnit listener and modeltest side by side, classes and methods concurrent, with the
     * run record and history written. Every run gives the same tests, statuses, labels and parameters as the first.
     */
    @Test
    void gatesReportedInParallelCarryTheirOwnLabelsRunAfterRun(@TempDir Path output) throws IOException {
        Launcher launcher = LauncherFactory.create();
        Map<String, String> first = null;
        for (int i = 0; i < LISTENER_ITERATIONS; i++) {
            results.clear();
            SummaryGeneratingListener summary = new SummaryGeneratingListener();
            launcher.execute(
                    LauncherDiscoveryRequestBuilder.request()
                            .selectors(selectors())
                            .configurationParameters(PARALLEL)
                            .configurationParameter(SummaryListener.SUMMARY_PARAMETER, "false")
                            .configurationParameter(Reporting.OUTPUT_DIR_PARAMETER, output.toString())
                            .configurationParameter(
                                    Reporting.HISTORY_DIR_PARAMETER,
                                    output.resolve("history").toString())
                            .build(),
                    summary);

            TestExecutionSummary counts = summary.getSummary();
            int iteration = i;
            assertThat(counts.getFailures().stream().map(f -> describe(f.getException())))
                    .as("failed gates in run %d", iteration)
                    .isEmpty();
            assertThat(counts.getTestsSucceededCount()).isEqualTo(GATE_TESTS);
            Map<String, String> reported = results.describeTests();
            assertThat(reported).hasSize(GATE_TESTS);
            if (first == null) {
                first = reported;
                assertTheFirstRunIsWhatModeltestReports(first);
            } else {
                assertThat(reported).as("Allure results of run %d", iteration).isEqualTo(first);
            }
        }

        for (Class<?> fixture : FIXTURES) {
            Path history = RunRecord.historyFile(output.resolve("history"), fixture);
            try (Stream<String> lines = Files.lines(history)) {
                assertThat(lines.count()).isEqualTo(Math.min(LISTENER_ITERATIONS, MetricHistory.KEEP));
            }
        }
        try (Stream<Path> records = Files.list(output.resolve("runs"))) {
            assertThat(records.filter(p -> p.toString().endsWith(".json")).count())
                    .isGreaterThanOrEqualTo(FIXTURES.size());
        }
    }

    /** Pins down what one parallel run reports, so that "the same as the first" means the right thing. */
    private static void assertTheFirstRunIsWhatModeltestReports(Map<String, String> tests) {
        String twoGates = tests.get(FirstParallelTestCase.class.getName() + ".twoGates");
        assertThat(twoGates)
                .startsWith("passed ")
                .contains("feature=performance")
                .contains("feature=data")
                .contains("suite=FirstParallelTestCase")
                .contains("tag=modeltest")
                .contains("check=accuracy-at-least")
                .contains("check=no-duplicate-rows");
        assertThat(tests.get(FirstParallelTestCase.Inner.class.getName() + ".nestedRange"))
                .contains("suite=FirstParallelTestCase")
                .contains("subSuite=Inner")
                .contains("check=output-range");
        assertThat(tests.get(ScoredParallelTestCase.class.getName() + ".accuracy"))
                .contains("suite=ScoredParallelTestCase")
                .contains("story=ScoredParallelTestCase")
                .doesNotContain("FirstParallelTestCase");
    }

    /** The error and where it was thrown, for a failure message that shows the race. */
    private static String describe(Throwable error) {
        StackTraceElement[] trace = error.getStackTrace();
        return error + (trace.length == 0 ? "" : " at " + trace[0]);
    }

    private static DiscoverySelector[] selectors() {
        return FIXTURES.stream().map(c -> selectClass(c)).toArray(DiscoverySelector[]::new);
    }

    /** Keeps test results in memory; reads and drops attachment content. */
    private static final class InMemoryResults implements AllureResultsWriter {

        private final Collection<TestResult> tests = new ConcurrentLinkedQueue<>();

        @Override
        public void write(TestResult testResult) {
            tests.add(testResult);
        }

        @Override
        public void write(TestResultContainer testResultContainer) {}

        @Override
        public void write(String source, InputStream attachment) {
            try (attachment) {
                attachment.readAllBytes();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        void clear() {
            tests.clear();
        }

        TestResult only(String fullName) {
            List<TestResult> matching =
                    tests.stream().filter(t -> fullName.equals(t.getFullName())).collect(Collectors.toList());
            assertThat(matching).hasSize(1);
            return matching.get(0);
        }

        /**
         * Describes each test by full name: status, then its sorted labels (less the per-run ones) and parameter
         * names and values that do not change from run to run.
         */
        Map<String, String> describeTests() {
            Map<String, String> described = new TreeMap<>();
            for (TestResult test : tests) {
                List<String> parts = new ArrayList<>();
                for (Label label : test.getLabels()) {
                    if (!VOLATILE_LABELS.contains(label.getName())) {
                        parts.add(label.getName() + "=" + label.getValue());
                    }
                }
                for (Parameter parameter : test.getParameters()) {
                    if (Set.of("check", "verdict", "threshold", "n").contains(parameter.getName())) {
                        parts.add(parameter.getName() + "=" + parameter.getValue());
                    }
                }
                parts.sort(null);
                String status =
                        test.getStatus() == null ? "none" : test.getStatus().value();
                String previous = described.put(test.getFullName(), status + " " + parts);
                assertThat(previous)
                        .as("two results for %s", test.getFullName())
                        .isNull();
            }
            return described;
        }
    }
}
