package dev.modeltest.examples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.data.DataLoader;
import dev.modeltest.junit.MissingRateAtMost;
import dev.modeltest.junit.ModelTest;
import dev.modeltest.junit.NoConflictingLabels;
import dev.modeltest.junit.NoDuplicateRows;
import dev.modeltest.junit.NoLeakage;
import dev.modeltest.junit.SchemaMatches;
import dev.modeltest.schema.RuleViolations;
import dev.modeltest.schema.Schema;
import dev.modeltest.schema.SchemaInference;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The test data as a gate: it matches the schema inferred from the training data, has few gaps, no duplicate rows, no
 * rows whose features agree but whose species differ, and no row that is also in the training data.
 *
 * <p>{@code iris.inferred.schema.yaml} was written from the repository root by
 *
 * <pre>{@code
 * mvn -q -pl modeltest-core exec:java -Dexec.mainClass=dev.modeltest.schema.SchemaInference \
 *     -Dexec.args="modeltest-examples/src/test/resources/iris-train.csv \
 *                  modeltest-examples/src/test/resources/iris.inferred.schema.yaml"
 * }</pre>
 */
@ModelTest(model = "models/iris-rf.ser", data = "src/test/resources/iris-test.csv", label = "species")
class IrisDataQualityTest {

    private static final String TRAIN = "src/test/resources/iris-train.csv";
    private static final String TEST = "src/test/resources/iris-test.csv";
    private static final String INFERRED = "src/test/resources/iris.inferred.schema.yaml";

    @SchemaMatches(INFERRED)
    void testDataLooksLikeTheTrainingData() {}

    @MissingRateAtMost(0.05)
    void fewGapsInAnyColumn() {}

    @NoDuplicateRows
    void noRowTwice() {}

    @NoConflictingLabels
    void sameMeasurementsSameSpecies() {}

    @NoLeakage(train = TRAIN)
    void noTrainingRowInTheTestSet() {}

    @Test
    void theSchemaInferredFromTheTrainingDataValidatesTheTestData() {
        Schema schema = SchemaInference.withDefaults().infer(DataLoader.load(TRAIN));

        assertThat(schema.validate(DataLoader.load(TEST)).failures()).isEmpty();
    }

    @Test
    void theCommittedSchemaIsWhatInferenceWritesToday() throws IOException {
        assertThat(Files.readString(Path.of(INFERRED)))
                .isEqualTo(SchemaInference.withDefaults().yaml(DataLoader.load(TRAIN)));
    }

    @Test
    void theInferredSchemaCatchesAUnitMixUpAndAMisspeltSpecies(@TempDir Path dir) throws IOException {
        List<String> lines = Files.readAllLines(Path.of(TEST));
        lines.set(1, lines.get(1).replaceFirst("^4\\.4,", "44,"));
        lines.set(2, lines.get(2).replace(",virginica", ",Virginica"));
        Path damaged = dir.resolve("iris-test-damaged.csv");
        Files.write(damaged, lines);

        List<RuleViolations> failures = Schema.load(INFERRED)
                .validate(DataLoader.load(damaged.toString()))
                .failures();

        assertThat(failures)
                .extracting(RuleViolations::describe)
                .containsExactly(
                        "column 'sepal_length', max 8.3: 1 row(s), e.g. row 1: 44",
                        "column 'species', allowed [setosa, versicolor, virginica]: 1 row(s), e.g. row 2: 'Virginica'");
    }
}
