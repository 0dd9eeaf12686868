package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.failureOf;
import static dev.modeltest.junit.TestKit.run;
import static dev.modeltest.junit.TestKit.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.behaviour.Direction;
import dev.modeltest.model.Model;
import dev.modeltest.model.ModelProvider;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.opentest4j.AssertionFailedError;

/**
 * The behavioural check annotations through the JUnit engine, on {@code fixtures/behaviour.csv} (30 rows: {@code x1 =
 * r/30}, {@code x2}, {@code color} red, green, blue in turn, label b where x1 ≥ 0.5): each passes on a model that
 * honours its property, fails with its message on one that breaks it, and rejects bad attributes.
 */
class BehaviourAnnotationsTest {

    static final String DATA = "src/test/resources/fixtures/behaviour.csv";
    static final List<String> CLASSES = List.of("a", "b");

    /** Predicts b with probability x1: ignores color, and its score rises with x1. */
    public static final class ByX1 implements ModelProvider {
        @Override
        public Model load() {
            return Model.probabilisticClassifier(CLASSES, (row, p) -> {
                double x = Math.min(1, Math.max(0, row.getDouble("x1")));
                p[0] = 1 - x;
                p[1] = x;
            });
        }
    }

    /** Predicts b for every blue row, else as {@link ByX1}. */
    public static final class BlueIsB implements ModelProvider {
        @Override
        public Model load() {
            return Model.probabilisticClassifier(CLASSES, (row, p) -> {
                double x = "blue".equals(row.getString("color")) ? 1 : Math.min(1, Math.max(0, row.getDouble("x1")));
                p[0] = 1 - x;
                p[1] = x;
            });
        }
    }

    /** Deliberately non-monotonic: the probability of b is x1 below 0.5 and 1.5 − x1 from there. */
    public static final class DipsPastHalf implements ModelProvider {
        @Override
        public Model load() {
            return Model.probabilisticClassifier(CLASSES, (row, p) -> {
                double x = row.getDouble("x1");
                double score = x < 0.5 ? Math.max(0, x) : Math.min(1, 1.5 - x);
                p[0] = 1 - score;
                p[1] = score;
            });
        }
    }

    @ModelTest(provider = ByX1.class, data = DATA, label = "label")
    static class HonoursTestCase {
        @Monotonic(feature = "x1", direction = Direction.INCREASING)
        void scoreRisesWithX1() {}

        @Monotonic(feature = "x1", direction = Direction.DECREASING, positiveClass = "a", step = 0.5)
        void probabilityOfAFalls() {}

        @InvariantTo(column = "color")
        void colorBlind() {}

        @InvariantTo(
                column = "color",
                values = {"red", "blue"})
        void redOrBlue() {}

        @StableUnderNoise(columns = {"x2", "color"})
        void robustToNoiseItIgnores() {}

        @HandlesGeneratedInputs(rows = 200)
        void handlesGeneratedRows() {}
    }

    @Test
    void passOnAModelThatHonoursTheProperty() {
        assertThat(succeeded(run(HonoursTestCase.class)))
                .containsExactly(
                        "colorBlind()",
                        "handlesGeneratedRows()",
                        "probabilityOfAFalls()",
                        "redOrBlue()",
                        "robustToNoiseItIgnores()",
                        "scoreRisesWithX1()");
    }

    @ModelTest(provider = BlueIsB.class, data = DATA, label = "label")
    static class BreaksTestCase {
        @InvariantTo(
                column = "color",
                values = {"red", "blue"},
                maxFlipRate = 0.1)
        void colorBlind() {}

        @StableUnderNoise(columns = "color", sigma = 0.2)
        void robustToColorNoise() {}
    }

    @Test
    void invariantToFailsWithTheFlipRateAndTheFlippedRows() {
        EngineExecutionResults results = run(BreaksTestCase.class);

        assertThat(failureOf(results, "colorBlind")).isEqualTo("""
                Expecting the flip rate of probabilistic classifier (2 classes) on behaviour.csv when only 'color' \
                changes, between red, blue (n=20 rows):
                  0.5500 (95% CI 0.3421–0.7418, Wilson, 11 of 20 rows flipped)
                to be at most:
                  0.1000
                but it was 0.4500 above.
                flipped rows (row: change, predicted class before → after):
                  row 1: color red → blue, a → b
                  row 3: color blue → red, b → a
                  row 4: color red → blue, a → b
                  row 6: color blue → red, b → a
                  row 7: color red → blue, a → b
                  row 9: color blue → red, b → a
                  row 10: color red → blue, a → b
                  row 12: color blue → red, b → a
                  row 13: color red → blue, a → b
                  row 15: color blue → red, b → a
                  ... and 1 more flipped row(s)""");
        assertThat(TestKit.throwableOf(results, "colorBlind")).isInstanceOf(AssertionFailedError.class);
    }

    @ModelTest(provider = DipsPastHalf.class, data = DATA, label = "label")
    static class NonMonotonicTestCase {
        @Monotonic(feature = "x1", direction = Direction.INCREASING, step = 0.1, maxViolationRate = 0.3)
        void scoreRisesWithX1() {}
    }

    @Test
    void monotonicFailsOnADeliberatelyNonMonotonicModelListingTheWorstRows() {
        EngineExecutionResults results = run(NonMonotonicTestCase.class);

        assertThat(failureOf(results, "scoreRisesWithX1")).isEqualTo("""
                Expecting the share of rows of behaviour.csv where the probability of class 'b' of probabilistic \
                classifier (2 classes) falls when 'x1' is raised by 0.1 (n=30 rows):
                  0.5000 (95% CI 0.3315–0.6685, Wilson, 15 of 30 rows violated)
                to be at most:
                  0.3000
                but it was 0.2000 above.
                the worst violations (row: x1 before → after, score before → after):
                  row 29: x1 0.933333 → 1.03333, 0.566667 → 0.466667 (fell by 0.1)
                  row 16: x1 0.5 → 0.6, 1 → 0.9 (fell by 0.1)
                  row 17: x1 0.533333 → 0.633333, 0.966667 → 0.866667 (fell by 0.1)
                  row 18: x1 0.566667 → 0.666667, 0.933333 → 0.833333 (fell by 0.1)
                  row 19: x1 0.6 → 0.7, 0.9 → 0.8 (fell by 0.1)
                  row 20: x1 0.633333 → 0.733333, 0.866667 → 0.766667 (fell by 0.1)
                  row 21: x1 0.666667 → 0.766667, 0.833333 → 0.733333 (fell by 0.1)
                  row 22: x1 0.7 → 0.8, 0.8 → 0.7 (fell by 0.1)
                  row 23: x1 0.733333 → 0.833333, 0.766667 → 0.666667 (fell by 0.1)
                  row 24: x1 0.766667 → 0.866667, 0.733333 → 0.633333 (fell by 0.1)
                  ... and 5 more violation(s)""");
    }

    @Test
    void stableUnderNoiseFailsWithTheFlipRateAndTheFlippedRows() {
        assertThat(failureOf(run(BreaksTestCase.class), "robustToColorNoise")).isEqualTo("""
                Expecting the flip rate of probabilistic classifier (2 classes) on behaviour.csv with noise on \
                'color' (sigma 0.2, seed 42) (n=30 rows):
                  0.1333 (95% CI 0.0531–0.2968, Wilson, 4 of 30 rows flipped)
                to be at most:
                  0.0200
                but it was 0.1133 above.
                flipped rows (row: cells before → with noise; predicted class before → with noise):
                  row 3: color blue → green; b → a
                  row 9: color blue → red; b → a
                  row 10: color red → blue; a → b
                  row 13: color red → blue; a → b""");
    }

    /** A regressor of colour alone: red 1, green 1.25, blue 2. */
    public static final class ByColour implements ModelProvider {
        @Override
        public Model load() {
            return Model.regressor(row -> switch (row.getString("color")) {
                case "red" -> 1;
                case "green" -> 1.25;
                default -> 2;
            });
        }
    }

    @ModelTest(provider = ByColour.class, data = DATA, label = "x2")
    static class RegressorTestCase {
        @InvariantTo(
                column = "color",
                values = {"red", "green"},
                tolerance = 0.25)
        void movesWithinTheTolerance() {}

        @InvariantTo(
                column = "color",
                values = {"green", "blue"},
                tolerance = 0.25,
                maxFlipRate = 0.5)
        void movesBeyondTheTolerance() {}
    }

    @Test
    void invariantToJudgesARegressorsValueAgainstTheTolerance() {
        EngineExecutionResults results = run(RegressorTestCase.class);

        assertThat(succeeded(results)).containsExactly("movesWithinTheTolerance()");
        assertThat(failureOf(results, "movesBeyondTheTolerance")).isEqualTo("""
                Expecting the flip rate of regressor on behaviour.csv when only 'color' changes, between green, blue, \
                a row flipping when its predicted value moves by more than 0.25 (n=20 rows):
                  1.0000 (95% CI 0.8389–1.0000, Wilson, 20 of 20 rows flipped)
                to be at most:
                  0.5000
                but it was 0.5000 above.
                flipped rows, the largest moves first (row: change, predicted value before → after):
                  row 2: color green → blue, 1.25 → 2 (moved by 0.75)
                  row 3: color blue → green, 2 → 1.25 (moved by 0.75)
                  row 5: color green → blue, 1.25 → 2 (moved by 0.75)
                  row 6: color blue → green, 2 → 1.25 (moved by 0.75)
                  row 8: color green → blue, 1.25 → 2 (moved by 0.75)
                  row 9: color blue → green, 2 → 1.25 (moved by 0.75)
                  row 11: color green → blue, 1.25 → 2 (moved by 0.75)
                  row 12: color blue → green, 2 → 1.25 (moved by 0.75)
                  row 14: color green → blue, 1.25 → 2 (moved by 0.75)
                  row 15: color blue → green, 2 → 1.25 (moved by 0.75)
                  ... and 10 more flipped row(s)""");
    }

    @ModelTest(provider = KnowsThreeColours.class, data = DATA, label = "label")
    static class ThrowsTestCase {
        @HandlesGeneratedInputs(rows = 10)
        void handlesGeneratedRows() {}
    }

    /** Throws on a colour other than red, green and blue. */
    public static final class KnowsThreeColours implements ModelProvider {
        @Override
        public Model load() {
            return Model.classifier(CLASSES, row -> {
                if (!List.of("red", "green", "blue").contains(row.getString("color"))) {
                    throw new IllegalArgumentException("unknown color " + row.getString("color"));
                }
                return 0;
            });
        }
    }

    @Test
    void handlesGeneratedInputsFailsNamingTheRowTheModelThrowsOn() {
        assertThat(failureOf(run(ThrowsTestCase.class), "handlesGeneratedRows")).isEqualTo("""
                Expecting classifier (2 classes) to return one prediction, one of its classes, without throwing, for \
                each of 18 generated rows (8 edge rows, then 10 random rows drawn from the ranges and values of \
                behaviour.csv with seed 42)
                but 1 row(s) did not (generated row: inputs: problem):
                  row 8 (edge: color a category never seen): x1=0.483333, x2=0.483333, color=unseen-category: threw \
                java.lang.IllegalArgumentException: unknown color unseen-category""");
    }

    @ModelTest(provider = ByX1.class, data = DATA, label = "label")
    static class BadAttributesTestCase {
        @HandlesGeneratedInputs(rows = 0)
        void noRows() {}

        @HandlesGeneratedInputs(schema = "src/test/resources/fixtures/behaviour.schema.yaml")
        void missingSchema() {}

        @StableUnderNoise(sigma = 0)
        void noNoise() {}

        @StableUnderNoise(maxMeanChange = 0.1)
        void meanChangeOfAClassifier() {}

        @Monotonic(feature = "color", direction = Direction.INCREASING)
        void categoricalFeature() {}

        @Monotonic(feature = "x1", direction = Direction.INCREASING, step = -0.1)
        void negativeStep() {}

        @InvariantTo(column = "colour")
        void unknownColumn() {}

        @InvariantTo(
                column = "color",
                values = {"red", "purple"})
        void valueNeverInTheColumn() {}

        @InvariantTo(column = "color", maxFlipRate = 0, confidence = 0.95)
        void intervalAgainstZero() {}

        @InvariantTo(column = "color", tolerance = 0.1)
        void toleranceOnAClassifier() {}
    }

    @Test
    void invariantToRejectsBadAttributesNamingThem() {
        EngineExecutionResults results = run(BadAttributesTestCase.class);

        assertThat(failureOf(results, "unknownColumn"))
                .isEqualTo("@InvariantTo on BadAttributesTestCase.unknownColumn(): 'column' must name one of the"
                        + " model's input columns (x1, x2, color) (did you mean 'color'?), was 'colour'");
        assertThat(failureOf(results, "valueNeverInTheColumn"))
                .isEqualTo("@InvariantTo on BadAttributesTestCase.valueNeverInTheColumn(): 'values' must list values"
                        + " that occur in column 'color' of behaviour.csv; 'purple' never does; it holds red, green,"
                        + " blue, was [red, purple]");
        assertThat(failureOf(results, "intervalAgainstZero"))
                .startsWith("@InvariantTo on BadAttributesTestCase.intervalAgainstZero(): 'confidence' must be 0");
        assertThat(failureOf(results, "toleranceOnAClassifier"))
                .isEqualTo(
                        "@InvariantTo on BadAttributesTestCase.toleranceOnAClassifier(): 'tolerance' applies to"
                                + " regressors, whose predicted value moves by an amount, but the model (probabilistic"
                                + " classifier (2 classes)) is a classifier, whose rows flip when their class changes, was 0.1");
        assertThat(TestKit.throwableOf(results, "unknownColumn")).isInstanceOf(ExtensionConfigurationException.class);
    }

    @Test
    void stableUnderNoiseRejectsBadAttributesNamingThem() {
        EngineExecutionResults results = run(BadAttributesTestCase.class);

        assertThat(failureOf(results, "noNoise"))
                .isEqualTo("@StableUnderNoise on BadAttributesTestCase.noNoise(): 'sigma' must be in (0, 1] (the"
                        + " noise's standard deviation as a share of each column's, and the chance that a category"
                        + " changes), was 0");
        assertThat(failureOf(results, "meanChangeOfAClassifier"))
                .isEqualTo("@StableUnderNoise on BadAttributesTestCase.meanChangeOfAClassifier(): 'maxMeanChange'"
                        + " applies to regressors, but the model (probabilistic classifier (2 classes)) is a"
                        + " classifier; bound its flip rate with 'maxFlipRate', was 0.1");
    }

    @Test
    void handlesGeneratedInputsRejectsBadAttributesNamingThem() {
        EngineExecutionResults results = run(BadAttributesTestCase.class);

        assertThat(failureOf(results, "noRows"))
                .isEqualTo("@HandlesGeneratedInputs on BadAttributesTestCase.noRows(): 'rows' must be in [1, 10000000],"
                        + " was 0");
        assertThat(failureOf(results, "missingSchema"))
                .startsWith("@HandlesGeneratedInputs on BadAttributesTestCase.missingSchema(): 'schema': schema file"
                        + " 'src/test/resources/fixtures/behaviour.schema.yaml' does not exist");
    }

    @Test
    void monotonicRejectsBadAttributesNamingThem() {
        EngineExecutionResults results = run(BadAttributesTestCase.class);

        assertThat(failureOf(results, "categoricalFeature"))
                .isEqualTo("@Monotonic on BadAttributesTestCase.categoricalFeature(): 'feature' must name a numeric"
                        + " input column; it holds string values in behaviour.csv, was 'color'");
        assertThat(failureOf(results, "negativeStep"))
                .isEqualTo("@Monotonic on BadAttributesTestCase.negativeStep(): 'step' must be a positive finite number"
                        + " (or 0 for a tenth of the feature's standard deviation), was -0.1");
    }

    @ModelTest(predictions = "pred", data = "src/test/resources/fixtures/scored.csv", label = "label")
    static class PredictionsColumnTestCase {
        @InvariantTo(column = "x1")
        void invariant() {}
    }

    @Test
    void aPredictionsColumnIsAConfigurationErrorSayingWhy() {
        EngineExecutionResults results = run(PredictionsColumnTestCase.class);

        assertThat(failureOf(results, "invariant"))
                .isEqualTo("@InvariantTo on PredictionsColumnTestCase.invariant(): it predicts changed or generated"
                        + " rows, so it needs a model to call, but @ModelTest on PredictionsColumnTestCase evaluates"
                        + " predictions column 'pred', which holds predictions of the test rows only; give 'model' or"
                        + " 'provider' instead");
        assertThat(TestKit.throwableOf(results, "invariant")).isInstanceOf(ExtensionConfigurationException.class);
    }
}
