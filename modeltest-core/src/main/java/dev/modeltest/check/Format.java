package dev.modeltest.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * Number formats shared by messages and reports, so every place prints a value the same way.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Format {

    private Format() {}

    /** Formats a metric value with four decimals, e.g. {@code 0.8667}. */
    public static String value(double v) {
        return value(v, DECIMALS);
    }

    /** The decimals a metric value gets unless more are needed to tell it from its threshold. */
    public static final int DECIMALS = 4;

    /** The smallest p-value printed as a number; smaller ones print as {@code < 1e-300}. */
    public static final double P_FLOOR = 1e-300;

    /**
     * Returns how many decimals print a measured value and its threshold so that a reader can see why the verdict went
     * the way it did: {@value #DECIMALS}, or more until the two texts differ when the numbers do ({@code 0.87118} and
     * {@code 0.87120}, not {@code 0.8712} twice), up to 17 significant digits. Every sink and message that prints a
     * value beside its threshold takes its decimals from here.
     */
    public static int decimals(double value, double threshold) {
        if (!Double.isFinite(value) || !Double.isFinite(threshold) || value == threshold) {
            return DECIMALS;
        }
        double magnitude = Math.max(Math.abs(value), Math.abs(threshold));
        int most = Math.max(DECIMALS, 17 - (int) Math.floor(Math.log10(Math.max(magnitude, 1e-300))) - 1);
        for (int d = DECIMALS; d < most; d++) {
            if (!value(value, d).equals(value(threshold, d))) {
                return d;
            }
        }
        return most;
    }

    /** Formats a value with the given number of decimals (see {@link #decimals}). */
    public static String value(double v, int decimals) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        return String.format(Locale.ROOT, "%." + decimals + "f", v);
    }

    /**
     * Formats how far a value is from its threshold with the decimals of the pair (see {@link #decimals}), or more until
     * it shows a non-zero digit: never {@code 0.0000} for a gap that decided a verdict.
     */
    public static String gap(double gap, int decimals) {
        if (!Double.isFinite(gap) || gap == 0) {
            return value(gap, decimals);
        }
        int d = decimals;
        while (d < 340 && value(gap, d).matches("-?[0.]*")) {
            d++;
        }
        return value(gap, d);
    }

    /**
     * Formats a p-value, the one format of every message and table: three significant digits ({@code 0.0312},
     * {@code 0.500}, {@code 1.00}), in scientific notation below 10⁻⁴ ({@code 1.78e-09}), and {@code < 1e-300} below {@link #P_FLOOR}.
     */
    public static String pValue(double p) {
        if (Double.isNaN(p)) {
            return "NaN";
        }
        if (p < P_FLOOR) {
            return "< 1e-300";
        }
        if (p < 1e-4) {
            return String.format(Locale.ROOT, "%.2e", p);
        }
        BigDecimal rounded = new BigDecimal(p).round(new MathContext(3));
        // An exact 0.5 has one digit: pad it to three, 0.500, as the table's other p-values have.
        return rounded.setScale(rounded.scale() + 3 - rounded.precision()).toPlainString();
    }

    /** Formats a p-value with its relation for running text: {@code p = 0.0312}, {@code p < 1e-300}. */
    public static String pEquals(double p) {
        String text = pValue(p);
        return text.startsWith("<") ? "p " + text : "p = " + text;
    }

    /**
     * Formats a check's measured value as the summaries and the run record print it, with its threshold's unit when it
     * has one: whole numbers (counts, an accuracy of 1) without decimals, others with four, or as many more as it
     * takes to tell them from the threshold ({@link #decimals}): {@code 3}, {@code 0.9333}, {@code 0.0502 ms},
     * {@code 0.87118} against 0.8712; empty when the check measures no number.
     */
    public static String measured(CheckResult result) {
        double v = result.measured();
        if (Double.isNaN(v)) {
            return "";
        }
        double threshold = result.optionalLimit().map(Threshold::value).orElse(Double.NaN);
        String number = v == Math.rint(v) ? number(v) : value(v, decimals(v, threshold));
        return result.optionalLimit()
                .filter(Threshold::hasUnit)
                .map(limit -> number + " " + limit.unit())
                .orElse(number);
    }

    /** Formats a number compactly: integers without decimals, others with up to six significant digits. */
    public static String number(double v) {
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return new BigDecimal(v).round(new MathContext(6)).stripTrailingZeros().toPlainString();
    }

    /** Formats a level such as {@code 0.95} as {@code 95%}. */
    public static String percent(double level) {
        return number(level * 100) + "%";
    }

    /**
     * Prints one value of a message, the representation every message shape uses: a {@code double} (or {@code float})
     * as {@link #value(double)} does, with four decimals; anything else by {@link String#valueOf(Object)}, so a value
     * that needs other digits (a p-value, a threshold printed beside its value) is handed over already formatted.
     */
    public static String represent(Object value) {
        if (value instanceof Double || value instanceof Float) {
            return value(((Number) value).doubleValue());
        }
        return String.valueOf(value);
    }

    /**
     * Fills a message template whose placeholders are all {@code %s}, each value printed by {@link #represent}: the
     * one way a message shape or a check turns its values into text.
     */
    public static String message(String template, Object... values) {
        Object[] printed = new Object[values.length];
        for (int i = 0; i < values.length; i++) {
            printed[i] = represent(values[i]);
        }
        return String.format(Locale.ROOT, template, printed);
    }

    /** Formats milliseconds with three decimals, e.g. {@code 0.153 ms}. */
    public static String millis(double ms) {
        return String.format(Locale.ROOT, "%.3f ms", ms);
    }
}
