package dev.modeltest.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modeltest.internal.Hashing;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Generates the Allure results of the examples and checks the files a report is built from: one test per check,
 * named for what it asserts and grouped by model test class; parameters; attachments of the right types and sizes,
 * never the data set itself; environment.properties with the hashes; categories.json. The examples run through a
 * launcher of their own, into a results directory of their own, with Allure's JUnit listener active.
 */
class ExamplesAllureResultsTest {

    private static final Path RESULTS = Path.of("target/examples-allure-results");
    private static final Path RECORDS = Path.of("target/examples-modeltest");
    private static final String RESULTS_PROPERTY = "allure.results.directory";
    private static final ObjectMapper JSON = new ObjectMapper();

    private static final List<Class<?>> EXAMPLES =
            List.of(IrisModelTest.class, IrisProviderModelTest.class, BreastCancerScoredTest.class);

    private static AllureLifecycle previousLifecycle;
    private static String previousResults;
    private static List<JsonNode> results;

    @BeforeAll
    static void generateTheExamplesResults() throws IOException {
        previousResults = System.getProperty(RESULTS_PROPERTY);
        previousLifecycle = Allure.getLifecycle();
        // A new lifecycle reads the results directory (system properties first) and, as allure.properties asks,
        // empties it before its first write.
        System.setProperty(RESULTS_PROPERTY, RESULTS.toString());
        Allure.setLifecycle(new AllureLifecycle());
        try {
            LauncherDiscoveryRequestBuilder request = LauncherDiscoveryRequestBuilder.request()
                    .configurationParameter("modeltest.summary", "false")
                    .configurationParameter("modeltest.output.dir", RECORDS.toString());
            EXAMPLES.forEach(example -> request.selectors(selectClass(example)));
            LauncherFactory.create().execute(request.build());
        } finally {
            Allure.setLifecycle(previousLifecycle);
            if (previousResults == null) {
                System.clearProperty(RESULTS_PROPERTY);
            } else {
                System.setProperty(RESULTS_PROPERTY, previousResults);
            }
        }
        results = new ArrayList<>();
        try (Stream<Path> files = Files.list(RESULTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith("-result.json"))
                    .sorted()
                    .toList()) {
                results.add(JSON.readTree(file.toFile()));
            }
        }
    }

    @AfterAll
    static void forget() {
        results = null;
    }

    @Test
    void everyExampleTestIsThereOnceAndPasses() {
        Map<String, String> status = new TreeMap<>();
        for (JsonNode result : results) {
            String key = label(result, "testClass").replace("dev.modeltest.examples.", "") + "."
                    + label(result, "testMethod");
            assertThat(status.put(key, result.get("status").asText()))
                    .as("second result of %s", key)
                    .isNull();
        }

        assertThat(status)
                .containsOnlyKeys(
                        "BreastCancerScoredTest.accurateEnough",
                        "BreastCancerScoredTest.everyRowIsScored",
                        "BreastCancerScoredTest.malignantIsThePositiveClass",
                        "BreastCancerScoredTest.scoresAreProbabilities",
                        "IrisModelTest.accurateEnough",
                        "IrisModelTest.fastEnoughForOnlineScoring",
                        "IrisModelTest.handlesAnyRowTheSchemaAllows",
                        "IrisModelTest.inputsLookLikeTraining",
                        "IrisModelTest.noGapsInTheTestSet",
                        "IrisModelTest.predictsOneOfTheThreeSpeciesForEveryRow",
                        "IrisModelTest.probabilitiesAreProbabilities",
                        "IrisProviderModelTest.accurateEnough",
                        "IrisProviderModelTest.fastEnough",
                        "IrisProviderModelTest.probabilitiesAreProbabilities");
        assertThat(status.values()).containsOnly("passed");
    }

    @Test
    void checkTestsAreNamedForWhatTheyAssertAndGroupedByModel() {
        JsonNode accuracy = result("IrisModelTest", "accurateEnough");

        assertThat(accuracy.get("name").asText()).isEqualTo("accuracy ≥ 0.9000 on iris-test.csv");
        assertThat(result("BreastCancerScoredTest", "accurateEnough")
                        .get("name")
                        .asText())
                .isEqualTo("accuracy ≥ 0.9500 on breast-cancer-scored.csv");
        assertThat(result("IrisModelTest", "fastEnoughForOnlineScoring")
                        .get("name")
                        .asText())
                .startsWith("p99 latency ≤ 5");
        for (JsonNode result : checkResults()) {
            assertThat(result.get("name").asText())
                    .as("name of %s", label(result, "testMethod"))
                    .doesNotContain(label(result, "testMethod"));
            assertThat(label(result, "suite")).isEqualTo(simpleName(label(result, "testClass")));
            assertThat(label(result, "parentSuite")).isEmpty();
            assertThat(label(result, "feature"))
                    .isIn("performance", "output", "latency", "data", "fairness", "behaviour");
        }
        assertThat(label(result("IrisModelTest", "predictsOneOfTheThreeSpeciesForEveryRow"), "suite"))
                .isEqualTo("IrisModelTest");
    }

    @Test
    void checkTestsCarryTheirFiguresAsParameters() {
        for (JsonNode result : checkResults()) {
            Map<String, String> parameters = new HashMap<>();
            result.get("parameters")
                    .forEach(p -> parameters.put(
                            p.get("name").asText(), p.get("value").asText()));
            assertThat(parameters)
                    .as("parameters of %s", label(result, "testMethod"))
                    .containsKeys("check", "threshold", "measured", "verdict", "n", "data", "model")
                    .containsEntry("verdict", "PASS");
        }
        JsonNode accuracy = result("IrisModelTest", "accurateEnough");
        assertThat(accuracy.get("parameters").toString())
                .contains("\"name\":\"data\",\"value\":\"iris-test.csv (30 rows)\"")
                .contains("\"name\":\"model\",\"value\":\"Smile RandomForest (3 classes)\"");
    }

    @Test
    void checkTestsShowTheirStepsWithFigures() {
        for (JsonNode result : checkResults()) {
            List<String> steps = new ArrayList<>();
            result.get("steps").forEach(s -> steps.add(s.get("name").asText()));
            assertThat(steps).as("steps of %s", label(result, "testMethod")).isNotEmpty();
            assertThat(steps.get(0)).matches("load data: [\\w.-]+\\.csv, \\d+ rows, .*");
            assertThat(steps.get(steps.size() - 2)).startsWith("evaluate ");
            assertThat(steps.get(steps.size() - 1))
                    .startsWith("decide: measured ")
                    .endsWith("→ PASS");
        }
    }

    @Test
    void attachmentsAreResultsPicturesAndTablesNeverTheData() throws IOException {
        Set<String> dataLines = Stream.of("iris-test.csv", "breast-cancer-scored.csv")
                .flatMap(file ->
                        lines(Path.of("src/test/resources", file)).stream().skip(1))
                .collect(Collectors.toSet());
        for (JsonNode result : checkResults()) {
            String test = label(result, "testMethod");
            List<String> types = new ArrayList<>();
            for (JsonNode attachment : result.get("attachments")) {
                String type = attachment.get("type").asText();
                types.add(type);
                byte[] content = Files.readAllBytes(
                        RESULTS.resolve(attachment.get("source").asText()));
                // The model page holds the class's pictures; every other attachment is one picture or table.
                assertThat(content.length)
                        .as("size of %s of %s", attachment.get("name"), test)
                        .isLessThan(type.equals("text/html") ? 500_000 : 100_000);
                if (type.equals("image/png")) {
                    BufferedImage image = ImageIO.read(new ByteArrayInputStream(content));
                    assertThat(image)
                            .as("picture %s of %s", attachment.get("name"), test)
                            .isNotNull();
                    // modeltest's own pictures are 600 × 400; checks may draw their own, small ones too.
                    assertThat(image.getWidth()).isBetween(300, 1000);
                    assertThat(image.getHeight()).isBetween(200, 800);
                    if (attachment.get("name").asText().equals("confusion matrix")) {
                        assertThat(image.getWidth()).isEqualTo(600);
                        assertThat(image.getHeight()).isEqualTo(400);
                    }
                } else {
                    String text = new String(content, StandardCharsets.UTF_8);
                    if (type.equals("application/json")) {
                        assertThat(JSON.readTree(text).get("verdict").asText()).isEqualTo("PASS");
                    }
                    assertThat(text.lines())
                            .as("lines of %s of %s", attachment.get("name"), test)
                            .noneMatch(dataLines::contains);
                }
            }
            assertThat(types).as("attachment types of %s", test).startsWith("application/json");
            if (label(result, "feature").equals("performance")) {
                assertThat(types).as("attachment types of %s", test).contains("image/png", "text/csv");
            }
        }
    }

    @Test
    void environmentPropertiesLetSomeoneReproduceTheRun() throws IOException {
        Properties environment = new Properties();
        try (InputStream in = Files.newInputStream(RESULTS.resolve("environment.properties"))) {
            environment.load(in);
        }

        assertThat(environment.getProperty("modeltest.version")).isNotBlank();
        assertThat(environment.getProperty("java")).startsWith(System.getProperty("java.version"));
        assertThat(environment.getProperty("lib.junit-jupiter"))
                .isEqualTo(Test.class.getPackage().getImplementationVersion());
        assertThat(environment.getProperty("lib.smile")).isEqualTo("3.1.1");
        assertThat(environment.getProperty("lib.tablesaw")).isNotBlank();
        assertThat(environment.getProperty("IrisModelTest.data"))
                .isEqualTo("src/test/resources/iris-test.csv (30 rows, sha256 "
                        + Hashing.sha256(Path.of("src/test/resources/iris-test.csv"))
                                .substring(0, 12) + ")");
        assertThat(environment.getProperty("IrisModelTest.model"))
                .endsWith("(sha256 "
                        + Hashing.sha256(Path.of("models/iris-rf.ser")).substring(0, 12) + ")");
        assertThat(environment.getProperty("BreastCancerScoredTest.data"))
                .contains(Hashing.sha256(Path.of("src/test/resources/breast-cancer-scored.csv"))
                        .substring(0, 12));
    }

    @Test
    void categoriesSortFailuresIntoGateDataConfigurationAndModelProblems() throws IOException {
        JsonNode categories = JSON.readTree(RESULTS.resolve("categories.json").toFile());
        List<String> names = new ArrayList<>();
        categories.forEach(c -> names.add(c.get("name").asText()));

        assertThat(names)
                .containsExactly(
                        "quality gate failed",
                        "quality gate inconclusive",
                        "data invalid",
                        "model error",
                        "configuration error");
        categories.forEach(c -> assertThat(c.get("traceRegex").asText()).startsWith(".*"));
    }

    @Test
    void runRecordsHoldParamsAndMetrics() throws IOException {
        JsonNode record = JSON.readTree(RECORDS.resolve("runs/dev.modeltest.examples.IrisModelTest.json")
                .toFile());

        assertThat(record.get("params")
                        .get("accurateEnough.AccuracyAtLeast.value")
                        .asDouble())
                .isEqualTo(0.9);
        assertThat(record.get("metrics").get("accurateEnough.accuracy-at-least").asDouble())
                .isEqualTo(28.0 / 30);
        assertThat(record.get("provenance").get("modelSha256").asText())
                .isEqualTo(Hashing.sha256(Path.of("models/iris-rf.ser")));
    }

    @Test
    void oneRunWritesAModelCardPerExampleAndOneDvcMetricsFileOfThemAll() throws IOException {
        JsonNode metrics = JSON.readTree(RECORDS.resolve("metrics.json").toFile());

        for (Class<?> example : EXAMPLES) {
            assertThat(metrics.fieldNames()).toIterable().anyMatch(key -> key.startsWith(example.getName() + "."));
            assertThat(RECORDS.resolve("model-cards").resolve(example.getName() + ".md"))
                    .content()
                    .startsWith("# Model card: " + example.getSimpleName() + "\n");
        }
        JsonNode accuracy = metrics.get("dev.modeltest.examples.IrisModelTest.accurateEnough.accuracy-at-least");
        assertThat(accuracy.get("value").asDouble()).isEqualTo(28.0 / 30);
        assertThat(accuracy.get("passed").asInt()).isEqualTo(1);
        assertThat(RECORDS.resolve("model-cards/dev.modeltest.examples.IrisModelTest.md"))
                .content()
                .contains("| accuracy ≥ 0.9000 on iris-test.csv | `accurateEnough()` | 0.9333 |"
                        + " 95% CI 0.7868–0.9815 (Wilson) | ≥ 0.9000 | 30 | PASS |\n");
    }

    private static List<JsonNode> checkResults() {
        return results.stream()
                .filter(r -> !label(r, "feature").isEmpty())
                .sorted(Comparator.comparing(r -> label(r, "testMethod")))
                .collect(Collectors.toList());
    }

    private static JsonNode result(String testClass, String method) {
        return results.stream()
                .filter(r -> label(r, "testClass").equals("dev.modeltest.examples." + testClass)
                        && label(r, "testMethod").equals(method))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no Allure result of " + testClass + "." + method));
    }

    private static String label(JsonNode result, String name) {
        for (JsonNode label : result.get("labels")) {
            if (label.get("name").asText().equals(name)) {
                return label.get("value").asText();
            }
        }
        return "";
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
