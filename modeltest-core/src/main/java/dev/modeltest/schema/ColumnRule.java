package dev.modeltest.schema;

import dev.modeltest.data.ColumnKind;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apiguardian.api.API;

/**
 * The rules a schema sets for one column.
 *
 * <p>Unset bounds are infinite, an empty {@code allowed} list allows any value and an empty {@code regex} matches any
 * text, so every rule can be tested the same way.
 *
 * @param column the column name, as in the data file's header
 * @param type the declared type: {@link ColumnKind#INTEGER}, {@link ColumnKind#DOUBLE}, {@link ColumnKind#STRING} or
 *     {@link ColumnKind#BOOLEAN}
 * @param nullable whether cells may be missing
 * @param min the lowest allowed value, inclusive, for numeric columns; {@code -Infinity} when there is no lower bound
 * @param max the highest allowed value, inclusive, for numeric columns; {@code +Infinity} when there is no upper bound
 * @param allowed the allowed values as written in the schema file, compared as text for string columns, as numbers
 *     for numeric columns and as booleans for boolean columns; empty means any value
 * @param regex a regular expression every cell of a string column must match in full; empty means any text
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record ColumnRule(
        String column, ColumnKind type, boolean nullable, double min, double max, List<String> allowed, String regex) {

    /** The types a schema can declare, in the order messages list them. */
    static final List<ColumnKind> TYPES =
            List.of(ColumnKind.INTEGER, ColumnKind.DOUBLE, ColumnKind.STRING, ColumnKind.BOOLEAN);

    /**
     * Checks that the rules fit together.
     *
     * @throws IllegalArgumentException naming the rule and the value, e.g. {@code 'max' must not be below 'min' (10),
     *     was 5}
     */
    public ColumnRule {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(regex, "regex");
        allowed = List.copyOf(allowed);
        if (column.isEmpty()) {
            throw new Invalid("column", "the column name must not be empty");
        }
        if (!TYPES.contains(type)) {
            throw new Invalid("type", "'type' must be one of " + typeNames() + ", was " + type.displayName());
        }
        if (Double.isNaN(min) || min == Double.POSITIVE_INFINITY) {
            throw new Invalid("min", "'min' must be a finite number, was " + min);
        }
        if (Double.isNaN(max) || max == Double.NEGATIVE_INFINITY) {
            throw new Invalid("max", "'max' must be a finite number, was " + max);
        }
        if (!type.isNumeric()) {
            if (min != Double.NEGATIVE_INFINITY) {
                throw notFor("min", "numeric columns (integer, double)", type);
            }
            if (max != Double.POSITIVE_INFINITY) {
                throw notFor("max", "numeric columns (integer, double)", type);
            }
        }
        if (min > max) {
            throw new Invalid("max", "'max' must not be below 'min' (" + Cells.text(min) + "), was " + Cells.text(max));
        }
        if (!regex.isEmpty()) {
            if (type != ColumnKind.STRING) {
                throw notFor("regex", "string columns", type);
            }
            try {
                Pattern.compile(regex);
            } catch (PatternSyntaxException e) {
                throw new Invalid(
                        "regex",
                        "'regex' must be a valid regular expression (" + e.getDescription() + " near index "
                                + e.getIndex() + "), was '" + regex + "'");
            }
        }
        for (String value : allowed) {
            checkAllowed(type, value);
        }
    }

    private static void checkAllowed(ColumnKind type, String value) {
        Objects.requireNonNull(value, "allowed value");
        if (type.isNumeric()) {
            double number = Cells.parseYamlNumber(value);
            if (Double.isNaN(number)) {
                throw new Invalid(
                        "allowed",
                        "'allowed' values must be numbers for " + article(type) + " column, was '" + value + "'");
            }
            if (type == ColumnKind.INTEGER && !Cells.isWhole(number)) {
                throw new Invalid(
                        "allowed", "'allowed' values must be whole numbers for an integer column, was '" + value + "'");
            }
        } else if (type == ColumnKind.BOOLEAN && Cells.parseYamlBoolean(value) == null) {
            throw new Invalid(
                    "allowed", "'allowed' values must be true or false for a boolean column, was '" + value + "'");
        }
    }

    private static Invalid notFor(String key, String applies, ColumnKind type) {
        return new Invalid(key, "'" + key + "' applies to " + applies + ", not to " + article(type) + " column");
    }

    /** Returns "an integer", "a double"... for messages. */
    static String article(ColumnKind type) {
        return (type == ColumnKind.INTEGER ? "an " : "a ") + type.displayName();
    }

    static String typeNames() {
        return "integer, double, string, boolean";
    }

    /** Returns whether the column has a lower bound. */
    public boolean hasMin() {
        return min != Double.NEGATIVE_INFINITY;
    }

    /** Returns whether the column has an upper bound. */
    public boolean hasMax() {
        return max != Double.POSITIVE_INFINITY;
    }

    /** A rule that does not fit; {@link #key()} says which key of the schema file is at fault. */
    static final class Invalid extends IllegalArgumentException {
        private static final long serialVersionUID = 1L;

        private final String key;

        Invalid(String key, String message) {
            super(message);
            this.key = key;
        }

        String key() {
            return key;
        }
    }
}
