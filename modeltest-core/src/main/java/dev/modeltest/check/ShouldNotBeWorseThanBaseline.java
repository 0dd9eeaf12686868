package dev.modeltest.check;

import org.apiguardian.api.API;

/**
 * The message of a model compared with a baseline on the same rows:
 *
 * <pre>
 * Expecting model accuracy on iris-test.csv (n=30) not to be worse than the baseline (model provider x.Old) by more than:
 *   0.0000
 *   model:      0.9333
 *   baseline:   0.9667
 *   difference: -0.0333 (95% CI -0.1000–0.0333, paired bootstrap, 2000 resamples, seed 42)
 *   p-value:    0.500 (one-sided, exact McNemar, b=0, c=1)
 * and it is not worse by more than the tolerance.
 * </pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ShouldNotBeWorseThanBaseline {

    private static final String FORMAT = """
            Expecting model %s on %s (n=%s) not to be worse than the baseline (%s) by more than:
              %s
              model:      %s
              baseline:   %s
              difference: %s (%s, %s)
              p-value:    %s (one-sided, %s)
            %s""";

    private static final String WORSE =
            "but it is worse by %s, more than the tolerance, and significantly so (%s < alpha %s).";
    private static final String WORSE_WITHIN_NOISE =
            "and though it is worse by %s, more than the tolerance, that is not significant (%s ≥ alpha %s).";
    private static final String NOT_WORSE = "and it is not worse by more than the tolerance.";

    private ShouldNotBeWorseThanBaseline() {}

    /** What was compared: the metric's label, the data and its rows, the baseline's name. */
    public record Compared(String metric, String data, int rows, String baseline) {}

    /** The outcome of the paired test: the difference {@code model − baseline} and its test. */
    public record Paired(double difference, Interval interval, String intervalMethod, double pValue, String test) {}

    /**
     * Returns the message.
     *
     * @param model the metric of the model under test
     * @param baseline the metric of the baseline
     * @param drop how much worse the model is (positive) or better (negative), in the metric's direction
     * @param alpha the significance level; the drop counts when {@code pValue < alpha}
     */
    public static String message(
            Compared compared,
            double tolerance,
            double model,
            double baseline,
            Paired test,
            double drop,
            double alpha) {
        String ending;
        if (!(drop > tolerance)) {
            ending = NOT_WORSE;
        } else if (test.pValue() < alpha) {
            ending = Format.message(WORSE, drop, Format.pEquals(test.pValue()), Format.number(alpha));
        } else {
            ending = Format.message(WORSE_WITHIN_NOISE, drop, Format.pEquals(test.pValue()), Format.number(alpha));
        }
        return Format.message(
                FORMAT,
                compared.metric(),
                compared.data(),
                compared.rows(),
                compared.baseline(),
                tolerance,
                model,
                baseline,
                test.difference(),
                test.interval(),
                test.intervalMethod(),
                Format.pValue(test.pValue()),
                test.test(),
                ending);
    }
}
