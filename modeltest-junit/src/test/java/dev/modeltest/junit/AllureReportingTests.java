package dev.modeltest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modeltest.internal.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * With allure-jupiter on the class path, check tests carry parameters and a JSON attachment of their result, and the
 * run writes environment.properties. Runs a fixture through the real Launcher, where Allure's listener is active.
 */
class AllureReportingTests {

    private static final Path RESULTS = Path.of("target/allure-results");
    private static final ObjectMapper JSON = new ObjectMapper();

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class AllureTestCase {
        @AccuracyAtLeast(0.85)
        void allureAccuracyPasses() {}

        @AccuracyAtLeast(0.95)
        void allureAccuracyFails() {}
    }

    @BeforeAll
    static void runFixtureThroughTheLauncher() {
        Launcher launcher = LauncherFactory.create();
        launcher.execute(LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(AllureTestCase.class))
                .build());
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
        assertThat(environment.getProperty("AllureTestCase.data")).isEqualTo(TestModels.TINY + " (10 rows)");
        assertThat(environment.getProperty("AllureTestCase.data.sha256"))
                .isEqualTo(Hashing.sha256(Path.of(TestModels.TINY)));
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
        assertThat(matches).as("Allure results of %s()", method).isNotEmpty();
        // Results pile up across runs without `mvn clean`: take the newest.
        return matches.stream()
                .max(Comparator.comparingLong(r -> r.get("stop").asLong()))
                .orElseThrow();
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
}
