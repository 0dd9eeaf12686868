package dev.modeltest.check;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The limit a check holds its measured value to, as data: which side of it the value must be on, the value, and the
 * unit the value (and so the measured one) is in. Reports draw and compare from these fields; the threshold's text
 * ({@link CheckResult#threshold()}) is written from them by {@link #text()} or {@link #text(int)}.
 *
 * <p>The value is in the measured value's scale, so a report can put the two side by side: a latency check's is
 * milliseconds, a count check's ({@code no missing values}) is {@code 0}. A check that decides on an interval or a test
 * rather than on the point value still has one: the limit that interval or test is about.
 *
 * @param comparison which side of the value the measured value must be on
 * @param value the limit, in the measured value's scale; not NaN
 * @param unit the unit of the value and of the measured value, e.g. {@code ms} or {@code rows/s}; empty for none
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Threshold(Comparison comparison, double value, String unit) {

    /** Which side of the threshold a measured value must be on; equal counts as holding. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
    public enum Comparison {
        /** The measured value must be at least the threshold; a miss is below it. */
        AT_LEAST("≥", "at least", "below"),
        /** The measured value must be at most the threshold; a miss is above it. */
        AT_MOST("≤", "at most", "above");

        private final String symbol;
        private final String words;
        private final String missSide;

        Comparison(String symbol, String words, String missSide) {
            this.symbol = symbol;
            this.words = words;
            this.missSide = missSide;
        }

        /** Returns {@code at least} or {@code at most}, as messages say it. */
        public String words() {
            return words;
        }

        /** Returns the side a missing value is on: {@code below} or {@code above}. */
        public String missSide() {
            return missSide;
        }

        /** Returns {@code ≥} or {@code ≤}. */
        public String symbol() {
            return symbol;
        }

        /** Returns whether {@code measured} is on this side of {@code threshold}; equal counts as holding. */
        public boolean holds(double measured, double threshold) {
            return this == AT_LEAST ? measured >= threshold : measured <= threshold;
        }
    }

    /**
     * Creates a threshold.
     *
     * @throws NullPointerException if {@code comparison} or {@code unit} is null
     * @throws IllegalArgumentException if {@code value} is NaN
     */
    public Threshold {
        Objects.requireNonNull(comparison, "comparison");
        Objects.requireNonNull(unit, "unit");
        if (Double.isNaN(value)) {
            throw new IllegalArgumentException("threshold value must be a number, was NaN");
        }
    }

    /** Returns a threshold the measured value must be at least, without a unit. */
    public static Threshold atLeast(double value) {
        return new Threshold(Comparison.AT_LEAST, value, "");
    }

    /** Returns a threshold the measured value must be at most, without a unit. */
    public static Threshold atMost(double value) {
        return new Threshold(Comparison.AT_MOST, value, "");
    }

    /** Returns this threshold with a unit, e.g. {@code ms}. */
    public Threshold withUnit(String newUnit) {
        return new Threshold(comparison, value, newUnit);
    }

    /** Returns whether the threshold has a unit. */
    public boolean hasUnit() {
        return !unit.isEmpty();
    }

    /**
     * Writes the threshold with the value in {@code decimals} decimals ({@link Format#value(double, int)}), e.g.
     * {@code ≥ 0.9000} or {@code ≤ 5.000 ms}.
     */
    public String text(int decimals) {
        return describe(Format.value(value, decimals));
    }

    /** Writes the threshold with the value written compactly ({@link Format#number}), e.g. {@code ≥ 1000 rows/s}. */
    public String text() {
        return describe(Format.number(value));
    }

    private String describe(String number) {
        return comparison.symbol() + " " + number + (unit.isEmpty() ? "" : " " + unit);
    }

    /** Returns {@link #text()}. */
    @Override
    public String toString() {
        return text();
    }
}
