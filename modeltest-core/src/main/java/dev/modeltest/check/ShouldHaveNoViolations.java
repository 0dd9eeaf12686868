package dev.modeltest.check;

import java.util.List;
import org.apiguardian.api.API;

/**
 * The message of a rule that every row, cell or column must keep, with the ones that break it listed:
 *
 * <pre>
 * Expecting no duplicate rows in iris.csv (n=150), comparing all 5 column(s)
 * but found 1 duplicate row(s) in 1 group(s) of equal rows:
 *   rows 102, 143: sepal_length=5.8, …
 *   ... and 3 more group(s)
 * </pre>
 *
 * <p>The layout lives here: {@code Expecting} and the rule, then {@code and} (the rule holds) or {@code but} (it does
 * not) with the finding, then the listed offenders indented, then how many more were left out. Each check keeps its
 * own wording as templates whose values are printed by {@link Format#message}.
 *
 * <pre>{@code
 * ShouldHaveNoViolations.expecting("no missing values in %s of %s (n=%s)", scope, data.name(), n)
 *         .but("found %s missing cell(s) in %s column(s):", total, columns)
 *         .item("column '%s': %s row(s), e.g. %s", column, count, rows)
 *         .toString();
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ShouldHaveNoViolations {

    private static final String EXPECTING = "Expecting %s";
    private static final String HOLDS = "and %s";
    private static final String BROKEN = "but %s";
    private static final String ITEM = "  %s";
    private static final String MORE = "  ... and %s more%s";

    private final StringBuilder text;

    private ShouldHaveNoViolations(String rule) {
        this.text = new StringBuilder(Format.message(EXPECTING, rule));
    }

    /** Starts the message with the rule: {@code Expecting <rule>}. */
    public static ShouldHaveNoViolations expecting(String rule, Object... values) {
        return new ShouldHaveNoViolations(Format.message(rule, values));
    }

    /** Adds the line saying that the rule holds: {@code and <confirmation>}. */
    public ShouldHaveNoViolations and(String confirmation, Object... values) {
        return line(HOLDS, Format.message(confirmation, values));
    }

    /** Adds the line saying what breaks the rule: {@code but <finding>}. */
    public ShouldHaveNoViolations but(String finding, Object... values) {
        return line(BROKEN, Format.message(finding, values));
    }

    /** Adds one listed offender, indented. */
    public ShouldHaveNoViolations item(String offender, Object... values) {
        return line(ITEM, Format.message(offender, values));
    }

    /** Adds listed offenders, each indented on its own line. */
    public ShouldHaveNoViolations items(List<String> offenders) {
        offenders.forEach(offender -> line(ITEM, offender));
        return this;
    }

    /**
     * Adds {@code ... and 3 more group(s)} when {@code count} offenders were left out of the list, nothing otherwise.
     *
     * @param unit what was left out, after the count and a space (e.g. {@code group(s)}), or empty for nothing
     */
    public ShouldHaveNoViolations more(long count, String unit) {
        return count > 0 ? line(MORE, count, unit.isEmpty() ? "" : " " + unit) : this;
    }

    /** Adds lines as they are: a table already laid out, notes. */
    public ShouldHaveNoViolations lines(List<String> lines) {
        lines.forEach(line -> text.append('\n').append(line));
        return this;
    }

    private ShouldHaveNoViolations line(String template, Object... values) {
        text.append('\n').append(Format.message(template, values));
        return this;
    }

    /** Returns the message. */
    @Override
    public String toString() {
        return text.toString();
    }
}
