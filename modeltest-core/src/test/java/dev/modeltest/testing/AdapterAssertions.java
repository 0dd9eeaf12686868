package dev.modeltest.testing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.data.TestData;
import dev.modeltest.error.DataException;
import dev.modeltest.model.Features;
import dev.modeltest.model.Model;
import dev.modeltest.subject.Subject;
import java.nio.file.Path;
import java.util.List;

/** Checks that the adapter modules' tests make of every model: how it takes, or refuses, the test's columns. */
public final class AdapterAssertions {

    private AdapterAssertions() {}

    /** Checks that predicting the data set through a {@link Subject} fails with a {@link DataException}. */
    public static void assertSubjectRefuses(
            Path model, Path data, String label, List<String> features, String message) {
        try (Subject subject = AdapterFixtures.subject(model, data, label, features)) {
            assertThatThrownBy(subject::predictions)
                    .isInstanceOf(DataException.class)
                    .hasMessage(message);
        }
    }

    /**
     * Calls the model, which this closes, directly on every row and checks that it fails with {@code message} without
     * writing a single prediction.
     */
    public static void assertNothingPredicted(Model model, TestData data, List<String> features, String message) {
        try (model) {
            RecordingOutput out =
                    new RecordingOutput(data.rowCount(), model.classes().size());

            assertThatThrownBy(() -> model.predict(Features.of(data, features).batch(0, data.rowCount()), out))
                    .isInstanceOf(DataException.class)
                    .hasMessage(message);
            assertThat(out.writes).isZero();
        }
    }

    /**
     * Checks that the model, which this closes, predicts the same for its inputs in {@code features} order as for
     * {@code reordered}: the same columns in another order, with extra columns among them.
     */
    public static void assertSamePredictionsInAnyColumnOrder(
            Model model, TestData data, List<String> features, List<String> reordered) {
        try (model) {
            int rows = data.rowCount();
            RecordingOutput inOrder = new RecordingOutput(rows, model.classes().size());
            RecordingOutput shuffled = new RecordingOutput(rows, model.classes().size());

            model.predict(Features.of(data, features).batch(0, rows), inOrder);
            model.predict(Features.of(data, reordered).batch(0, rows), shuffled);

            assertThat(shuffled.probabilities).isDeepEqualTo(inOrder.probabilities);
            assertThat(shuffled.classes).isEqualTo(inOrder.classes);
            assertThat(shuffled.values).isEqualTo(inOrder.values);
        }
    }
}
