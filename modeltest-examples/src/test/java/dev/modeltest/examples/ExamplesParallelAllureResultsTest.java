package dev.modeltest.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;

/**
 * Runs every example model test class twice with Allure's JUnit listener, once serially and once with JUnit's
 * parallel execution on (classes and methods concurrent), and compares the Allure results: the same tests, the same
 * statuses, the same labels and the same gate parameters.
 */
class ExamplesParallelAllureResultsTest {

    private static final List<Class<?>> EXAMPLES = List.of(
            BreastCancerScoredTest.class,
            CreditFairnessTest.class,
            IrisDataQualityTest.class,
            IrisDriftTest.class,
            IrisMetricsTest.class,
            IrisModelTest.class,
            IrisParquetTest.class,
            IrisProviderModelTest.class,
            OnnxBreastCancerTest.class,
            OnnxDiabetesTest.class,
            TribuoIrisTest.class,
            XGBoostBreastCancerTest.class);

    /** Labels Allure gives each result that name where it ran, not what it is. */
    private static final Set<String> PER_RUN_LABELS = Set.of("thread", "host");

    /** Gate parameters that do not depend on timing (the measured value of a latency gate does). */
    private static final Set<String> STABLE_PARAMETERS = Set.of("check", "threshold", "verdict");

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void aParallelRunReportsWhatASerialRunReports() throws IOException {
        Map<String, String> serial = run(Path.of("target/examples-allure-serial"), false);
        Map<String, String> parallel = run(Path.of("target/examples-allure-parallel"), true);

        assertThat(serial.values()).allSatisfy(test -> assertThat(test).startsWith("passed "));
        assertThat(serial.values())
                .filteredOn(test -> test.contains("tag=modeltest") && test.contains("verdict=PASS"))
                .as("gate tests")
                .hasSizeGreaterThan(EXAMPLES.size() * 3);
        assertThat(parallel).isEqualTo(serial);
    }

    /** Runs the examples into a results directory of their own and describes each test result by its full name. */
    private static Map<String, String> run(Path results, boolean parallel) throws IOException {
        deleteRecursively(results);
        AllureLifecycle previous = Allure.getLifecycle();
        // Allure's listener takes the lifecycle it finds when the launcher is created, and modeltest reports to it.
        Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(results)));
        SummaryGeneratingListener summary = new SummaryGeneratingListener();
        try {
            LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                    .configurationParameter("modeltest.summary", "false")
                    .configurationParameter("modeltest.output.dir", results + "-modeltest")
                    .configurationParameter("junit.jupiter.execution.parallel.enabled", String.valueOf(parallel))
                    .configurationParameter("junit.jupiter.execution.parallel.mode.default", "concurrent")
                    .configurationParameter("junit.jupiter.execution.parallel.mode.classes.default", "concurrent");
            EXAMPLES.forEach(example -> request.selectors(selectClass(example)));
            LauncherFactory.create().execute(request.build(), summary);
        } finally {
            Allure.setLifecycle(previous);
        }
        assertThat(summary.getSummary().getFailures().stream()
                        .map(f -> f.getTestIdentifier().getLegacyReportingName() + ": " + f.getException()))
                .as(parallel ? "failures in the parallel run" : "failures in the serial run")
                .isEmpty();

        Map<String, String> tests = new TreeMap<>();
        try (Stream<Path> files = Files.list(results)) {
            for (Path file : files.filter(f -> f.toString().endsWith("-result.json"))
                    .sorted()
                    .toList()) {
                JsonNode result = JSON.readTree(file.toFile());
                List<String> parts = new ArrayList<>();
                for (JsonNode label : result.path("labels")) {
                    if (!PER_RUN_LABELS.contains(label.get("name").asText())) {
                        parts.add(label.get("name").asText() + "="
                                + label.get("value").asText());
                    }
                }
                for (JsonNode parameter : result.path("parameters")) {
                    if (STABLE_PARAMETERS.contains(parameter.get("name").asText())) {
                        parts.add(parameter.get("name").asText() + "="
                                + parameter.get("value").asText());
                    }
                }
                parts.sort(null);
                String previousResult = tests.put(
                        result.get("fullName").asText(), result.get("status").asText() + " " + parts);
                assertThat(previousResult)
                        .as("two results for %s", result.get("fullName"))
                        .isNull();
            }
        }
        return tests;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
