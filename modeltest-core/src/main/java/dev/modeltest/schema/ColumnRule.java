package dev.modeltest.schema;

import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apiguardian.api.API;

/**
 * The rules a schema sets for one column.
 *
 * <p>Unset bounds are infinite, an unset {@code maxNullFraction} is {@code NaN}, an empty {@code allowed} list allows
 * any value, an empty {@code regex} matches any text and a {@code maxCardinality} of 0 sets no limit, so every rule
 * can be tested the same way.
 *
 * @param column the column name, as in the data file's header
 * @param type the declared type
 * @param nullable whether cells may be missing
 * @param maxNullFraction the highest fraction of missing cells allowed, in [0, 1]; {@code NaN} when not set
 * @param min the lowest allowed value, inclusive, for numbers, dates (as the epoch day) and datetimes (as
 *     microseconds since 1970-01-01T00:00 UTC); {@code -Infinity} when there is no lower bound
 * @param max the highest allowed value, inclusive, in the same units as {@code min}; {@code +Infinity} when there is
 *     no upper bound
 * @param allowed the allowed values as written in the schema file, compared as text for string columns, as numbers
 *     for numeric columns, as booleans for boolean columns and as dates or datetimes for those; empty means any value
 * @param regex a regular expression every cell of a string column must match in full; empty means any text
 * @param unique whether every non-missing value must differ from every other
 * @param maxCardinality the most distinct non-missing values the column may hold; 0 means no limit
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record ColumnRule(
        String column,
        SchemaType type,
        boolean nullable,
        double maxNullFraction,
        double min,
        double max,
        List<String> allowed,
        String regex,
        boolean unique,
        int maxCardinality) {

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
        if (!Double.isNaN(maxNullFraction)) {
            if (!(maxNullFraction >= 0 && maxNullFraction <= 1)) {
                throw new Invalid(
                        "maxNullFraction", "'maxNullFraction' must be in [0, 1], was " + Cells.text(maxNullFraction));
            }
            if (!nullable) {
                throw new Invalid(
                        "maxNullFraction",
                        "'maxNullFraction' allows missing cells, but 'nullable' is false; give one of the two");
            }
        }
        if (Double.isNaN(min) || min == Double.POSITIVE_INFINITY) {
            throw new Invalid("min", "'min' must be a finite number, was " + min);
        }
        if (Double.isNaN(max) || max == Double.NEGATIVE_INFINITY) {
            throw new Invalid("max", "'max' must be a finite number, was " + max);
        }
        if (!type.isOrdered()) {
            if (min != Double.NEGATIVE_INFINITY) {
                throw notFor("min", "integer, double, date and datetime columns", type);
            }
            if (max != Double.POSITIVE_INFINITY) {
                throw notFor("max", "integer, double, date and datetime columns", type);
            }
        }
        if (min > max) {
            throw new Invalid(
                    "max",
                    "'max' must not be below 'min' (" + Cells.text(type, min) + "), was " + Cells.text(type, max));
        }
        if (!regex.isEmpty()) {
            if (type != SchemaType.STRING) {
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
        if (maxCardinality < 0) {
            throw new Invalid(
                    "maxCardinality", "'maxCardinality' must be a whole number of at least 1, was " + maxCardinality);
        }
    }

    /** Returns the rules of a column of that type that sets nothing but the type. */
    public static ColumnRule of(String column, SchemaType type) {
        return new ColumnRule(
                column,
                type,
                true,
                Double.NaN,
                Double.NEGATIVE_INFINITY,
                Double.POSITIVE_INFINITY,
                List.of(),
                "",
                false,
                0);
    }

    private static void checkAllowed(SchemaType type, String value) {
        Objects.requireNonNull(value, "allowed value");
        switch (type) {
            case INTEGER, DOUBLE -> {
                double number = Cells.parseYamlNumber(value);
                if (Double.isNaN(number)) {
                    throw new Invalid(
                            "allowed",
                            "'allowed' values must be numbers for " + type.withArticle() + " column, was '" + value
                                    + "'");
                }
                if (type == SchemaType.INTEGER && !Cells.isWhole(number)) {
                    throw new Invalid(
                            "allowed",
                            "'allowed' values must be whole numbers for an integer column, was '" + value + "'");
                }
            }
            case BOOLEAN -> {
                if (Cells.parseYamlBoolean(value) == null) {
                    throw new Invalid(
                            "allowed",
                            "'allowed' values must be true or false for a boolean column, was '" + value + "'");
                }
            }
            case DATE, DATETIME -> {
                if (Double.isNaN(Cells.parseSchemaValue(type, value))) {
                    throw new Invalid(
                            "allowed",
                            "'allowed' values must be " + Cells.example(type) + " for " + type.withArticle()
                                    + " column, was '" + value + "'");
                }
            }
            case STRING -> {
                // Any text is a string.
            }
        }
    }

    private static Invalid notFor(String key, String applies, SchemaType type) {
        return new Invalid(key, "'" + key + "' applies to " + applies + ", not to " + type.withArticle() + " column");
    }

    /** Returns whether the column has a lower bound. */
    public boolean hasMin() {
        return min != Double.NEGATIVE_INFINITY;
    }

    /** Returns whether the column has an upper bound. */
    public boolean hasMax() {
        return max != Double.POSITIVE_INFINITY;
    }

    /** Returns whether the column has a bound on the fraction of missing cells. */
    public boolean hasMaxNullFraction() {
        return !Double.isNaN(maxNullFraction);
    }

    /** Returns whether the column has a limit on its distinct values. */
    public boolean hasMaxCardinality() {
        return maxCardinality > 0;
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
