package dev.modeltest.schema;

import java.util.Locale;
import java.util.regex.Pattern;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.columns.booleans.BooleanParser;
import tech.tablesaw.columns.numbers.DoubleParser;

/** Parses and prints values of schema files and data cells the way the rest of modeltest does. */
final class Cells {

    // Plain decimal notation only: a schema value such as 0x10, .inf or 1_000 is more likely a mistake than a bound.
    private static final Pattern YAML_NUMBER = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    // The data loader's own parsers, so a cell counts as a number or a boolean exactly when Tablesaw would have read
    // it as one (thousands separators, percentages, T/F and Y/N included). Made from ColumnType, not taken from
    // DoubleColumnType.DEFAULT_PARSER: initializing DoubleColumnType (or BooleanColumnType) before ColumnType leaves
    // Tablesaw with two DOUBLE types, and TestData.kind then takes the numeric columns it reads later for dates.
    private static final DoubleParser NUMBERS = new DoubleParser(ColumnType.DOUBLE);
    private static final BooleanParser BOOLEANS = new BooleanParser(ColumnType.BOOLEAN);

    private Cells() {}

    /** Parses a number written in a schema file, or returns {@code NaN} when it is not a finite decimal number. */
    static double parseYamlNumber(String text) {
        String trimmed = text.trim();
        if (!YAML_NUMBER.matcher(trimmed).matches()) {
            return Double.NaN;
        }
        double value = Double.parseDouble(trimmed);
        return Double.isFinite(value) ? value : Double.NaN;
    }

    /** Parses a YAML 1.2 boolean ({@code true}, {@code False}, {@code TRUE}...), or returns {@code null}. */
    static Boolean parseYamlBoolean(String text) {
        String lower = text.trim().toLowerCase(Locale.ROOT);
        if (lower.equals("true")) {
            return Boolean.TRUE;
        }
        if (lower.equals("false")) {
            return Boolean.FALSE;
        }
        return null;
    }

    /** Parses a non-missing data cell as Tablesaw would read it in a numeric column, or returns {@code NaN}. */
    static double parseCellNumber(String text) {
        try {
            return NUMBERS.canParse(text) ? NUMBERS.parseDouble(text) : Double.NaN;
        } catch (RuntimeException e) {
            return Double.NaN;
        }
    }

    /** Parses a non-missing data cell as Tablesaw would read it in a boolean column, or returns {@code null}. */
    static Boolean parseCellBoolean(String text) {
        try {
            return BOOLEANS.canParse(text) ? BOOLEANS.parse(text) : null;
        } catch (RuntimeException e) {
            return null;
        }
    }

    /** Returns whether a value is a finite whole number. */
    static boolean isWhole(double value) {
        return Double.isFinite(value) && value == Math.rint(value);
    }

    /**
     * Parses a value written in a schema file for a column of that type: a number for numeric columns, an ISO date
     * (as its epoch day) or datetime (as microseconds since the epoch) for temporal ones; {@code NaN} when it is not
     * one.
     */
    static double parseSchemaValue(SchemaType type, String text) {
        return switch (type) {
            case DATE -> Temporal.parseDate(text.trim());
            case DATETIME -> Temporal.parseDateTime(text.trim());
            case INTEGER, DOUBLE, STRING, BOOLEAN -> parseYamlNumber(text);
        };
    }

    /** Returns what a value of an ordered type looks like, for messages, e.g. {@code a date such as 2024-01-31}. */
    static String example(SchemaType type) {
        return switch (type) {
            case DATE -> "dates such as 2024-01-31";
            case DATETIME -> "datetimes such as 2024-01-31T09:30:00";
            case INTEGER, DOUBLE, STRING, BOOLEAN -> "finite numbers such as 0 or 2.5";
        };
    }

    /** Prints a value of an ordered type: numbers as {@link #text(double)}, dates and datetimes in ISO form. */
    static String text(SchemaType type, double value) {
        if (Double.isInfinite(value) || Double.isNaN(value)) {
            return Double.toString(value);
        }
        return switch (type) {
            case DATE -> Temporal.formatDate(value);
            case DATETIME -> Temporal.formatDateTime(value);
            case INTEGER, DOUBLE, STRING, BOOLEAN -> text(value);
        };
    }

    /** Prints a number as {@code TestData.strings} does: whole numbers without a fraction. */
    static String text(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }
}
