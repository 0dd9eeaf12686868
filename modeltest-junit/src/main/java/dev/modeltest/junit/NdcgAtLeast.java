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
 * Passes when the ranking model's NDCG@k, averaged over queries, is at least {@link #value()}. Each row is one (query,
 * item): the label is the item's graded relevance (a number of at least 0), the model's output its score, and {@link
 * #query()} names the column of the query. Per query the same as scikit-learn's {@code ndcg_score([rel], [score],
 * k=k)}; a query of one row is left out.
 *
 * <p>Failure message (the interval is Student-t over the per-query values; see docs/intervals.md):
 *
 * <pre>
 * Expecting model NDCG@3 on ranking.csv (n=240):
 *   0.8506 (95% CI 0.8027–0.8985, Student-t over 40 queries, 39 df; approximate here: the per-query values are
 *   skewed (skewness -0.657581), and Cochran's rule with the skewness doubled asks for 44 queries, see
 *   docs/intervals.md)
 * to be at least:
 *   0.9000
 * but it was 0.0494 below.
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
@CheckedBy(MetricChecks.NdcgFactory.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
public @interface NdcgAtLeast {

    /** The lowest acceptable NDCG@k, in [0, 1]. */
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
