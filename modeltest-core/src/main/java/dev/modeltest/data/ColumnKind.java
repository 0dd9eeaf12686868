package dev.modeltest.data;

import org.apiguardian.api.API;

/**
 * The kind of values a column holds, as read from the data file.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum ColumnKind {
    /** Whole numbers. */
    INTEGER,
    /** Decimal numbers. */
    DOUBLE,
    /** {@code true} / {@code false}. */
    BOOLEAN,
    /** Text, and anything that did not parse as one of the other kinds. */
    STRING,
    /** Dates and times. */
    TEMPORAL;

    /** Returns whether the values are numbers ({@link #INTEGER} or {@link #DOUBLE}). */
    public boolean isNumeric() {
        return this == INTEGER || this == DOUBLE;
    }

    /** Returns the lower-case name used in schema files and messages. */
    public String displayName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
