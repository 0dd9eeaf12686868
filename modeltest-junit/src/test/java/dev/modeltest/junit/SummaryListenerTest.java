package dev.modeltest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/** At the end of a run, the checks are printed as a table and written as Markdown. */
class SummaryListenerTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();
    private final Map<String, String> environment = new HashMap<>();

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class SummaryTestCase {
        @Order(1)
        @AccuracyAtLeast(0.85)
        void accurate() {}

        @Order(2)
        @AccuracyAtLeast(0.95)
        void veryAccurate() {}

        @Order(3)
        @OutputRange(min = 0, max = 1)
        void probabilities() {}

        @Order(4)
        @Test
        void plain() {}
    }

    @ModelTest(provider = TestModels.Threshold.class, data = "src/test/resources/fixtures/absent.csv", label = "label")
    static class MissingDataTestCase {
        @AccuracyAtLeast(0.5)
        void accurate() {}
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class BadAttributeTestCase {
        @AccuracyAtLeast(1.5)
        void tooStrict() {}
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class CloseCallTestCase {
        @Order(1)
        @AccuracyAtLeast(0.90001)
        void justMissed() {}

        @Order(2)
        @MetricAtLeast(metric = dev.modeltest.metrics.Metric.ACCURACY, value = 0.85)
        void first() {}

        @Order(3)
        @MetricAtLeast(metric = dev.modeltest.metrics.Metric.ACCURACY, value = 0.85)
        void second() {}
    }

    static class NoChecksTestCase {
        @Test
        void plain() {}
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class AllGatesDisabledTestCase {
        @Disabled("waiting for the new test set")
        @AccuracyAtLeast(0.85)
        void accurate() {}

        @Disabled("waiting for the new test set")
        @OutputRange(min = 0, max = 1)
        void probabilities() {}
    }

    @Disabled("model retired")
    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class DisabledClassTestCase {
        @AccuracyAtLeast(0.85)
        void accurate() {}
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class FailsBeforeItsGatesTestCase {
        @BeforeAll
        static void cannotStart() {
            throw new IllegalStateException("no connection");
        }

        @AccuracyAtLeast(0.85)
        void accurate() {}
    }

    @Test
    void printsATableOfEveryCheckAtTheEndOfTheRun() {
        run(SummaryTestCase.class, StandardCharsets.UTF_8, Map.of());

        assertThat(columns(console.toString(StandardCharsets.UTF_8)))
                .containsExactly(
                        "modeltest: 3 checks: 2 passed, 1 failed",
                        "MODEL | CHECK | MEASURED | THRESHOLD | INTERVAL | VERDICT",
                        "SummaryTestCase | accuracy ≥ 0.8500 on tiny.csv | 0.9000 | ≥ 0.8500 | 95% CI 0.5958–0.9821 | PASS",
                        "SummaryTestCase | accuracy ≥ 0.9500 on tiny.csv | 0.9000 | ≥ 0.9500 | 95% CI 0.5958–0.9821 | FAIL",
                        "SummaryTestCase | class probabilities within [0, 1] on tiny.csv | 0 | all in [0, 1] | PASS",
                        "modeltest: summary in " + dir.resolve("summary.md"));
    }

    @Test
    void writesTheTableInAsciiWhenTheConsoleCannotPrintUnicode() {
        run(SummaryTestCase.class, StandardCharsets.US_ASCII, Map.of());

        String text = console.toString(StandardCharsets.US_ASCII);
        assertThat(columns(text))
                .contains("SummaryTestCase | accuracy >= 0.8500 on tiny.csv | 0.9000 | >= 0.8500 | 95% CI 0.5958-0.9821"
                        + " | PASS");
        assertThat(text).doesNotContain("?");
    }

    @Test
    void writesAMarkdownSummaryWithTheMessagesOfFailedChecks() throws IOException {
        run(SummaryTestCase.class, StandardCharsets.UTF_8, Map.of());

        String markdown = Files.readString(dir.resolve("summary.md"));
        assertThat(markdown)
                .startsWith("## ❌ modeltest: 3 checks: 2 passed, 1 failed\n")
                .contains("| ✅ | SummaryTestCase | accuracy ≥ 0.8500 on tiny.csv | 0.9000 | ≥ 0.8500 |"
                        + " 95% CI 0.5958–0.9821 | PASS |\n")
                .contains("**SummaryTestCase · accuracy ≥ 0.9500 on tiny.csv** (`veryAccurate()`, FAIL)\n\n"
                        + "```text\nExpecting model accuracy on tiny.csv (n=10):\n")
                .contains("| SummaryTestCase | threshold model |  | tiny.csv (10 rows) | `39ee072ccfca…` |\n");
    }

    @Test
    void appendsTheSummaryToTheGitHubJobSummary() throws IOException {
        Path jobSummary = dir.resolve("step-summary.md");
        Files.writeString(jobSummary, "# Build\n");
        environment.put("GITHUB_STEP_SUMMARY", jobSummary.toString());

        run(SummaryTestCase.class, StandardCharsets.UTF_8, Map.of());
        run(SummaryTestCase.class, StandardCharsets.UTF_8, Map.of());

        String text = Files.readString(jobSummary);
        assertThat(text).startsWith("# Build\n## ❌ modeltest: 3 checks: 2 passed, 1 failed\n");
        assertThat(text.split("## ❌ modeltest", -1)).hasSize(3);
    }

    @Test
    void aJobSummaryThatCannotBeWrittenIsALineOnTheConsoleNotAFailure() throws IOException {
        Path notAFile = Files.createDirectories(dir.resolve("step-summary-is-a-directory"));
        environment.put("GITHUB_STEP_SUMMARY", notAFile.toString());

        run(SummaryTestCase.class, StandardCharsets.UTF_8, Map.of());

        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("modeltest: cannot append to GITHUB_STEP_SUMMARY " + notAFile + ": ");
        assertThat(Files.readString(dir.resolve("summary.md"))).startsWith("## ❌ modeltest: 3 checks");
    }

    @Test
    void aBlankGitHubStepSummaryVariableIsIgnored() {
        environment.put("GITHUB_STEP_SUMMARY", " ");

        run(SummaryTestCase.class, StandardCharsets.UTF_8, Map.of());

        assertThat(console.toString(StandardCharsets.UTF_8))
                .contains("modeltest: summary in ")
                .doesNotContain("GITHUB_STEP_SUMMARY");
    }

    @Test
    void aCheckThatCannotRunIsARowWithItsCategory() throws IOException {
        run(MissingDataTestCase.class, StandardCharsets.UTF_8, Map.of());

        String console = this.console.toString(StandardCharsets.UTF_8);
        assertThat(console)
                .startsWith("modeltest: 1 check: 0 passed, 1 could not run\n")
                .contains("MissingDataTestCase  @AccuracyAtLeast on MissingDataTestCase.accurate()")
                .contains("ERROR\n  because DATA: @ModelTest on MissingDataTestCase: data file ");
        assertThat(Files.readString(dir.resolve("summary.md")))
                .contains("| ⚠️ | MissingDataTestCase | @AccuracyAtLeast on MissingDataTestCase.accurate()<br>DATA:"
                        + " @ModelTest on MissingDataTestCase: data file ")
                .contains("```text\nDATA: @ModelTest on MissingDataTestCase: data file ");
    }

    @Test
    void aGateWithABadAttributeIsARowWithTheConfigurationError() throws IOException {
        run(BadAttributeTestCase.class, StandardCharsets.UTF_8, Map.of());

        assertThat(columns(console.toString(StandardCharsets.UTF_8)))
                .contains("BadAttributeTestCase | tooStrict() | ERROR");
        assertThat(Files.readString(dir.resolve("summary.md")))
                .contains(
                        "```text\nCONFIGURATION: @AccuracyAtLeast on BadAttributeTestCase.tooStrict(): 'value' must be"
                                + " in [0, 1], was 1.5\n```\n");
    }

    @Test
    void aValueAndItsThresholdArePrintedWithTheDigitsThatDecidedAndSameTitlesReadApart() {
        run(CloseCallTestCase.class, StandardCharsets.UTF_8, Map.of());

        assertThat(columns(console.toString(StandardCharsets.UTF_8)))
                .contains(
                        "CloseCallTestCase | accuracy ≥ 0.90001 on tiny.csv | 0.90000 | ≥ 0.90001 | 95% CI 0.5958–0.9821"
                                + " | FAIL",
                        "CloseCallTestCase | accuracy ≥ 0.8500 on tiny.csv [first()] | 0.9000 | ≥ 0.8500 | 95% CI"
                                + " 0.5958–0.9821 | PASS",
                        "CloseCallTestCase | accuracy ≥ 0.8500 on tiny.csv [second()] | 0.9000 | ≥ 0.8500 | 95% CI"
                                + " 0.5958–0.9821 | PASS");
    }

    @Test
    void printsAndWritesNothingWhenTurnedOff() {
        run(SummaryTestCase.class, StandardCharsets.UTF_8, Map.of(SummaryListener.SUMMARY_PARAMETER, "false"));

        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(dir.resolve("summary.md")).doesNotExist();
    }

    @Test
    void aRunWithoutModelChecksPrintsAndWritesNothing() {
        run(NoChecksTestCase.class, StandardCharsets.UTF_8, Map.of());

        assertThat(console.toString(StandardCharsets.UTF_8)).isEmpty();
        assertThat(dir.resolve("summary.md")).doesNotExist();
    }

    @Test
    void aModelTestClassWhoseGatesWereAllSkippedSaysThatNothingWasChecked() {
        run(AllGatesDisabledTestCase.class, StandardCharsets.UTF_8, Map.of());

        assertThat(console.toString(StandardCharsets.UTF_8))
                .isEqualTo("modeltest: no gate ran in AllGatesDisabledTestCase: it declares 2 gates, and all were"
                        + " skipped (waiting for the new test set); nothing was checked\n");
        assertThat(dir.resolve("summary.md")).doesNotExist();
    }

    @Test
    void aSkippedModelTestClassSaysThatNothingWasChecked() {
        run(DisabledClassTestCase.class, StandardCharsets.UTF_8, Map.of());

        assertThat(console.toString(StandardCharsets.UTF_8))
                .isEqualTo("modeltest: no gate ran in DisabledClassTestCase: it declares 1 gate, and the class was"
                        + " skipped (model retired); nothing was checked\n");
    }

    @Test
    void aModelTestClassWhoseGatesWereFilteredOutSaysThatNothingWasChecked() {
        runSelecting(selectMethod(SummaryTestCase.class, "plain"));

        assertThat(console.toString(StandardCharsets.UTF_8))
                .isEqualTo("modeltest: no gate ran in SummaryTestCase: it declares 3 gates, and all were filtered out"
                        + " of this run; nothing was checked\n");
    }

    @Test
    void aModelTestClassThatFailsBeforeItsGatesSaysThatNothingWasChecked() {
        run(FailsBeforeItsGatesTestCase.class, StandardCharsets.UTF_8, Map.of());

        assertThat(console.toString(StandardCharsets.UTF_8))
                .isEqualTo("modeltest: no gate ran in FailsBeforeItsGatesTestCase: it declares 1 gate, and none was"
                        + " reached (the class failed before its gates ran); nothing was checked\n");
    }

    @Test
    void aClassWithGatesThatRanGetsNoSuchLine() {
        run(SummaryTestCase.class, StandardCharsets.UTF_8, Map.of());

        assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("no gate ran");
    }

    @Test
    void launchersFindTheListenerThroughTheServiceLoader() {
        assertThat(ServiceLoader.load(TestExecutionListener.class).stream())
                .anySatisfy(provider -> assertThat(provider.type()).isEqualTo(SummaryListener.class));
    }

    /** The console lines with their column gaps (two spaces or more) shown as " | ". */
    private static List<String> columns(String text) {
        return text.lines().map(line -> line.replaceAll(" {2,}", " | ")).collect(Collectors.toList());
    }

    private void runSelecting(org.junit.platform.engine.DiscoverySelector selector) {
        SummaryListener listener = new SummaryListener(
                new PrintStream(console, true, StandardCharsets.UTF_8), StandardCharsets.UTF_8, environment::get);
        LauncherFactory.create(LauncherConfig.builder()
                        .enableTestExecutionListenerAutoRegistration(false)
                        .build())
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selector)
                                .configurationParameter(Reporting.OUTPUT_DIR_PARAMETER, dir.toString())
                                .build(),
                        listener);
    }

    private void run(Class<?> fixture, Charset consoleCharset, Map<String, String> configuration) {
        SummaryListener listener =
                new SummaryListener(new PrintStream(console, true, consoleCharset), consoleCharset, environment::get);
        // Only this listener: the one the service loader would add prints to the real console.
        LauncherFactory.create(LauncherConfig.builder()
                        .enableTestExecutionListenerAutoRegistration(false)
                        .build())
                .execute(
                        LauncherDiscoveryRequestBuilder.request()
                                .selectors(selectClass(fixture))
                                .configurationParameter(Reporting.OUTPUT_DIR_PARAMETER, dir.toString())
                                .configurationParameters(configuration)
                                .build(),
                        listener);
    }
}
