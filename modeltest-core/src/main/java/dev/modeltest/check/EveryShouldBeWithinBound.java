package dev.modeltest.check;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The message of many measured values (slices, columns) against one limit:
 *
 * <pre>
 * Expecting the fraction of missing cells in each of all 4 column(s) of iris.csv (n=150) to be at most:
 *   0.0500
 * but 1 column(s) have more:
 *   column 'petal_width': 0.1000 (15 of 150 missing), e.g. row 3, row 9
 * </pre>
 *
 * <p>A check hands over what is measured (the subject, ending in "each of …" or "in every slice of …"), the side, the
 * limit and the lines that follow; the wording and the layout live here.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class EveryShouldBeWithinBound {

    private static final String FORMAT = """
            Expecting %s to be %s:
              %s""";

    private EveryShouldBeWithinBound() {}

    /**
     * Returns the message.
     *
     * @param subject what was measured, e.g. {@code model F1 (macro) on iris.csv (n=150) in every slice of 'site'}
     * @param side at least or at most
     * @param limit the limit, printed as {@link Format#value(double)} prints it
     * @param lines the lines after the limit (outcome, table, notes), each on its own line; empty ones are left out
     */
    public static String message(String subject, Threshold.Comparison side, double limit, List<String> lines) {
        StringBuilder text = new StringBuilder(Format.message(FORMAT, subject, side.words(), limit));
        lines.stream()
                .filter(line -> !line.isEmpty())
                .forEach(line -> text.append('\n').append(line));
        return text.toString();
    }
}
