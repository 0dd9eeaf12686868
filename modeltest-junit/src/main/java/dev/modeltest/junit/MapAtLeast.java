package dev.modeltest.junit;

import dev.modeltest.check.IntervalPolicy;
import dev.modeltest.metrics.IntervalMethod;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Passes when the ranking model's MAP@k (mean average precision at {@code k}) over queries is at least {@link
 * #value()}. Each row is one (query, item); an item is relevant when its label is above 0; rows are ranked by the
 * model's score, tied scores with the irrelevant rows first; {@code AP@k = Σ_{i≤k} P@i · rel_i / min(k, R)}, 0 for a
 * query without relevant rows; a query of one row is left out.
 *
 * <p>Failure message (the interval is Student-t over the per-query values; see docs/intervals.md):
 *
 * <pre>
 * Expecting model MAP@3 on ranking.csv (n=240):
 *   0.9243 (95% CI 0.8647–0.9839, Student-t over 40 queries, 39 df; approximate here: ...)
 * to be at least:
 *   0.9900
 * but the whole 95% interval is below it.
 * </pre>
 *
 * <p>See docs/metrics.md for the definition.
 *
 * @since 0.2.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ModelTestExtension.class)
@CheckedBy(MetricChecks.MapFactory.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
public @interface MapAtLeast {

    /** The lowest acceptable MAP@k, in [0, 1]. */
    double value();

    /** The cut-off: only the {@code k} highest-scored rows of each query count; at least 1. */
    int k();

    /**
     * The column that names each row's query (group): rows with the same value are the items ranked for one query.
     * Numbers or text; every row needs a value, and some query needs at least two rows.
     */
    String query();

    /** 0 (the default) decides on the point value; a level in (0, 1) decides on the interval, as {@link F1AtLeast}. */
    double confidence() default IntervalPolicy.CONFIDENCE;

    /** A column to judge the check in every slice of, as {@link F1AtLeast#slicedBy()}; empty (default): none. */
    String slicedBy() default "";

    /** The smallest slice judged, at least 1; default 30. */
    int minSliceSize() default IntervalPolicy.MIN_SUBSET_SIZE;

    /** The bootstrap seed; the same seed gives the same interval, bit for bit. Default 42. */
    long seed() default IntervalPolicy.SEED;

    /** The number of bootstrap resamples, in [100, 1000000]; default 2000. */
    int resamples() default IntervalPolicy.RESAMPLES;

    /**
     * How the interval is made: {@code AUTO} (the default) and {@code EXACT} give the Student-t interval over the
     * per-query values, {@code BOOTSTRAP} the seeded bootstrap resampling queries (never single rows).
     */
    IntervalMethod interval() default IntervalMethod.AUTO;
}
