package dev.modeltest.junit;

import dev.modeltest.check.IntervalPolicy;
import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.Metric;
import dev.modeltest.model.ModelProvider;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Champion/challenger: passes unless the model under test is worse than a baseline on the same rows by more than
 * {@link #tolerance()}, with significance at {@link #alpha()}.
 *
 * <p>The baseline is exactly one of {@link #baselineModel()}, {@link #baselineProvider()} or {@link
 * #baselinePredictions()} (with {@link #baselineScores()}); it predicts on the same data file, label and features as
 * the {@code @ModelTest}. The test is paired: exact McNemar for accuracy, DeLong for a binary ROC AUC, a paired
 * bootstrap otherwise. Failure message:
 *
 * <pre>
 * Expecting model accuracy on iris-test.csv (n=30) not to be worse than the baseline (model provider x.Old) by more than:
 *   0.0000
 *   model:      0.8000
 *   baseline:   0.9667
 *   difference: -0.1667 (95% CI -0.3000–-0.0333, paired bootstrap, 2000 resamples, seed 42)
 *   p-value:    0.03125 (one-sided, exact McNemar test on 5 discordant rows: 0 only the model gets right, 5 only the baseline)
 * but it is worse by 0.1667, more than the tolerance, and significantly so (p = 0.03125 &lt; alpha 0.05).
 * </pre>
 *
 * @since 0.1.0
 */
@Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Test
@ExtendWith(ModelTestExtension.class)
@CheckedBy(MetricChecks.NoRegressionFactory.class)
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public @interface NoRegressionVs {

    /** The baseline's model file (as {@code @ModelTest(model)}); empty by default. */
    String baselineModel() default "";

    /** The baseline's provider class (as {@code @ModelTest(provider)}); {@code ModelProvider.class} means none. */
    Class<? extends ModelProvider> baselineProvider() default ModelProvider.class;

    /** The column of the data holding the baseline's predictions (as {@code @ModelTest(predictions)}); empty by default. */
    String baselinePredictions() default "";

    /** The baseline's probability columns, with {@link #baselinePredictions()} only (as {@code @ModelTest(scores)}). */
    String[] baselineScores() default {};

    /** The metric compared; default accuracy. */
    Metric metric() default Metric.ACCURACY;

    /** How per-class values become one number, as in {@link MetricAtLeast#average()}; default AUTO. */
    Averaging average() default Averaging.AUTO;

    /** The positive class, as in {@link MetricAtLeast#positiveLabel()}; empty by default. */
    String positiveLabel() default "";

    /** How much worse than the baseline the model may be, in the metric's units, at least 0; default 0. */
    double tolerance() default 0;

    /** The significance level of the one-sided test, in (0, 1); default 0.05. */
    double alpha() default 0.05;

    /** The seed of the paired bootstrap; default 42. */
    long seed() default IntervalPolicy.SEED;

    /** The number of paired bootstrap resamples, in [100, 1000000]; default 2000. */
    int resamples() default IntervalPolicy.RESAMPLES;
}
