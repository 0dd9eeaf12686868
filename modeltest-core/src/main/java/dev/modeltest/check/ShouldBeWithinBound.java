package dev.modeltest.check;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The message of one measured value against its limit:
 *
 * <pre>
 * Expecting model accuracy on iris-test.csv (n=30):
 *   0.8667 (95% CI 0.7030–0.9470, Wilson, 26 of 30)
 * to be at least:
 *   0.9000
 * but it was 0.0333 below.
 * </pre>
 *
 * <p>A check hands over what is measured (the subject), the value as described with its interval, the side, the limit
 * and the lines that follow (the outcome, {@link BoundOutcome}, then any table); the wording and the layout live here.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ShouldBeWithinBound {

    private static final String FORMAT = """
            Expecting %s:
              %s
            to be %s%s:
              %s""";

    private static final String WITH_CONFIDENCE = ", with %s confidence";

    private ShouldBeWithinBound() {}

    /**
     * Returns the message.
     *
     * @param subject what was measured, e.g. {@code model accuracy on iris-test.csv (n=30)}
     * @param actual the measured value as described with its interval, e.g. {@code 0.8667 (95% CI …)}
     * @param side at least or at most
     * @param confidence the confidence the limit must be met with, printed as {@code , with 95% confidence}; 0 prints
     *     none
     * @param limit the limit, printed with {@code decimals} decimals
     * @param decimals the decimals of the value and its limit ({@link Format#decimals})
     * @param lines the lines after the limit, each on its own line; empty ones are left out
     */
    public static String message(
            String subject,
            String actual,
            Threshold.Comparison side,
            double confidence,
            double limit,
            int decimals,
            List<String> lines) {
        return message(subject, actual, side, confidence, Format.value(limit, decimals), lines);
    }

    /**
     * Returns the message for a limit that is printed with its unit or its own digits, e.g. {@code 5.000 ms}.
     *
     * @param limit the limit as printed, formatted by {@link Format}
     * @see #message(String, String, Threshold.Comparison, double, double, int, List)
     */
    public static String message(
            String subject,
            String actual,
            Threshold.Comparison side,
            double confidence,
            String limit,
            List<String> lines) {
        String qualifier = confidence == 0 ? "" : Format.message(WITH_CONFIDENCE, Format.percent(confidence));
        StringBuilder text = new StringBuilder(Format.message(FORMAT, subject, actual, side.words(), qualifier, limit));
        lines.stream()
                .filter(line -> !line.isEmpty())
                .forEach(line -> text.append('\n').append(line));
        return text.toString();
    }
}
