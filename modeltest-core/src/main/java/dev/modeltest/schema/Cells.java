package dev.modeltest.schema;

import java.util.Locale;
import java.util.regex.Pattern;
import tech.tablesaw.columns.booleans.BooleanColumnType;
import tech.tablesaw.columns.booleans.BooleanParser;
import tech.tablesaw.columns.numbers.DoubleColumnType;
import tech.tablesaw.columns.numbers.DoubleParser;

/** Parses and prints values of schema files and data cells the way the rest of modeltest does. */
final class Cells {

    // Plain decimal notation only: a schema value such as 0x10, .inf or 1_000 is more likely a mistake than a bound.
    private static final Pattern YAML_NUMBER = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");

    // The data loader's own parsers, so a cell counts as a number or a boolean exactly when Tablesaw would have read
    // it as one (thousands separators, percentages, T/F and Y/N included).
    private static final DoubleParser NUMBERS = DoubleColumnType.DEFAULT_PARSER;
    private static final BooleanParser BOOLEANS = BooleanColumnType.DEFAULT_PARSER;

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

    /** Prints a number as {@code TestData.strings} does: whole numbers without a fraction. */
    static String text(double value) {
        return value == Math.rint(value) && Math.abs(value) < 1e15
                ? Long.toString((long) value)
                : Double.toString(value);
    }
}
