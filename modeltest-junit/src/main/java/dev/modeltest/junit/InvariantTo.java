package dev.modeltest.junit;

import dev.modeltest.check.IntervalPolicy;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Passes when changing only one input column does not change the prediction. Each test row whose value of the column
 * is among {@link #values()} (or, with none given, every row with a value) is copied once for each other value, only
 * that column changed, and the copies are predicted in batches; a row flips when any copy is predicted another class
 * (a classifier) or a value more than {@link #tolerance()} away from the row's own (a regressor). The flip rate is
 * reported with its Wilson interval and must be at most {@link #maxFlipRate()}. The failure lists the flipped rows;
 * {@code docs/behaviour.md} has the rule and the messages.
 *
 * <pre>{@code
 * @InvariantTo(column = "gender", values = {"female", "male"})
 * void genderDoesNotChangeTheDecision() {}
 * }</pre>
 *
 * <p>It needs a model to call: a test of a predictions column cannot change its rows.
 *
 * @since 0.1.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ModelTestExtension.class)
@CheckedBy(BehaviourChecks.InvariantToFactory.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public @interface InvariantTo {

    /** The input column to change. */
    String column();

    /**
     * The values to swap between, as the data writes them (numbers compare as numbers); at least two, each occurring
     * in the column. Empty: every value the column holds, at most 20.
     */
    String[] values() default {};

    /** The highest share of rows whose prediction may change, in [0, 1]; default 0. */
    double maxFlipRate() default 0;

    /**
     * For a regressor: how far, in the label's units, a copy's predicted value may move from the row's own before the
     * row counts as flipped ({@code |after − before| > tolerance}); at least 0, default 0 (any move flips). Must stay 0
     * for a classifier, whose rows flip when their class changes.
     */
    double tolerance() default 0;

    /**
     * 0 (default) to decide on the flip rate itself; a level in (0, 1) to decide on its Wilson interval (PASS when the
     * whole interval is at most {@link #maxFlipRate()}, INCONCLUSIVE when it straddles it). Needs a {@code maxFlipRate}
     * above 0.
     */
    double confidence() default IntervalPolicy.CONFIDENCE;
}
