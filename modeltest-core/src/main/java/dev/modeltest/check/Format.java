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
        if (Double.isNaN(v) || Double.isInfinite(v)) {
            return Double.toString(v);
        }
        return String.format(Locale.ROOT, "%.4f", v);
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

    /** Formats milliseconds with three decimals, e.g. {@code 0.153 ms}. */
    public static String millis(double ms) {
        return String.format(Locale.ROOT, "%.3f ms", ms);
    }
}
