package dev.modeltest.behaviour;

import static dev.modeltest.behaviour.BehaviourFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.check.Verdict;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.model.Model;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@link MonotonicityCheck}: a score that rises with x1 passes, a deliberately non-monotonic one fails. */
class MonotonicityCheckTest {

    static final String WHERE = "@Monotonic on T.m()";

    @TempDir
    Path dir;

    @Test
    void passesWhenTheScoreNeverFallsAsTheFeatureRises() throws Exception {
        CheckResult result =
                run(dir, new MonotonicityCheck(WHERE, "x1", Direction.INCREASING), BehaviourFixtures.byX1());

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.family()).isEqualTo(Family.BEHAVIOUR);
        assertThat(result.key()).isEqualTo("monotonic:x1");
        // A step of 0 is a tenth of x1's standard deviation: sqrt(30·31/12)/30/10.
        assertThat((double) result.details().get("step")).isCloseTo(Math.sqrt(77.5) / 300, within(1e-15));
        assertThat(result.message()).isEqualTo("""
                Expecting the share of rows of behaviour.csv where the probability of class 'b' of probabilistic \
                classifier (2 classes) falls when 'x1' is raised by 0.0293447 (n=30 rows):
                  0.0000 (95% CI 0.0000–0.1135, Wilson, 0 of 30 rows violated)
                to be at most:
                  0.0000""");
    }

    @Test
    void failsListingTheWorstViolationsOfANonMonotonicModel() throws Exception {
        CheckResult result = run(
                dir,
                new MonotonicityCheck(WHERE, "x1", Direction.INCREASING, 0.1, "", 0, 0, 0),
                BehaviourFixtures.dipsPastHalf());

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.measured()).isEqualTo(0.5);
        assertThat(result.message()).isEqualTo("""
                Expecting the share of rows of behaviour.csv where the probability of class 'b' of probabilistic \
                classifier (2 classes) falls when 'x1' is raised by 0.1 (n=30 rows):
                  0.5000 (95% CI 0.3315–0.6685, Wilson, 15 of 30 rows violated)
                to be at most:
                  0.0000
                but it was 0.5000 above.
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
        assertThat(result.attachments())
                .singleElement()
                .satisfies(a -> assertThat(a.name()).isEqualTo("rows violating monotonicity in x1"));
    }

    @Test
    void aToleranceForgivesSmallMovesTheWrongWay() throws Exception {
        CheckResult result = run(
                dir,
                new MonotonicityCheck(WHERE, "x1", Direction.INCREASING, 0.1, "", 0.2, 0, 0),
                BehaviourFixtures.dipsPastHalf());

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
    }

    @Test
    void decreasingTracksTheNamedClassAndDecidesOnTheIntervalWhenAsked() throws Exception {
        CheckResult result = run(
                dir,
                new MonotonicityCheck(WHERE, "x1", Direction.DECREASING, 0.1, "a", 0, 0.1, 0.95),
                BehaviourFixtures.byX1());

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.message())
                .startsWith("Expecting the share of rows of behaviour.csv where the probability of class 'a' of"
                        + " probabilistic classifier (2 classes) rises when 'x1' is raised by 0.1 (n=30 rows):");
    }

    @Test
    void judgesARegressorsValue() throws Exception {
        CheckResult falling = BehaviourFixtures.runRegressor(
                dir,
                new MonotonicityCheck(WHERE, "x1", Direction.INCREASING, 0.1, "", 0, 0, 0),
                Model.regressor(row -> -row.getDouble("x1")));

        assertThat(falling.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(falling.message())
                .startsWith("Expecting the share of rows of behaviour.csv where the predicted value of regressor falls"
                        + " when 'x1' is raised by 0.1 (n=30 rows):\n"
                        + "  1.0000 (95% CI 0.8865–1.0000, Wilson, 30 of 30 rows violated)");
        assertThat(BehaviourFixtures.runRegressor(
                                dir,
                                new MonotonicityCheck(WHERE, "x1", Direction.DECREASING),
                                Model.regressor(row -> -row.getDouble("x1")))
                        .verdict())
                .isEqualTo(Verdict.PASS);
    }

    @Test
    void refusesAFeatureThatIsNotANumericInput() {
        assertThatThrownBy(() ->
                        run(dir, new MonotonicityCheck(WHERE, "color", Direction.INCREASING), BehaviourFixtures.byX1()))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@Monotonic on T.m(): 'feature' must name a numeric input column; it holds string values in"
                        + " behaviour.csv, was 'color'");
        assertThatThrownBy(() ->
                        run(dir, new MonotonicityCheck(WHERE, "x", Direction.INCREASING), BehaviourFixtures.byX1()))
                .hasMessage("@Monotonic on T.m(): 'feature' must name one of the model's input columns (x1, x2, color)"
                        + " (did you mean 'x1'?), was 'x'");
    }

    @Test
    void refusesAClassThatIsNotTheModelsAndAModelWithoutScores() {
        assertThatThrownBy(() -> run(
                        dir,
                        new MonotonicityCheck(WHERE, "x1", Direction.INCREASING, 0.1, "B", 0, 0, 0),
                        BehaviourFixtures.byX1()))
                .hasMessage("@Monotonic on T.m(): 'positiveClass' must name one of the model's classes (a, b) (did you"
                        + " mean 'b'?), was 'B'");
        assertThatThrownBy(() -> run(
                        dir,
                        new MonotonicityCheck(WHERE, "x1", Direction.INCREASING),
                        Model.classifier(List.of("a", "b"), row -> 0)))
                .hasMessage("@Monotonic on T.m(): classifier (2 classes) gives class labels only; a score that can rise"
                        + " or fall needs class probabilities or a regressor");
    }

    @Test
    void refusesBadNumbers() {
        assertThatThrownBy(() -> new MonotonicityCheck(WHERE, "x1", Direction.INCREASING, -1, "", 0, 0, 0))
                .hasMessage("@Monotonic on T.m(): 'step' must be a positive finite number (or 0 for a tenth of the"
                        + " feature's standard deviation), was -1");
        assertThatThrownBy(() -> new MonotonicityCheck(WHERE, "x1", Direction.INCREASING, 0.1, "", Double.NaN, 0, 0))
                .hasMessage("@Monotonic on T.m(): 'tolerance' must be a finite number of at least 0, was NaN");
        assertThatThrownBy(() -> new MonotonicityCheck(WHERE, "x1", Direction.INCREASING, 0.1, "", 0, -0.1, 0))
                .hasMessage("@Monotonic on T.m(): 'maxViolationRate' must be in [0, 1], was -0.1");
    }

    private static org.assertj.core.data.Offset<Double> within(double offset) {
        return org.assertj.core.data.Offset.offset(offset);
    }
}
