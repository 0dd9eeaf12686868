package dev.modeltest.schema;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The type a schema declares for a column.
 *
 * <p>{@link #DATE} and {@link #DATETIME} are ISO 8601: a date is {@code yyyy-MM-dd} ({@code 2024-01-31}); a datetime
 * is a date, a {@code T} or one space, and a time {@code HH:mm[:ss[.fraction]]}, optionally followed by a UTC offset
 * ({@code Z}, {@code +02:00}): {@code 2024-01-31T09:30:00}, {@code 2024-01-31 09:30}, {@code 2024-01-31T09:30:00Z}.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum SchemaType {
    /** Whole numbers. */
    INTEGER,
    /** Decimal numbers (whole numbers are decimals too). */
    DOUBLE,
    /** Any text. */
    STRING,
    /** {@code true} / {@code false}, in the spellings the data loader reads as booleans. */
    BOOLEAN,
    /** An ISO 8601 calendar date, {@code yyyy-MM-dd}. */
    DATE,
    /** An ISO 8601 date and time, with an optional UTC offset. */
    DATETIME;

    /** The types in the order messages list them. */
    static final List<SchemaType> ALL = List.of(values());

    /** Returns the lower-case name used in schema files and messages, e.g. {@code datetime}. */
    public String displayName() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Returns whether the values are numbers ({@link #INTEGER} or {@link #DOUBLE}). */
    public boolean isNumeric() {
        return this == INTEGER || this == DOUBLE;
    }

    /** Returns whether the values are dates or datetimes. */
    public boolean isTemporal() {
        return this == DATE || this == DATETIME;
    }

    /** Returns whether {@code min} and {@code max} apply: numbers, dates and datetimes. */
    public boolean isOrdered() {
        return isNumeric() || isTemporal();
    }

    /** Returns the type of a display name, e.g. {@code double}. */
    static Optional<SchemaType> byName(String name) {
        for (SchemaType type : ALL) {
            if (type.displayName().equals(name)) {
                return Optional.of(type);
            }
        }
        return Optional.empty();
    }

    /** Returns "an integer", "a double"... for messages. */
    String withArticle() {
        return (this == INTEGER ? "an " : "a ") + displayName();
    }

    /** Returns "integer, double, string, boolean, date, datetime" for messages. */
    static String names() {
        return String.join(", ", ALL.stream().map(SchemaType::displayName).toList());
    }
}
