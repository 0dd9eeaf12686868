package dev.modeltest.internal;

import java.math.BigDecimal;
import org.apiguardian.api.API;

/** Number texts shared by packages that must not depend on each other (the model and the checks). */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Numbers {

    private Numbers() {}

    /**
     * Returns the shortest decimal text that reads back as {@code v}, without exponent for everyday magnitudes and
     * without a trailing {@code .0}: {@code -50}, {@code 0.30000000000000004}, {@code 1.0000001}, {@code 1.5E-9}. This
     * is what a data file held for the value, so messages about a cell print it so.
     */
    public static String plain(double v) {
        if (!Double.isFinite(v)) {
            return Double.toString(v);
        }
        double magnitude = Math.abs(v);
        if (v != 0 && (magnitude < 1e-4 || magnitude >= 1e15)) {
            return Double.toString(v);
        }
        return new BigDecimal(Double.toString(v)).stripTrailingZeros().toPlainString();
    }
}
