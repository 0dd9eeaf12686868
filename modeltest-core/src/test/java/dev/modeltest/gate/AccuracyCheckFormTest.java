package dev.modeltest.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.metrics.Metric;
import dev.modeltest.model.Predictions;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Subject;
import dev.modeltest.subject.SubjectSpec;
import dev.modeltest.subject.TaskHint;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code @AccuracyAtLeast} runs as a metric gate and still reports as it always has when it decides on the point
 * value on all rows; the deprecated {@code AccuracyCheck} is that gate.
 */
class AccuracyCheckFormTest {

    private static final String WHERE = "@AccuracyAtLeast on T.m()";

    /** 40 rows, 3 wrong per class: accuracy 0.85. */
    private final Predictions predictions = MetricFixtures.binary("fixture.csv", 40, 3);

    @TempDir
    Path dir;

    private static MetricGate.Builder accuracy(double value) {
        return MetricGate.builder(WHERE, Metric.ACCURACY, Bound.AT_LEAST, value).reportedAsAccuracyCheck();
    }

    @Test
    void failsWithTheRowsRightInTheMessageAndItsOwnCheckId() {
        CheckResult result = accuracy(0.9).build().evaluate(predictions);

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.check()).isEqualTo("accuracy-at-least");
        assertThat(result.title()).isEqualTo("accuracy ≥ 0.9000 on fixture.csv");
        assertThat(result.threshold()).isEqualTo("≥ 0.9000");
        assertThat(result.message())
                .isEqualTo("Expecting model accuracy on fixture.csv (n=40):\n"
                        + "  0.8500 (95% CI 0.7093–0.9294, 34 of 40 right)\n"
                        + "to be at least:\n"
                        + "  0.9000\n"
                        + "but it was 0.0500 below.");
        assertThat(result.details()).isEqualTo(Map.of("correct", 34L, "classes", List.of("a", "b")));
        assertThat(result.attachments()).isEmpty();
    }

    @Test
    void passesWithTheSameTextWithoutTheLastLine() {
        CheckResult result = accuracy(0.8).build().evaluate(predictions);

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.measured()).isEqualTo(0.85);
        assertThat(result.interval().method()).isEqualTo("Wilson");
        assertThat(result.message())
                .isEqualTo("Expecting model accuracy on fixture.csv (n=40):\n"
                        + "  0.8500 (95% CI 0.7093–0.9294, 34 of 40 right)\n"
                        + "to be at least:\n"
                        + "  0.8000");
    }

    @Test
    void decidingOnTheIntervalReportsAsEveryMetricGate() {
        CheckResult result = accuracy(0.5).confidence(0.95).build().evaluate(predictions);

        assertThat(result.check()).isEqualTo("metric-at-least");
        assertThat(result.message())
                .contains(
                        "  0.8500 (95% CI 0.7093–0.9294, Wilson, 34 of 40; approximate here: fewer than 100 trials (40), see docs/intervals.md)\n");
    }

    @Test
    void aValueOutsideZeroToOneKeepsItsWording() {
        assertThatThrownBy(() -> accuracy(1.5).build())
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@AccuracyAtLeast on T.m(): 'value' must be in [0, 1], was 1.5");
    }

    @Test
    void aRegressorKeepsItsWording() {
        Predictions regression = MetricFixtures.regression("reg.csv", 20, 0.5);

        assertThatThrownBy(() -> accuracy(0.5).build().evaluate(regression))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage("@AccuracyAtLeast on T.m(): accuracy applies to classifiers, but the model ("
                        + regression.modelName()
                        + ") predicts numbers (regression); gate it with an error metric instead");
    }

    @Test
    void onlyAnAccuracyFloorReportsAsAccuracyAtLeast() {
        MetricGate.Builder f1 = MetricGate.builder(WHERE, Metric.F1, Bound.AT_LEAST, 0.5);

        assertThatThrownBy(f1::reportedAsAccuracyCheck)
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("only an accuracy floor reports as @AccuracyAtLeast, not F1 AT_LEAST");
    }

    @Test
    @SuppressWarnings("deprecation")
    void theDeprecatedAccuracyCheckIsThatGate() throws IOException {
        Path data = dir.resolve("tiny.csv");
        Files.writeString(data, "label,pred\na,a\na,a\na,b\nb,b\nb,b\n");
        Subject subject = Subject.of(new SubjectSpec(
                "@ModelTest on T",
                data.toString(),
                "label",
                new ModelSource.Columns("pred", List.of()),
                List.of(),
                TaskHint.CLASSIFICATION));

        CheckResult result = new dev.modeltest.check.AccuracyCheck(WHERE, 0.9).run(subject);

        assertThat(result.check()).isEqualTo(dev.modeltest.check.AccuracyCheck.ID);
        assertThat(result.message())
                .isEqualTo("Expecting model accuracy on tiny.csv (n=5):\n"
                        + "  0.8000 (95% CI 0.3755–0.9638, 4 of 5 right)\n"
                        + "to be at least:\n"
                        + "  0.9000\n"
                        + "but it was 0.1000 below.");
        assertThatThrownBy(() -> new dev.modeltest.check.AccuracyCheck(WHERE, -0.1))
                .hasMessage("@AccuracyAtLeast on T.m(): 'value' must be in [0, 1], was -0.1");
    }
}
