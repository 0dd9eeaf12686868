package dev.modeltest.behaviour;

import static dev.modeltest.behaviour.BehaviourFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.check.Verdict;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.model.Model;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link GeneratedInputsCheck}: a model that handles any row of its domain passes; one that throws on an unseen
 * category, or whose probabilities leave [0, 1] on a schema's wider range, fails naming the generated rows.
 */
class GeneratedInputsCheckTest {

    static final String WHERE = "@HandlesGeneratedInputs on T.m()";

    @TempDir
    Path dir;

    /** The probability of b is x1 itself, unclamped: out of [0, 1] for x1 outside it. */
    static Model unclamped() {
        return Model.probabilisticClassifier(BehaviourFixtures.CLASSES, (row, p) -> {
            double x = row.getDouble("x1");
            p[0] = 1 - x;
            p[1] = x;
        });
    }

    private Path schema() throws Exception {
        Path schema = dir.resolve("behaviour.schema.yaml");
        Files.writeString(schema, """
                columns:
                  x1: {type: double, min: -5, max: 5}
                  color: {type: string, allowed: [red, green, blue, pink], nullable: true, maxNullFraction: 0.1}
                """);
        return schema;
    }

    @Test
    void passesWhenEveryGeneratedRowGetsOneValidPrediction() throws Exception {
        CheckResult result = run(dir, new GeneratedInputsCheck(WHERE), BehaviourFixtures.byX1());

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.family()).isEqualTo(Family.BEHAVIOUR);
        assertThat(result.n()).isEqualTo(1008);
        // x1 and x2 at their lowest and highest, red, green, blue and a category never seen.
        assertThat(result.details()).containsEntry("edgeRows", 8).containsEntry("offendingRows", 0);
        assertThat(result.message()).isEqualTo("""
                Expecting probabilistic classifier (2 classes) to return one prediction, class probabilities within \
                [0, 1] summing to 1, without throwing, for each of 1008 generated rows (8 edge rows, then 1000 random \
                rows drawn from the ranges and values of behaviour.csv with seed 42)
                and it does.""");
    }

    @Test
    void failsNamingTheGeneratedRowTheModelThrowsOn() throws Exception {
        Model knowsThreeColours = Model.classifier(BehaviourFixtures.CLASSES, row -> {
            if (!List.of("red", "green", "blue").contains(row.getString("color"))) {
                throw new IllegalArgumentException("unknown color " + row.getString("color"));
            }
            return 0;
        });

        CheckResult result =
                run(dir, new GeneratedInputsCheck(WHERE, 100, "", 42, Double.NaN, Double.NaN), knowsThreeColours);

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.message()).isEqualTo("""
                Expecting classifier (2 classes) to return one prediction, one of its classes, without throwing, for \
                each of 108 generated rows (8 edge rows, then 100 random rows drawn from the ranges and values of \
                behaviour.csv with seed 42)
                but 1 row(s) did not (generated row: inputs: problem):
                  row 8 (edge: color a category never seen): x1=0.483333, x2=0.483333, color=unseen-category: threw \
                java.lang.IllegalArgumentException: unknown color unseen-category""");
        assertThat(result.attachments())
                .singleElement()
                .satisfies(a -> assertThat(a.name()).isEqualTo("generated rows the model did not handle"));
    }

    @Test
    void drawsFromTheSchemaAndFailsOnOutputsOutsideTheRange() throws Exception {
        CheckResult result = run(
                dir,
                new GeneratedInputsCheck(WHERE, 100, schema().toString(), 42, Double.NaN, Double.NaN),
                unclamped());

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        // x1 and x2 lowest and highest, the four allowed colours (none unseen: the schema lists them), color missing.
        assertThat(result.details()).containsEntry("edgeRows", 9).containsEntry("schema", "behaviour.schema.yaml");
        assertThat(result.message())
                .startsWith("""
                        Expecting probabilistic classifier (2 classes) to return one prediction, class probabilities \
                        within [0, 1] summing to 1, without throwing, for each of 109 generated rows (9 edge rows, \
                        then 100 random rows drawn from behaviour.schema.yaml (and behaviour.csv where it sets no rule) \
                        with seed 42)
                        but """)
                .contains("\n  row 1 (edge: x1 at its lowest): x1=-5, x2=0.483333, color=red: returned the probability"
                        + " 6 for class 'a', outside [0, 1]\n")
                .contains("\n  row 2 (edge: x1 at its highest): x1=5, x2=0.483333, color=red: returned the probability"
                        + " -4 for class 'a', outside [0, 1]\n")
                .contains("; the first 10 (generated row: inputs: problem):")
                .contains("\n  ... and ");
    }

    @Test
    void theSameSeedDrawsTheSameRows() throws Exception {
        GeneratedInputsCheck check =
                new GeneratedInputsCheck(WHERE, 100, schema().toString(), 42, Double.NaN, Double.NaN);

        assertThat(run(dir, check, unclamped()).message())
                .isEqualTo(run(dir, check, unclamped()).message());
        assertThat(run(
                                dir,
                                new GeneratedInputsCheck(WHERE, 100, schema().toString(), 7, Double.NaN, Double.NaN),
                                unclamped())
                        .details()
                        .get("offendingRows"))
                .isNotEqualTo(run(dir, check, unclamped()).details().get("offendingRows"));
    }

    @Test
    void checksARegressorsValuesAgainstTheGivenBounds() throws Exception {
        Model identity = Model.regressor(row -> row.getDouble("x1"));

        CheckResult finite = BehaviourFixtures.runRegressor(dir, new GeneratedInputsCheck(WHERE), identity);
        CheckResult bounded =
                BehaviourFixtures.runRegressor(dir, new GeneratedInputsCheck(WHERE, 10, "", 42, 0, 0.5), identity);

        assertThat(finite.verdict()).isEqualTo(Verdict.PASS);
        assertThat(finite.message()).contains("to return one prediction, a finite value, without throwing");
        assertThat(bounded.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(bounded.message())
                .contains("a finite value within [0, 0.5]")
                .contains("returned the value 0.966667, outside [0, 0.5]");
    }

    @Test
    void refusesBadAttributes() {
        assertThatThrownBy(() -> new GeneratedInputsCheck(WHERE, 0, "", 42, Double.NaN, Double.NaN))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@HandlesGeneratedInputs on T.m(): 'rows' must be in [1, 10000000], was 0");
        assertThatThrownBy(() -> new GeneratedInputsCheck(WHERE, 10, "", 42, 1, 0))
                .hasMessage("@HandlesGeneratedInputs on T.m(): 'max' must not be below 'min' (1), was 0");
        assertThatThrownBy(() -> run(
                        dir,
                        new GeneratedInputsCheck(WHERE, 10, "missing.yaml", 42, Double.NaN, Double.NaN),
                        BehaviourFixtures.byX1()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(
                        "@HandlesGeneratedInputs on T.m(): 'schema': schema file 'missing.yaml' does not" + " exist");
    }
}
