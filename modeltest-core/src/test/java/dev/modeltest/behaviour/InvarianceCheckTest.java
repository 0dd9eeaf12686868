package dev.modeltest.behaviour;

import static dev.modeltest.behaviour.BehaviourFixtures.run;
import static dev.modeltest.behaviour.BehaviourFixtures.runRegressor;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.check.Verdict;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.ModelException;
import dev.modeltest.model.Model;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Subject;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link InvarianceCheck} on {@link BehaviourFixtures}: a colour-blind model passes, one that reads colour fails. */
class InvarianceCheckTest {

    static final String WHERE = "@InvariantTo on T.m()";

    @TempDir
    Path dir;

    @Test
    void passesWhenNoRowChangesClassWithTheColumn() throws Exception {
        CheckResult result = run(dir, new InvarianceCheck(WHERE, "color"), BehaviourFixtures.byX1());

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.family()).isEqualTo(Family.BEHAVIOUR);
        assertThat(result.key()).isEqualTo("invariant-to:color");
        assertThat(result.n()).isEqualTo(30);
        assertThat(result.details()).containsEntry("copiesPredicted", 60).containsEntry("offendingRows", 0L);
        assertThat(result.attachments()).as("no flipped row to attach").isEmpty();
        assertThat(result.message()).isEqualTo("""
                Expecting the flip rate of probabilistic classifier (2 classes) on behaviour.csv when only 'color' \
                changes, between red, green, blue (n=30 rows):
                  0.0000 (95% CI 0.0000–0.1135, Wilson, 0 of 30 rows flipped)
                to be at most:
                  0.0000""");
    }

    @Test
    void failsListingTheFlippedRowsWhenTheModelReadsTheColumn() throws Exception {
        CheckResult result = run(dir, new InvarianceCheck(WHERE, "color"), BehaviourFixtures.blueIsB());

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.measured()).isEqualTo(16 / 30.0);
        assertThat(result.message()).isEqualTo("""
                Expecting the flip rate of probabilistic classifier (2 classes) on behaviour.csv when only 'color' \
                changes, between red, green, blue (n=30 rows):
                  0.5333 (95% CI 0.3614–0.6977, Wilson, 16 of 30 rows flipped)
                to be at most:
                  0.0000
                but it was 0.5333 above.
                flipped rows (row: change, predicted class before → after):
                  row 1: color red → blue, a → b
                  row 2: color green → blue, a → b
                  row 3: color blue → red, b → a
                  row 4: color red → blue, a → b
                  row 5: color green → blue, a → b
                  row 6: color blue → red, b → a
                  row 7: color red → blue, a → b
                  row 8: color green → blue, a → b
                  row 9: color blue → red, b → a
                  row 10: color red → blue, a → b
                  ... and 6 more flipped row(s)""");
        assertThat(result.attachments()).singleElement().satisfies(a -> {
            String csv = new String(a.content().get(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(csv)
                    .startsWith("row,column,value,changed to,predicted,predicted after change\n"
                            + "1,color,red,blue,a,b\n");
        });
    }

    @Test
    void swapsOnlyBetweenTheGivenValuesAndDecidesOnTheIntervalWhenAsked() throws Exception {
        CheckResult result = run(
                dir,
                new InvarianceCheck(WHERE, "color", List.of("red", "green"), 0.1, 0.95),
                BehaviourFixtures.blueIsB());

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.details()).containsEntry("estimatedRowsNeeded", 52L);
        assertThat(result.message()).isEqualTo("""
                Expecting the flip rate of probabilistic classifier (2 classes) on behaviour.csv when only 'color' \
                changes, between red, green (n=20 rows):
                  0.0000 (95% CI 0.0000–0.1611, Wilson, 0 of 20 rows flipped)
                to be at most, with 95% confidence:
                  0.1000
                but the 95% interval straddles it, so 20 rows cannot decide;
                about 52 rows would be needed to decide (an estimate: the interval's half-width shrinks as 1/√n, \
                assuming the value stays 0.0000).""");
    }

    @Test
    void matchesNumericValuesAsNumbers() throws Exception {
        CheckResult result =
                run(dir, new InvarianceCheck(WHERE, "x2", List.of("0.10", "0.9"), 0, 0), BehaviourFixtures.byX1());

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.n()).isEqualTo(2);
        assertThat(result.details()).containsEntry("values", List.of("0.1", "0.9"));
    }

    @Test
    void refusesAColumnThatIsNoInputNamingTheNearest() {
        assertThatThrownBy(() -> run(dir, new InvarianceCheck(WHERE, "colour"), BehaviourFixtures.byX1()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@InvariantTo on T.m(): 'column' must name one of the model's input columns (x1, x2, color)"
                        + " (did you mean 'color'?), was 'colour'");
        assertThatThrownBy(() -> run(dir, new InvarianceCheck(WHERE, "label"), BehaviourFixtures.byX1()))
                .hasMessage(
                        "@InvariantTo on T.m(): 'column' must name one of the model's input columns (x1, x2, color);"
                                + " 'label' is a column of behaviour.csv but not an input of the model, was 'label'");
    }

    @Test
    void refusesValuesThatNeverOccurInTheColumn() {
        assertThatThrownBy(() -> run(
                        dir,
                        new InvarianceCheck(WHERE, "color", List.of("red", "gren"), 0, 0),
                        BehaviourFixtures.byX1()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@InvariantTo on T.m(): 'values' must list values that occur in column 'color' of"
                        + " behaviour.csv; 'gren' never does (did you mean 'green'?); it holds red, green, blue, was"
                        + " [red, gren]");
    }

    @Test
    void refusesAColumnOfManyValuesWithoutValues() {
        assertThatThrownBy(() -> run(dir, new InvarianceCheck(WHERE, "x1"), BehaviourFixtures.byX1()))
                .hasMessage("@InvariantTo on T.m(): 'values' must name the values to swap between for column 'x1',"
                        + " which holds 30 distinct values in behaviour.csv (at most 20 are swapped between without"
                        + " 'values'), was {}");
    }

    @Test
    void refusesBadAttributes() {
        assertThatThrownBy(() -> new InvarianceCheck(WHERE, "color", List.of("red", "red"), 0, 0))
                .hasMessage("@InvariantTo on T.m(): 'values' must list at least two values to swap between (or none,"
                        + " for all), was [red, red]");
        assertThatThrownBy(() -> new InvarianceCheck(WHERE, "color", List.of(), 1.5, 0))
                .hasMessage("@InvariantTo on T.m(): 'maxFlipRate' must be in [0, 1], was 1.5");
        assertThatThrownBy(() -> new InvarianceCheck(WHERE, "color", List.of(), 0, 0.95))
                .hasMessage("@InvariantTo on T.m(): 'confidence' must be 0 (decide on the point value) when"
                        + " 'maxFlipRate' is 0: the interval of a rate never lies wholly at or below 0, so no number of"
                        + " rows could pass, was 0.95");
        assertThatThrownBy(() -> new InvarianceCheck(WHERE, "color", List.of(), 0.1, 1))
                .hasMessage("@InvariantTo on T.m(): 'confidence' must be 0 (decide on the point value) or in (0, 1),"
                        + " was 1");
    }

    /** A regressor of colour alone: red 1, green 1.25, blue 2 (exact in binary, so the moves are exact too). */
    static Model byColour() {
        return Model.regressor(row -> switch (row.getString("color")) {
            case "red" -> 1;
            case "green" -> 1.25;
            default -> 2;
        });
    }

    @Test
    void passesForARegressorWhoseValueTheColumnDoesNotMove() throws Exception {
        CheckResult result =
                runRegressor(dir, new InvarianceCheck(WHERE, "color"), Model.regressor(row -> row.getDouble("x1")));

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.title()).isEqualTo("predicted value invariant to 'color' on behaviour.csv");
        assertThat(result.details()).containsEntry("tolerance", 0.0).containsEntry("copiesPredicted", 60);
        assertThat(result.attachments()).isEmpty();
        assertThat(result.message()).isEqualTo("""
                Expecting the flip rate of regressor on behaviour.csv when only 'color' changes, between red, green, \
                blue, a row flipping when its predicted value moves by more than 0 (n=30 rows):
                  0.0000 (95% CI 0.0000–0.1135, Wilson, 0 of 30 rows flipped)
                to be at most:
                  0.0000""");
    }

    @Test
    void aRegressorsRowFlipsOnlyWhenItsValueMovesMoreThanTheTolerance() throws Exception {
        List<String> redGreen = List.of("red", "green");

        assertThat(runRegressor(dir, new InvarianceCheck(WHERE, "color", redGreen, 0, 0.25, 0), byColour())
                        .verdict())
                .as("a move of 0.25 is within a tolerance of 0.25")
                .isEqualTo(Verdict.PASS);
        CheckResult strict = runRegressor(dir, new InvarianceCheck(WHERE, "color", redGreen, 0, 0.2, 0), byColour());
        assertThat(strict.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(strict.measured()).isEqualTo(1.0);
    }

    @Test
    void failsForARegressorListingTheLargestMovesFirst() throws Exception {
        CheckResult result = runRegressor(dir, new InvarianceCheck(WHERE, "color", List.of(), 0.5, 0.5, 0), byColour());

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.message()).isEqualTo("""
                Expecting the flip rate of regressor on behaviour.csv when only 'color' changes, between red, green, \
                blue, a row flipping when its predicted value moves by more than 0.5 (n=30 rows):
                  1.0000 (95% CI 0.8865–1.0000, Wilson, 30 of 30 rows flipped)
                to be at most:
                  0.5000
                but it was 0.5000 above.
                flipped rows, the largest moves first (row: change, predicted value before → after):
                  row 1: color red → blue, 1 → 2 (moved by 1)
                  row 3: color blue → red, 2 → 1 (moved by 1)
                  row 4: color red → blue, 1 → 2 (moved by 1)
                  row 6: color blue → red, 2 → 1 (moved by 1)
                  row 7: color red → blue, 1 → 2 (moved by 1)
                  row 9: color blue → red, 2 → 1 (moved by 1)
                  row 10: color red → blue, 1 → 2 (moved by 1)
                  row 12: color blue → red, 2 → 1 (moved by 1)
                  row 13: color red → blue, 1 → 2 (moved by 1)
                  row 15: color blue → red, 2 → 1 (moved by 1)
                  ... and 20 more flipped row(s)""");
        assertThat(result.attachments()).singleElement().satisfies(a -> {
            assertThat(a.name()).isEqualTo("rows flipped by changing color");
            assertThat(new String(a.content().get(), java.nio.charset.StandardCharsets.UTF_8))
                    .startsWith("row,column,value,changed to,predicted,predicted after change,moved by\n"
                            + "1,color,red,blue,1,2,1\n");
        });
    }

    @Test
    void refusesABadTolerance() {
        assertThatThrownBy(() -> new InvarianceCheck(WHERE, "color", List.of(), 0, -0.1, 0))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@InvariantTo on T.m(): 'tolerance' must be a finite number of at least 0, was -0.1");
        assertThatThrownBy(() ->
                        run(dir, new InvarianceCheck(WHERE, "color", List.of(), 0, 0.1, 0), BehaviourFixtures.byX1()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@InvariantTo on T.m(): 'tolerance' applies to regressors, whose predicted value moves by"
                        + " an amount, but the model (probabilistic classifier (2 classes)) is a classifier, whose rows"
                        + " flip when their class changes, was 0.1");
    }

    @Test
    void refusesAPredictionsColumnSayingWhy() throws Exception {
        try (Subject subject = BehaviourFixtures.subject(dir, new ModelSource.Columns("label", List.of()))) {
            assertThatThrownBy(() -> new InvarianceCheck(WHERE, "color").run(subject))
                    .isInstanceOf(ConfigurationException.class)
                    .hasMessage("@InvariantTo on T.m(): it predicts changed or generated rows, so it needs a model to"
                            + " call, but @ModelTest on T evaluates predictions column 'label', which holds predictions"
                            + " of the test rows only; give 'model' or 'provider' instead");
        }
    }

    @Test
    void namesTheChangedRowTheModelFailsOn() {
        Model failsOnNewBlue = Model.classifier(BehaviourFixtures.CLASSES, row -> {
            if ("blue".equals(row.getString("color")) && row.getDouble("x1") == 0) {
                throw new IllegalStateException("no blue at 0");
            }
            return 0;
        });

        assertThatThrownBy(() -> run(dir, new InvarianceCheck(WHERE, "color"), failsOnNewBlue))
                .isInstanceOf(ModelException.class)
                .hasMessage("@InvariantTo on T.m(): classifier (2 classes) failed on row 1 of behaviour.csv changed to"
                        + " x1=0, x2=0, color=blue: java.lang.IllegalStateException: no blue at 0");
    }
}
