package dev.modeltest.assertions;

import dev.modeltest.model.Predictions;
import dev.modeltest.subject.Subject;
import org.apiguardian.api.API;

/**
 * The entry point of modeltest's fluent assertions.
 *
 * <pre>{@code
 * import static dev.modeltest.assertions.ModelAssertions.assertThat;
 *
 * assertThat(predictions).accuracy().isAtLeast(0.9);
 * assertThat(predictions).metric(Metric.F1, Averaging.MACRO).withConfidence(0.95).isAtLeast(0.85);
 * assertThat(subject).isInvariantTo("gender").handlesGeneratedInputs();
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ModelAssertions {

    private ModelAssertions() {}

    /** Starts assertions on predictions. */
    public static PredictionsAssert assertThat(Predictions actual) {
        return new PredictionsAssert(actual);
    }

    /**
     * Starts assertions on a subject: the behavioural checks, which call its model.
     *
     * @since 0.1.0
     */
    public static SubjectAssert assertThat(Subject actual) {
        return new SubjectAssert(actual);
    }
}
