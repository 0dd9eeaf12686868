package dev.modeltest.junit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.modeltest.behaviour.Direction;
import dev.modeltest.model.Model;
import dev.modeltest.model.ModelProvider;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.FileSystemResultsWriter;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * A failing behavioural gate shows its offending rows in the Allure report: the table (original, changed, both
 * predictions) is an attachment of the failed test, a CSV with a header and numbers rounded for reading, the worst rows
 * first where rows have a size. Runs fixtures through the real Launcher, where Allure's listener is active, into a
 * results directory of their own.
 */
class BehaviourAllureTest {

    private static final Path RESULTS = Path.of("target/allure-results-behaviour-tests");
    private static final ObjectMapper JSON = new ObjectMapper();

    /** A regressor of x1 plus 0.5 on blue rows: its value moves with the colour. */
    public static final class BlueAddsHalf implements ModelProvider {
        @Override
        public Model load() {
            return Model.regressor(row -> row.getDouble("x1") + ("blue".equals(row.getString("color")) ? 0.5 : 0));
        }
    }

    @ModelTest(provider = BehaviourAnnotationsTest.BlueIsB.class, data = BehaviourAnnotationsTest.DATA, label = "label")
    static class ClassifierTestCase {
        @InvariantTo(
                column = "color",
                values = {"red", "blue"},
                maxFlipRate = 0.1)
        void colorBlind() {}

        @StableUnderNoise(columns = "color", sigma = 0.2)
        void robustToColorNoise() {}

        @InvariantTo(
                column = "color",
                values = {"red", "green"})
        void redOrGreen() {}
    }

    @ModelTest(
            provider = BehaviourAnnotationsTest.DipsPastHalf.class,
            data = BehaviourAnnotationsTest.DATA,
            label = "label")
    static class NonMonotonicTestCase {
        @Monotonic(feature = "x1", direction = Direction.INCREASING, step = 0.1)
        void scoreRisesWithX1() {}
    }

    @ModelTest(
            provider = BehaviourAnnotationsTest.KnowsThreeColours.class,
            data = BehaviourAnnotationsTest.DATA,
            label = "label")
    static class ThrowsTestCase {
        @HandlesGeneratedInputs(rows = 10)
        void handlesGeneratedRows() {}
    }

    @ModelTest(provider = BehaviourAnnotationsTest.ByColour.class, data = BehaviourAnnotationsTest.DATA, label = "x2")
    static class RegressorTestCase {
        @InvariantTo(column = "color", tolerance = 0.1)
        void valueIgnoresColor() {}
    }

    @ModelTest(provider = BlueAddsHalf.class, data = BehaviourAnnotationsTest.DATA, label = "x2")
    static class NoisyRegressorTestCase {
        @StableUnderNoise(columns = "x1", sigma = 0.3, maxMeanChange = 0.01)
        void valueStableUnderNoiseOnX1() {}
    }

    @BeforeAll
    static void runFixturesThroughTheLauncher() throws IOException {
        deleteRecursively(RESULTS);
        AllureLifecycle previous = Allure.getLifecycle();
        // Allure's listener takes the lifecycle it finds when the launcher is created, and modeltest reports to it.
        Allure.setLifecycle(new AllureLifecycle(new FileSystemResultsWriter(RESULTS)));
        try {
            LauncherFactory.create()
                    .execute(LauncherDiscoveryRequestBuilder.request()
                            .selectors(
                                    selectClass(ClassifierTestCase.class),
                                    selectClass(NonMonotonicTestCase.class),
                                    selectClass(ThrowsTestCase.class),
                                    selectClass(RegressorTestCase.class),
                                    selectClass(NoisyRegressorTestCase.class))
                            .configurationParameter(SummaryListener.SUMMARY_PARAMETER, "false")
                            .configurationParameter(Reporting.OUTPUT_DIR_PARAMETER, "target/modeltest-behaviour-allure")
                            .build());
        } finally {
            Allure.setLifecycle(previous);
        }
    }

    @Test
    void aFlippedClassifierRowIsInTheTableWithBothValuesAndBothPredictions() throws IOException {
        JsonNode result = resultOf("colorBlind");

        assertThat(result.get("status").asText()).isEqualTo("failed");
        assertThat(table(result, "rows flipped by changing color")).startsWith("""
                        row,column,value,changed to,predicted,predicted after change
                        1,color,red,blue,a,b
                        3,color,blue,red,b,a
                        """);
    }

    @Test
    void theMonotonicityTableHasTheWorstViolationFirstRounded() throws IOException {
        String table = table(resultOf("scoreRisesWithX1"), "rows violating monotonicity in x1");

        // The check writes 0.933333 and 1.03333; the report rounds to four decimals.
        assertThat(table).startsWith("""
                        row,x1,x1 raised,score,score after,wrong way by
                        29,0.9333,1.0333,0.5667,0.4667,0.1
                        16,0.5,0.6,1,0.9,0.1
                        """);
        assertThat(table.lines()).hasSize(1 + 15);
    }

    @Test
    void theNoiseTableHasTheChangedCellsAndBothPredictions() throws IOException {
        assertThat(table(resultOf("robustToColorNoise"), "rows flipped by noise"))
                .isEqualTo("""
                        row,changed cells,predicted,predicted with noise
                        3,color blue → green,b,a
                        9,color blue → red,b,a
                        10,color red → blue,a,b
                        13,color red → blue,a,b
                        """);
    }

    @Test
    void aRegressorsTablesListTheLargestMovesFirst() throws IOException {
        String invariance = table(resultOf("valueIgnoresColor"), "rows flipped by changing color");
        String noise = table(resultOf("valueStableUnderNoiseOnX1"), "largest changes under noise");

        // Red 1, green 1.25, blue 2: the moves of 1 (red and blue swapped), then of 0.75, then of 0.25.
        assertThat(invariance).startsWith("""
                        row,column,value,changed to,predicted,predicted after change,moved by
                        1,color,red,blue,1,2,1
                        3,color,blue,red,2,1,1
                        """);
        assertThat(invariance.lines().skip(1).map(line -> line.substring(line.lastIndexOf(',') + 1)))
                .containsExactlyElementsOf(Stream.of("1", "0.75", "0.25")
                        .flatMap(m -> Stream.generate(() -> m).limit(20))
                        .toList());
        List<String> noiseLines = noise.lines().toList();
        assertThat(noiseLines.get(0)).isEqualTo("row,changed cells,predicted,predicted with noise,absolute change");
        assertThat(noiseLines).hasSize(1 + 30);
        List<Double> changes = new ArrayList<>();
        for (String line : noiseLines.subList(1, noiseLines.size())) {
            String cell = line.substring(line.lastIndexOf(',') + 1);
            assertThat(cell).as("a rounded number").matches("\\d+(\\.\\d{1,4})?");
            changes.add(Double.parseDouble(cell));
        }
        assertThat(changes).isSortedAccordingTo(Comparator.reverseOrder());
    }

    @Test
    void theGeneratedRowsTheModelThrewOnAreInTheTableWithEveryInput() throws IOException {
        assertThat(table(resultOf("handlesGeneratedRows"), "generated rows the model did not handle"))
                .isEqualTo("""
                        generated row,edge,inputs,problem
                        8,color a category never seen,"x1=0.483333, x2=0.483333, color=unseen-category",threw \
                        java.lang.IllegalArgumentException: unknown color unseen-category
                        """);
    }

    @Test
    void aPassingGateAttachesNoEmptyTable() throws IOException {
        JsonNode result = resultOf("redOrGreen");

        assertThat(result.get("status").asText()).isEqualTo("passed");
        assertThat(attachmentTypes(result)).doesNotContainValue("text/csv");
    }

    /** Returns the text of a result's CSV attachment by name. */
    private static String table(JsonNode result, String name) throws IOException {
        for (JsonNode attachment : result.get("attachments")) {
            if (name.equals(attachment.get("name").asText())) {
                assertThat(attachment.get("type").asText()).isEqualTo("text/csv");
                return Files.readString(RESULTS.resolve(attachment.get("source").asText()));
            }
        }
        throw new AssertionError(
                "no attachment '" + name + "' on " + result.get("name").asText() + ", only "
                        + attachmentTypes(result).keySet());
    }

    private static Map<String, String> attachmentTypes(JsonNode result) {
        Map<String, String> types = new HashMap<>();
        result.get("attachments")
                .forEach(a -> types.put(a.get("name").asText(), a.get("type").asText()));
        return types;
    }

    private static JsonNode resultOf(String method) throws IOException {
        List<JsonNode> matches = new ArrayList<>();
        try (Stream<Path> files = Files.list(RESULTS)) {
            for (Path file : files.filter(f -> f.toString().endsWith("-result.json"))
                    .sorted()
                    .toList()) {
                JsonNode node = JSON.readTree(file.toFile());
                for (JsonNode label : node.get("labels")) {
                    if (label.get("name").asText().equals("testMethod")
                            && label.get("value").asText().equals(method)) {
                        matches.add(node);
                    }
                }
            }
        }
        assertThat(matches).as("Allure results of %s()", method).hasSize(1);
        return matches.get(0);
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
