package dev.modeltest.assertions;

import static dev.modeltest.assertions.ModelAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.behaviour.Direction;
import dev.modeltest.behaviour.NoiseStabilityCheck;
import dev.modeltest.model.Model;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Subject;
import dev.modeltest.subject.SubjectSpec;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/**
 * The fluent behavioural assertions run the same checks as the annotations, on {@code fixtures/behaviour.csv} (x1 =
 * r/30, x2, color red, green, blue in turn): they pass on a model that honours the property and fail with the
 * annotation's message on one that breaks it.
 */
class SubjectAssertTest {

    static final String DATA = "src/test/resources/fixtures/behaviour.csv";
    static final List<String> CLASSES = List.of("a", "b");

    private static Subject subject(Model model) {
        return Subject.of(
                new SubjectSpec("@ModelTest on T", DATA, "label", new ModelSource.Instance(model), List.of(), null));
    }

    /** The probability of b is x1: blind to color, rising with x1. */
    private static Model byX1() {
        return Model.probabilisticClassifier(CLASSES, (row, p) -> {
            double x = Math.min(1, Math.max(0, row.getDouble("x1")));
            p[0] = 1 - x;
            p[1] = x;
        });
    }

    /** The probability of b falls as x1 rises: 1 − x1. */
    private static Model againstX1() {
        return Model.probabilisticClassifier(CLASSES, (row, p) -> {
            double x = Math.min(1, Math.max(0, row.getDouble("x1")));
            p[0] = x;
            p[1] = 1 - x;
        });
    }

    @Test
    void passesOnAModelThatHonoursEveryProperty() {
        try (Subject subject = subject(byX1())) {
            assertThat(subject)
                    .isInvariantTo("color")
                    .isInvariantTo("color", "red", "blue")
                    .isMonotonicIn("x1", Direction.INCREASING)
                    .handlesGeneratedInputs()
                    .passes(new NoiseStabilityCheck("noise on x2", List.of("x2"), 0.5, 0, Double.NaN, 7, 0));
        }
    }

    @Test
    void failsWithTheAnnotationsMessage() {
        try (Subject subject = subject(againstX1())) {
            assertThatThrownBy(() -> assertThat(subject).isMonotonicIn("x1", Direction.INCREASING))
                    .isInstanceOf(AssertionFailedError.class)
                    .hasMessageStartingWith("""
                            Expecting the share of rows of behaviour.csv where the probability of class 'b' of \
                            probabilistic classifier (2 classes) falls when 'x1' is raised by 0.0293447 (n=30 rows):
                              1.0000 (95% CI 0.8865–1.0000, Wilson, 30 of 30 rows violated)
                            to be at most:
                              0.0000
                            but it was 1.0000 above.""");
        }
    }

    @Test
    void namesTheAssertionInAConfigurationError() {
        try (Subject subject = subject(byX1())) {
            assertThatThrownBy(() -> assertThat(subject).isInvariantTo("colour"))
                    .hasMessage("assertThat(subject).isInvariantTo(\"colour\"): 'column' must name one of the model's"
                            + " input columns (x1, x2, color) (did you mean 'color'?), was 'colour'");
        }
    }
}
