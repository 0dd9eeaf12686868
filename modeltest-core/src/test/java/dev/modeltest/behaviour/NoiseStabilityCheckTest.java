package dev.modeltest.behaviour;

import static dev.modeltest.behaviour.BehaviourFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.model.Model;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@link NoiseStabilityCheck}: noise the model ignores passes; noise that moves a row across the model's boundary, or
 * a category the model reads, fails with the flipped rows; a regressor is judged on its mean absolute change.
 */
class NoiseStabilityCheckTest {

    static final String WHERE = "@StableUnderNoise on T.m()";

    @TempDir
    Path dir;

    private static NoiseStabilityCheck classifierCheck(List<String> columns, double sigma) {
        return new NoiseStabilityCheck(WHERE, columns, sigma, 0.02, Double.NaN, 42, 0);
    }

    @Test
    void passesWhenTheNoiseIsOnColumnsTheModelIgnores() throws Exception {
        CheckResult result = run(dir, classifierCheck(List.of("x2", "color"), 0.05), BehaviourFixtures.byX1());

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.key()).isEqualTo("stable-under-noise");
        assertThat(result.message()).isEqualTo("""
                Expecting the flip rate of probabilistic classifier (2 classes) on behaviour.csv with noise on 'x2', \
                'color' (sigma 0.05, seed 42) (n=30 rows):
                  0.0000 (95% CI 0.0000–0.1135, Wilson, 0 of 30 rows flipped)
                to be at most:
                  0.0200""");
    }

    @Test
    void failsWithTheRowsTheNoiseMovedAcrossTheBoundary() throws Exception {
        CheckResult result = run(dir, new NoiseStabilityCheck(WHERE), BehaviourFixtures.byX1());

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.message()).isEqualTo("""
                Expecting the flip rate of probabilistic classifier (2 classes) on behaviour.csv with noise on every \
                input (sigma 0.05, seed 42) (n=30 rows):
                  0.0333 (95% CI 0.0059–0.1667, Wilson, 1 of 30 rows flipped)
                to be at most:
                  0.0200
                but it was 0.0133 above.
                flipped rows (row: cells before → with noise; predicted class before → with noise):
                  row 16: x1 0.5 → 0.503462, x2 0.5 → 0.509538; a → b""");
        assertThat(result.details()).containsEntry("columns", List.of("x1", "x2", "color"));
    }

    @Test
    void changesACategoryWithProbabilitySigma() throws Exception {
        CheckResult result = run(dir, classifierCheck(List.of("color"), 0.2), BehaviourFixtures.blueIsB());

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.message()).endsWith("""
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

    @Test
    void theSameSeedGivesTheSameNoise() throws Exception {
        CheckResult first = run(dir, classifierCheck(List.of("color"), 0.5), BehaviourFixtures.blueIsB());
        CheckResult again = run(dir, classifierCheck(List.of("color"), 0.5), BehaviourFixtures.blueIsB());
        CheckResult other = run(
                dir,
                new NoiseStabilityCheck(WHERE, List.of("color"), 0.5, 0.02, Double.NaN, 7, 0),
                BehaviourFixtures.blueIsB());

        assertThat(again.message()).isEqualTo(first.message());
        assertThat(other.message()).isNotEqualTo(first.message());
    }

    @Test
    void judgesARegressorOnItsMeanAbsoluteChange() throws Exception {
        Model identity = Model.regressor(row -> row.getDouble("x1"));

        CheckResult point = BehaviourFixtures.runRegressor(
                dir, new NoiseStabilityCheck(WHERE, List.of("x1"), 0.05, 0.02, 0.02, 42, 0), identity);
        CheckResult interval = BehaviourFixtures.runRegressor(
                dir, new NoiseStabilityCheck(WHERE, List.of("x1"), 0.05, 0.02, 0.001, 42, 0.95), identity);

        assertThat(point.verdict()).isEqualTo(Verdict.PASS);
        assertThat(point.message()).isEqualTo("""
                Expecting the mean absolute change of the predicted value of regressor on behaviour.csv with noise on \
                'x1' (sigma 0.05, seed 42) (n=30 rows):
                  0.0115 (95% CI 0.0089–0.0141, Student-t)
                to be at most:
                  0.0200""");
        assertThat(interval.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(interval.message()).startsWith("""
                Expecting the mean absolute change of the predicted value of regressor on behaviour.csv with noise on \
                'x1' (sigma 0.05, seed 42) (n=30 rows):
                  0.0115 (95% CI 0.0089–0.0141, Student-t)
                to be at most, with 95% confidence:
                  0.0010
                but the whole 95% interval is above it.
                the largest changes (row: cells before → with noise; predicted value before → with noise):
                  row 18: x1 0.566667 → 0.601887; 0.566667 → 0.601887
                """);
    }

    @Test
    void refusesAMissingOrMisplacedMeanChangeBound() {
        assertThatThrownBy(() -> BehaviourFixtures.runRegressor(
                        dir, new NoiseStabilityCheck(WHERE), Model.regressor(row -> row.getDouble("x1"))))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@StableUnderNoise on T.m(): 'maxMeanChange' must be given for a regressor (regressor): the"
                        + " highest mean absolute change of its predicted value, in the label's units, was unset");
        assertThatThrownBy(() -> run(
                        dir,
                        new NoiseStabilityCheck(WHERE, List.of(), 0.05, 0.02, 0.01, 42, 0),
                        BehaviourFixtures.byX1()))
                .hasMessage("@StableUnderNoise on T.m(): 'maxMeanChange' applies to regressors, but the model"
                        + " (probabilistic classifier (2 classes)) is a classifier; bound its flip rate with"
                        + " 'maxFlipRate', was 0.01");
    }

    @Test
    void refusesBadColumnsAndSigma() {
        assertThatThrownBy(() -> run(dir, classifierCheck(List.of("colr"), 0.05), BehaviourFixtures.byX1()))
                .hasMessage("@StableUnderNoise on T.m(): 'columns' must name one of the model's input columns (x1, x2,"
                        + " color) (did you mean 'color'?), was 'colr'");
        assertThatThrownBy(() -> classifierCheck(List.of(), 0))
                .hasMessage("@StableUnderNoise on T.m(): 'sigma' must be in (0, 1] (the noise's standard deviation as a"
                        + " share of each column's, and the chance that a category changes), was 0");
        assertThatThrownBy(() -> classifierCheck(List.of(), -0.05))
                .hasMessage("@StableUnderNoise on T.m(): 'sigma' must be in (0, 1] (the noise's standard deviation as a"
                        + " share of each column's, and the chance that a category changes), was -0.05");
        assertThatThrownBy(() -> classifierCheck(List.of(), 1.5))
                .hasMessage("@StableUnderNoise on T.m(): 'sigma' must be in (0, 1] (the noise's standard deviation as a"
                        + " share of each column's, and the chance that a category changes), was 1.5");
        assertThatThrownBy(() -> new NoiseStabilityCheck(WHERE, List.of(), 0.05, 0.02, -1, 42, 0))
                .hasMessage(
                        "@StableUnderNoise on T.m(): 'maxMeanChange' must be a finite number of at least 0, was -1");
    }
}
