package dev.modeltest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.check.Verdict;
import dev.modeltest.internal.Hashing;
import dev.modeltest.model.Predictions;
import dev.modeltest.report.CiExecutor;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * With allure-jupiter on the class path, check tests carry a name, labels, steps, parameters and attachments, and the
 * run writes environment.properties and categories.json. Runs fixtures through the real Launcher, where Allure's
 * listener is active, into a results directory of their own.
 */
class AllureReportingTest {

    private static final Path RESULTS = Path.of("target/allure-results-reporting-tests");
    private static final Path OUTPUT = Path.of("target/modeltest-allure-fixtures");
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESULTS_PROPERTY = "allure.results.directory";

    private static AllureLifecycle previousLifecycle;
    private static String previousResults;

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class AllureTestCase {
        @AccuracyAtLeast(0.85)
        void allureAccuracyPasses() {}

        @AccuracyAtLeast(0.95)
        void allureAccuracyFails() {}
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class TrendPerKeyTestCase {
        @F1AtLeast(0.8)
        @AucAtLeast(0.9)
        void trendOfTwoMetricGates() {}

        @AucAtLeast(0.9)
        void trendOfTheOnlyGate() {}
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class StepsTestCase {
        @Order(1)
        @AccuracyAtLeast(0.5)
        void computesTheSubject() {}

        @Order(2)
        @OutputRange(min = 0, max = 1)
        void sharesTheSubject() {}

        @Order(3)
        @Test
        void plainTest(Predictions predictions) {
            assertThat(predictions.size()).isEqualTo(10);
        }

        @Order(4)
        @AccuracyAtLeast(0.5)
        @NoMissingValues
        void twoGates() {}

        @Nested
        class Slice {
            @AccuracyAtLeast(0.5)
            void nestedCheck() {}
        }
    }

    @ModelTest(provider = TestModels.Threshold.class, data = "src/test/resources/fixtures/absent.csv", label = "label")
    static class DataErrorTestCase {
        @AccuracyAtLeast(0.5)
        void dataIsMissing() {}
    }

    @ModelTest(provider = TestModels.Broken.class, data = TestModels.TINY, label = "label")
    static class ModelErrorTestCase {
        @AccuracyAtLeast(0.5)
        void modelDoesNotLoad() {}
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class OtherFailuresTestCase {
        @AccuracyAtLeast(1.5)
        void thresholdOutOfRange() {}

        @CannotDecide
        void notEnoughData() {}

        @Test
        void plainAssertionFails() {
            fail("a plain assertion");
        }
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class ParentSuiteTestCase {
        @AccuracyAtLeast(0.5)
        void groupedUnderItsPackage() {}
    }

    /** A check that never has enough data to decide. */
    @Target(ElementType.METHOD)
    @Retention(RetentionPolicy.RUNTIME)
    @Test
    @ExtendWith(ModelTestExtension.class)
    @CheckedBy(CannotDecideFactory.class)
    @interface CannotDecide {}

    static final class CannotDecideFactory implements CheckFactory<CannotDecide> {
        @Override
        public dev.modeltest.check.Check create(CannotDecide annotation, String where) {
            return subject -> CheckResult.builder("cannot-decide", Family.PERFORMANCE)
                    .title("undecidable on " + subject.data().name())
                    .verdict(Verdict.INCONCLUSIVE)
                    .threshold("≥ 0.5000")
                    .n(subject.data().rowCount())
                    .message("Cannot decide on " + subject.data().rowCount() + " rows")
                    .build();
        }
    }

    @BeforeAll
    static void runFixturesThroughTheLauncher() throws IOException {
        deleteRecursively(RESULTS);
        deleteRecursively(OUTPUT);
        // Two earlier runs of AllureTestCase, for the trend chart.
        Path history = OUTPUT.resolve("history").resolve(AllureTestCase.class.getName() + ".jsonl");
        Files.createDirectories(history.getParent());
        Files.writeString(
                history,
                "{\"metrics\":{\"allureAccuracyPasses.accuracy-at-least\":0.8,"
                        + "\"allureAccuracyFails.accuracy-at-least\":0.9}}\n"
                        + "{\"metrics\":{\"allureAccuracyPasses.accuracy-at-least\":0.85,"
                        + "\"allureAccuracyFails.accuracy-at-least\":0.9}}\n");
        // An earlier run recorded before keys had qualifiers, and one after: each gate's trend reads its own key.
        Files.writeString(
                OUTPUT.resolve("history").resolve(TrendPerKeyTestCase.class.getName() + ".jsonl"),
                "{\"metrics\":{\"trendOfTwoMetricGates.metric-at-least\":0.5,"
                        + "\"trendOfTheOnlyGate.metric-at-least\":0.5}}\n"
                        + "{\"schemaVersion\":2,\"metrics\":{\"trendOfTwoMetricGates.metric-at-least:roc_auc\":0.6}}\n");
        // Allure reads its results directory when a lifecycle is created, system properties first.
        previousResults = System.getProperty(RESULTS_PROPERTY);
        previousLifecycle = Allure.getLifecycle();
        System.setProperty(RESULTS_PROPERTY, RESULTS.toString());
        Allure.setLifecycle(new AllureLifecycle());
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(
                        selectClass(AllureTestCase.class),
                        selectClass(TrendPerKeyTestCase.class),
                        selectClass(StepsTestCase.class),
                        selectClass(DataErrorTestCase.class),
                        selectClass(ModelErrorTestCase.class),
                        selectClass(OtherFailuresTestCase.class))
                .configurationParameter(SummaryListener.SUMMARY_PARAMETER, "false")
                .configurationParameter(Reporting.OUTPUT_DIR_PARAMETER, OUTPUT.toString())
                .configurationParameter(
                        Reporting.HISTORY_DIR_PARAMETER,
                        OUTPUT.resolve("history").toString())
                .build());
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(ParentSuiteTestCase.class))
                .configurationParameter(SummaryListener.SUMMARY_PARAMETER, "false")
                .configurationParameter(Reporting.OUTPUT_DIR_PARAMETER, OUTPUT.toString())
                .configurationParameter(
                        Reporting.HISTORY_DIR_PARAMETER,
                        OUTPUT.resolve("history").toString())
                .configurationParameter(Reporting.PARENT_SUITE_PARAMETER, "package")
                .build());
    }

    @AfterAll
    static void restoreAllure() {
        Allure.setLifecycle(previousLifecycle);
        if (previousResults == null) {
            System.clearProperty(RESULTS_PROPERTY);
        } else {
            System.setProperty(RESULTS_PROPERTY, previousResults);
        }
    }

    @Test
    void checkTestsCarryNameFeatureParametersAndAJsonAttachment() throws IOException {
        JsonNode passed = resultOf("allureAccuracyPasses");

        assertThat(passed.get("name").asText()).isEqualTo("accuracy ≥ 0.8500 on tiny.csv");
        assertThat(passed.get("status").asText()).isEqualTo("passed");
        assertThat(labels(passed)).containsEntry("feature", "performance");
        Map<String, String> parameters = parameters(passed);
        assertThat(parameters)
                .containsEntry("check", "accuracy-at-least")
                .containsEntry("threshold", "≥ 0.8500")
                .containsEntry("measured", "0.9000 (95% CI 0.5958–0.9821)")
                .containsEntry("verdict", "PASS")
                .containsEntry("n", "10")
                .containsEntry("data", "tiny.csv (10 rows)")
                .containsEntry("model", "threshold model");
        JsonNode attachment = passed.get("attachments").get(0);
        assertThat(attachment.get("type").asText()).isEqualTo("application/json");
        JsonNode result =
                JSON.readTree(RESULTS.resolve(attachment.get("source").asText()).toFile());
        assertThat(result.get("verdict").asText()).isEqualTo("PASS");
        assertThat(result.get("measured").asDouble()).isEqualTo(0.9);
        assertThat(result.get("interval").get("method").asText()).isEqualTo("Wilson");
        assertThat(result.get("provenance").get("dataSha256").asText())
                .isEqualTo(Hashing.sha256(Path.of(TestModels.TINY)));
    }

    @Test
    void failingCheckIsAFailedAllureTestWithTheMessage() throws IOException {
        JsonNode failed = resultOf("allureAccuracyFails");

        assertThat(failed.get("status").asText()).isEqualTo("failed");
        assertThat(failed.get("statusDetails").get("message").asText())
                .startsWith("Expecting model accuracy on tiny.csv (n=10):");
        assertThat(parameters(failed)).containsEntry("verdict", "FAIL");
    }

    @Test
    void runWritesEnvironmentPropertiesForReproducibility() throws IOException {
        Properties environment = new Properties();
        try (InputStream in = Files.newInputStream(RESULTS.resolve("environment.properties"))) {
            environment.load(in);
        }

        assertThat(environment.getProperty("modeltest.version")).isEqualTo("0.1.0-SNAPSHOT");
        assertThat(environment.getProperty("java")).startsWith(System.getProperty("java.version"));
        assertThat(environment.getProperty("os")).isNotBlank();
        assertThat(environment.getProperty("cpu")).contains("cores");
        assertThat(environment.getProperty("AllureTestCase.data"))
                .isEqualTo(TestModels.TINY + " (10 rows, sha256 "
                        + Hashing.sha256(Path.of(TestModels.TINY)).substring(0, 12) + ")");
        assertThat(environment.stringPropertyNames()).noneMatch(key -> key.endsWith(".sha256"));
    }

    @Test
    void everyCheckTestOfAClassShowsTheClasssModelPageFromOneFile() throws IOException {
        JsonNode passes = attachment(resultOf("allureAccuracyPasses"), AllureSupport.MODEL_PAGE);
        JsonNode fails = attachment(resultOf("allureAccuracyFails"), AllureSupport.MODEL_PAGE);

        assertThat(passes.get("type").asText()).isEqualTo("text/html");
        assertThat(fails.get("source").asText()).isEqualTo(passes.get("source").asText());
        String page = Files.readString(RESULTS.resolve(passes.get("source").asText()));
        assertThat(page)
                .startsWith("<!DOCTYPE html>")
                .contains("<h1>AllureTestCase</h1>")
                .contains("accuracy ≥ 0.8500 on tiny.csv")
                .contains("accuracy ≥ 0.9500 on tiny.csv");
        assertThat(page).isEqualTo(Files.readString(ModelPages.file(OUTPUT, AllureTestCase.class)));
    }

    @Test
    void aCheckThatCouldNotRunShowsTheModelPageSayingWhy() throws IOException {
        JsonNode page = attachment(resultOf("dataIsMissing"), AllureSupport.MODEL_PAGE);

        assertThat(Files.readString(RESULTS.resolve(page.get("source").asText())))
                .contains("<p class=\"problem\" id=\"data-problem\">The test data did not load: ")
                .contains("absent.csv");
    }

    @Test
    void theCurvesOfTwoMetricChecksAreOneFile() throws IOException {
        JsonNode f1 = resultOf("trendOfTwoMetricGates");
        JsonNode auc = resultOf("trendOfTheOnlyGate");

        assertThat(attachment(f1, "ROC curve").get("source").asText())
                .isEqualTo(attachment(auc, "ROC curve").get("source").asText());
        assertThat(attachment(f1, "precision-recall curve").get("source").asText())
                .isEqualTo(
                        attachment(auc, "precision-recall curve").get("source").asText());
    }

    @Test
    void tablesForPeopleAreRoundedAndCurveDataStaysExact() {
        byte[] csv = "group,rate\nF,0.7092555331991952\n".getBytes(StandardCharsets.UTF_8);

        assertThat(new String(
                        AllureSupport.forPeople(dev.modeltest.check.Attachment.csv("per-group table", () -> ""), csv),
                        StandardCharsets.UTF_8))
                .isEqualTo("group,rate\nF,0.7093\n");
        assertThat(AllureSupport.forPeople(dev.modeltest.check.Attachment.csv("ROC curve data", () -> ""), csv))
                .isEqualTo(csv);
        assertThat(AllureSupport.forPeople(dev.modeltest.check.Attachment.json("result", () -> ""), csv))
                .isEqualTo(csv);
    }

    @Test
    void environmentIsWrittenSortedByKey() throws IOException {
        List<String> keys = Files.readAllLines(RESULTS.resolve("environment.properties")).stream()
                .filter(line -> !line.startsWith("#"))
                .map(line -> line.substring(0, line.indexOf('=')))
                .toList();

        assertThat(keys).isNotEmpty().isSorted();
    }

    @Test
    void environmentNamesTheLibraryVersions() throws IOException {
        Properties environment = new Properties();
        try (InputStream in = Files.newInputStream(RESULTS.resolve("environment.properties"))) {
            environment.load(in);
        }

        assertThat(environment.getProperty("lib.junit-jupiter"))
                .isEqualTo(Test.class.getPackage().getImplementationVersion());
        assertThat(environment.getProperty("lib.allure"))
                .isEqualTo(Allure.class.getPackage().getImplementationVersion());
        assertThat(environment.getProperty("lib.tablesaw")).matches("\\d+\\.\\d+\\.\\d+");
        assertThat(environment.getProperty("StepsTestCase.model")).isEqualTo("threshold model");
    }

    @Test
    void testsAreGroupedByModelTestClassAndCheckFamily() throws IOException {
        Map<String, String> labels = labels(resultOf("computesTheSubject"));

        assertThat(labels)
                .containsEntry("suite", "StepsTestCase")
                .containsEntry("feature", "performance")
                .containsEntry("story", "StepsTestCase")
                .containsEntry("tag", "modeltest")
                .doesNotContainKey("subSuite")
                .doesNotContainKey("parentSuite");
        assertThat(labels(resultOf("sharesTheSubject"))).containsEntry("feature", "output");
        assertThat(labels(resultOf("nestedCheck")))
                .containsEntry("suite", "StepsTestCase")
                .containsEntry("subSuite", "Slice");
        assertThat(labels(resultOf("plainTest")))
                .containsEntry("suite", "StepsTestCase")
                .doesNotContainKey("feature");
        assertThat(resultOf("plainTest").get("name").asText()).isEqualTo("plainTest(Predictions)");
    }

    @Test
    void aParentSuiteCanBeConfigured() throws IOException {
        assertThat(labels(resultOf("groupedUnderItsPackage")))
                .containsEntry("parentSuite", "dev.modeltest.junit")
                .containsEntry("suite", "ParentSuiteTestCase");
    }

    @Test
    void theFirstCheckShowsTheStepsItComputedWithRowsAndTimes() throws IOException {
        List<String> steps = stepNames(resultOf("computesTheSubject"));

        assertThat(steps).hasSize(5);
        assertThat(steps.get(0)).matches("load data: tiny\\.csv, 10 rows, \\d+\\.\\d{3} ms");
        assertThat(steps.get(1)).matches("load model: threshold model, \\d+\\.\\d{3} ms");
        assertThat(steps.get(2)).matches("predict: 10 rows, \\d+\\.\\d{3} ms");
        assertThat(steps.get(3)).matches("evaluate accuracy-at-least: \\d+\\.\\d{3} ms");
        assertThat(steps.get(4)).isEqualTo("decide: measured 0.9000 (95% CI 0.5958–0.9821), gate ≥ 0.5000 → PASS");
    }

    @Test
    void laterChecksShowTheSharedStepsAsComputedOnce() throws IOException {
        JsonNode shared = resultOf("sharesTheSubject");
        List<String> steps = stepNames(shared);

        assertThat(steps.subList(0, 3))
                .allSatisfy(step -> assertThat(step).endsWith(" ms (shared: computed once, for an earlier check)"));
        assertThat(steps.get(3)).startsWith("evaluate output-range: ");
        assertThat(steps.get(4)).isEqualTo("decide: measured 0, gate all in [0, 1] → PASS");
        for (JsonNode step : shared.get("steps")) {
            if (step.get("name").asText().contains("shared")) {
                assertThat(step.get("stop").asLong())
                        .isEqualTo(step.get("start").asLong());
            }
        }
    }

    @Test
    void aFailedDecisionIsAFailedStep() throws IOException {
        JsonNode failed = resultOf("allureAccuracyFails");
        JsonNode decide = failed.get("steps").get(failed.get("steps").size() - 1);

        assertThat(decide.get("name").asText())
                .isEqualTo("decide: measured 0.9000 (95% CI 0.5958–0.9821), gate ≥ 0.9500 → FAIL");
        assertThat(decide.get("status").asText()).isEqualTo("failed");
        // The message is the status message already; it is not repeated as the description.
        assertThat(failed.path("descriptionHtml").asText("")).isEmpty();
    }

    @Test
    void aMethodWithTwoGatesNamesBothAndShowsTheStepsOfEach() throws IOException {
        JsonNode both = resultOf("twoGates");

        assertThat(both.get("name").asText())
                .isEqualTo("accuracy ≥ 0.5000 on tiny.csv · no missing values in tiny.csv");
        assertThat(stepNames(both)).filteredOn(s -> s.startsWith("decide: ")).hasSize(2);
        assertThat(labels(both).get("feature")).isIn("performance", "data");
        assertThat(both.get("parameters")).hasSize(14);
    }

    @Test
    void aPassedCheckStatesItsMeasuredValueForTheHistoryTab() throws IOException {
        JsonNode passed = resultOf("allureAccuracyPasses");

        assertThat(passed.get("statusDetails").get("message").asText())
                .isEqualTo("PASS: measured 0.9000 (95% CI 0.5958–0.9821), gate ≥ 0.8500, n=10");
        assertThat(passed.get("descriptionHtml").asText())
                .isEqualTo(
                        "<pre style=\"white-space:pre;overflow-x:auto\">Expecting model accuracy on tiny.csv (n=10):\n"
                                + "  0.9000 (95% CI 0.5958–0.9821, 9 of 10 right)\n"
                                + "to be at least:\n"
                                + "  0.8500</pre>");
    }

    @Test
    void parametersAreLeftOutOfTheHistoryIdSoATestKeepsItsHistory() throws IOException {
        for (JsonNode parameter : resultOf("allureAccuracyPasses").get("parameters")) {
            assertThat(parameter.get("excluded").asBoolean())
                    .as("parameter %s excluded", parameter.get("name"))
                    .isTrue();
        }
    }

    @Test
    void aPerformanceCheckOnAClassifierCarriesTheConfusionMatrixAndThePerClassTable() throws IOException {
        JsonNode passed = resultOf("allureAccuracyPasses");
        List<String> attachments = new ArrayList<>();
        for (JsonNode attachment : passed.get("attachments")) {
            attachments.add(attachment.get("name").asText() + " ["
                    + attachment.get("type").asText() + "]");
        }

        assertThat(attachments)
                .containsExactly(
                        "result of accuracy-at-least [application/json]",
                        "confusion matrix [image/png]",
                        "per-class precision, recall, F1 [text/csv]",
                        "accuracy-at-least over builds [image/png]",
                        "model page [text/html]");
        byte[] png = Files.readAllBytes(
                RESULTS.resolve(passed.get("attachments").get(1).get("source").asText()));
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        String csv = Files.readString(
                RESULTS.resolve(passed.get("attachments").get(2).get("source").asText()));
        assertThat(csv)
                .isEqualTo("class,support,predicted,correct,precision,recall,f1\n"
                        + "a,5,6,5,0.8333,1.0000,0.9091\n"
                        + "b,5,4,4,1.0000,0.8000,0.8889\n");
    }

    @Test
    void aCheckWithEarlierRunsCarriesItsValueOverBuilds() throws IOException {
        List<String> history =
                Files.readAllLines(OUTPUT.resolve("history").resolve(AllureTestCase.class.getName() + ".jsonl"));

        assertThat(history).hasSize(3);
        assertThat(JSON.readTree(history.get(2))
                        .get("metrics")
                        .get("allureAccuracyPasses.accuracy-at-least")
                        .asDouble())
                .isEqualTo(0.9);
        JsonNode trend = resultOf("allureAccuracyPasses").get("attachments").get(3);
        assertThat(trend.get("name").asText()).isEqualTo("accuracy-at-least over builds");
        assertThat(Files.readAllBytes(RESULTS.resolve(trend.get("source").asText())))
                .startsWith(0x89, 'P', 'N', 'G');
        // The first run of a check has no trend yet, nor has a check whose value never moved.
        assertThat(resultOf("computesTheSubject").get("attachments").toString()).doesNotContain("over builds");
        assertThat(resultOf("allureAccuracyFails").get("attachments").toString())
                .doesNotContain("over builds");
    }

    @Test
    void eachMetricGateOfAMethodHasTheTrendOfItsOwnKey() throws IOException {
        List<String> twoGates = attachmentNames(resultOf("trendOfTwoMetricGates"));

        assertThat(twoGates)
                .contains("result of metric-at-least:f1", "result of metric-at-least:roc_auc")
                .contains("metric-at-least:roc_auc over builds")
                // The F1 gate has no earlier value of its own: the old key's 0.5 may have been either gate's.
                .doesNotContain("metric-at-least:f1 over builds");
        // A method's only gate reads the value recorded under the old key.
        assertThat(attachmentNames(resultOf("trendOfTheOnlyGate"))).contains("metric-at-least:roc_auc over builds");
    }

    @Test
    void theSubjectsPicturesAreWrittenOnceAndSharedByItsChecks() throws IOException {
        Set<String> sources = new LinkedHashSet<>();
        for (String test : List.of("computesTheSubject", "twoGates", "nestedCheck")) {
            for (JsonNode attachment : resultOf(test).get("attachments")) {
                if (attachment.get("name").asText().equals("confusion matrix")) {
                    sources.add(attachment.get("source").asText());
                }
            }
        }

        assertThat(sources).hasSize(1);
        assertThat(RESULTS.resolve(sources.iterator().next())).exists();
    }

    @Test
    void checksOfOtherFamiliesCarryOnlyTheirResultAndTheModelPage() throws IOException {
        JsonNode output = resultOf("sharesTheSubject");

        assertThat(attachmentNames(output)).containsExactly("result of output-range", AllureSupport.MODEL_PAGE);
    }

    @Test
    void aCheckThatCannotRunShowsABrokenEvaluateStep() throws IOException {
        JsonNode broken = resultOf("modelDoesNotLoad");

        assertThat(broken.get("status").asText()).isEqualTo("broken");
        List<String> steps = stepNames(broken);
        assertThat(steps.get(0)).startsWith("load data: tiny.csv, 10 rows, ");
        assertThat(steps.get(steps.size() - 1)).isEqualTo("evaluate: could not run (MODEL)");
        JsonNode evaluate = broken.get("steps").get(steps.size() - 1);
        assertThat(evaluate.get("status").asText()).isEqualTo("broken");
        assertThat(evaluate.get("statusDetails").get("message").asText()).contains("weights.bin: no such file");
    }

    @Test
    void categoriesSortFailuresByWhatWentWrong() throws IOException {
        Map<String, Set<String>> categories = new HashMap<>();
        for (String test : List.of(
                "allureAccuracyFails",
                "dataIsMissing",
                "modelDoesNotLoad",
                "thresholdOutOfRange",
                "notEnoughData",
                "plainAssertionFails",
                "allureAccuracyPasses")) {
            categories.put(test, categoriesOf(resultOf(test)));
        }

        assertThat(categories)
                .containsEntry("allureAccuracyFails", Set.of("quality gate failed"))
                .containsEntry("dataIsMissing", Set.of("data invalid"))
                .containsEntry("modelDoesNotLoad", Set.of("model error"))
                .containsEntry("thresholdOutOfRange", Set.of("configuration error"))
                .containsEntry("notEnoughData", Set.of("quality gate inconclusive"))
                .containsEntry("plainAssertionFails", Set.of())
                .containsEntry("allureAccuracyPasses", Set.of());
    }

    @Test
    void executorIsWrittenExactlyWhenACiSystemIsRecognised() throws IOException {
        Path executor = RESULTS.resolve("executor.json");

        assertThat(Files.exists(executor)).isEqualTo(CiExecutor.current().isPresent());
        if (Files.exists(executor)) {
            assertThat(JSON.readTree(executor.toFile()).get("name").asText())
                    .isEqualTo(CiExecutor.current().orElseThrow().get("name"));
        }
    }

    /** Applies categories.json to a result the way Allure 2 does: every category whose conditions all match. */
    private static Set<String> categoriesOf(JsonNode result) throws IOException {
        JsonNode categories = JSON.readTree(RESULTS.resolve("categories.json").toFile());
        String status = result.get("status").asText();
        JsonNode details = result.get("statusDetails");
        String message = details == null || details.get("message") == null
                ? null
                : details.get("message").asText();
        String trace = details == null || details.get("trace") == null
                ? null
                : details.get("trace").asText();
        Set<String> matched = new LinkedHashSet<>();
        for (JsonNode category : categories) {
            boolean statusMatches = category.get("matchedStatuses") == null
                    || category.get("matchedStatuses").isEmpty();
            if (!statusMatches) {
                for (JsonNode s : category.get("matchedStatuses")) {
                    statusMatches |= s.asText().equals(status);
                }
            }
            boolean messageMatches = category.get("messageRegex") == null
                    || message != null && fullMatch(category.get("messageRegex").asText(), message);
            boolean traceMatches = category.get("traceRegex") == null
                    || trace != null && fullMatch(category.get("traceRegex").asText(), trace);
            if (statusMatches && messageMatches && traceMatches) {
                matched.add(category.get("name").asText());
            }
        }
        return matched;
    }

    private static boolean fullMatch(String regex, String text) {
        return Pattern.compile(regex, Pattern.DOTALL).matcher(text).matches();
    }

    private static List<String> attachmentNames(JsonNode result) {
        List<String> names = new ArrayList<>();
        result.get("attachments").forEach(a -> names.add(a.get("name").asText()));
        return names;
    }

    private static JsonNode resultOf(String method) throws IOException {
        List<JsonNode> matches = new ArrayList<>();
        try (Stream<Path> files = Files.list(RESULTS)) {
            for (Path file : (Iterable<Path>) files.filter(f -> f.toString().endsWith("-result.json"))::iterator) {
                JsonNode node = JSON.readTree(file.toFile());
                if (method.equals(labels(node).get("testMethod"))) {
                    matches.add(node);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        assertThat(matches).as("Allure results of %s()", method).hasSize(1);
        return matches.stream()
                .max(Comparator.comparingLong(r -> r.get("stop").asLong()))
                .orElseThrow();
    }

    /** Returns a result's attachment by name; there must be exactly one (or, for a test of two checks, alike ones). */
    private static JsonNode attachment(JsonNode result, String name) {
        List<JsonNode> found = new ArrayList<>();
        result.get("attachments").forEach(a -> {
            if (name.equals(a.get("name").asText())) {
                found.add(a);
            }
        });
        assertThat(found)
                .as("attachments named '%s' of %s", name, result.get("name").asText())
                .isNotEmpty();
        assertThat(found.stream().map(a -> a.get("source").asText()).distinct()).hasSize(1);
        return found.get(0);
    }

    private static List<String> stepNames(JsonNode result) {
        List<String> names = new ArrayList<>();
        result.get("steps").forEach(step -> names.add(step.get("name").asText()));
        return names;
    }

    private static Map<String, String> labels(JsonNode result) {
        Map<String, String> labels = new HashMap<>();
        result.get("labels")
                .forEach(l -> labels.put(l.get("name").asText(), l.get("value").asText()));
        return labels;
    }

    private static Map<String, String> parameters(JsonNode result) {
        Map<String, String> parameters = new HashMap<>();
        result.get("parameters")
                .forEach(p ->
                        parameters.put(p.get("name").asText(), p.get("value").asText()));
        return parameters;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : (Iterable<Path>) paths.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(path);
            }
        }
    }
}
