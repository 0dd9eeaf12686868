package dev.modeltest.assertions;

import dev.modeltest.behaviour.Direction;
import dev.modeltest.behaviour.GeneratedInputsCheck;
import dev.modeltest.behaviour.InvarianceCheck;
import dev.modeltest.behaviour.MonotonicityCheck;
import dev.modeltest.behaviour.NoiseStabilityCheck;
import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.subject.Subject;
import java.util.List;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link Subject} (the model, its data and its predictions, as a plain {@code @Test} method of a
 * {@code @ModelTest} class receives it): the behavioural checks, with their defaults, evaluated by the same core
 * checks as the annotations, so a failure reads exactly like the annotation's message; {@link #passes(Check)} runs
 * any check with settings of its own. An INCONCLUSIVE decision fails too (AssertJ has no "aborted").
 *
 * <pre>{@code
 * @Test
 * void behaves(Subject subject) {
 *     assertThat(subject).isInvariantTo("gender", "female", "male")
 *             .isMonotonicIn("income", Direction.INCREASING)
 *             .handlesGeneratedInputs();
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class SubjectAssert extends AbstractAssert<SubjectAssert, Subject> {

    private static final String SUBJECT = "assertThat(subject).";

    SubjectAssert(Subject actual) {
        super(actual, SubjectAssert.class);
    }

    /**
     * Asserts that changing only {@code column}, between the given values (or, with none, every value it holds),
     * changes no predicted class, as {@code @InvariantTo(column, values)} does.
     */
    public SubjectAssert isInvariantTo(String column, String... values) {
        String where = SUBJECT + "isInvariantTo(\"" + column + "\")";
        return passes(new InvarianceCheck(where, column, List.of(values), 0, 0));
    }

    /**
     * Asserts that raising {@code feature} by a tenth of its standard deviation never moves the score the wrong way,
     * as {@code @Monotonic(feature, direction)} does.
     */
    public SubjectAssert isMonotonicIn(String feature, Direction direction) {
        String where = SUBJECT + "isMonotonicIn(\"" + feature + "\", " + direction + ")";
        return passes(new MonotonicityCheck(where, feature, direction));
    }

    /**
     * Asserts that noise of 5% of each column's spread flips at most 2% of a classifier's rows, as
     * {@code @StableUnderNoise} does; a regressor needs its bound: {@link #passes(Check)} with a {@link
     * NoiseStabilityCheck}.
     */
    public SubjectAssert isStableUnderNoise() {
        return passes(new NoiseStabilityCheck(SUBJECT + "isStableUnderNoise()"));
    }

    /**
     * Asserts that 1000 rows drawn from the test data's ranges and categories, and the edge rows, each get one valid
     * prediction without the model throwing, as {@code @HandlesGeneratedInputs} does.
     */
    public SubjectAssert handlesGeneratedInputs() {
        return passes(new GeneratedInputsCheck(SUBJECT + "handlesGeneratedInputs()"));
    }

    /** Asserts that a check, configured as its constructor or builder allows, passes on the subject. */
    public SubjectAssert passes(Check check) {
        isNotNull();
        CheckResult result = check.run(actual);
        if (result.verdict() != Verdict.PASS) {
            // The message may hold '%' (as in "95% CI"): pass it as an argument, never as the format.
            throw failureWithActualExpected(result.measured(), result.threshold(), "%s", result.message());
        }
        return myself;
    }
}
