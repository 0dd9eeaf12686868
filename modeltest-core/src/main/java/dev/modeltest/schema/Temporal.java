package dev.modeltest.schema;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.format.ResolverStyle;
import java.time.temporal.TemporalAccessor;
import java.util.Locale;

/**
 * Reads and prints ISO 8601 dates and datetimes as the numbers the validator compares: a date as its epoch day, a
 * datetime as microseconds since 1970-01-01T00:00 UTC. A {@code double} holds both exactly (datetimes between the
 * years 1685 and 2255 to the microsecond), so dates go through the same bound and allowed-value code as numbers.
 */
final class Temporal {

    /** A datetime: ISO local date-time, optionally followed by an offset ({@code Z}, {@code +02:00}). */
    private static final DateTimeFormatter DATETIME = new DateTimeFormatterBuilder()
            .parseCaseSensitive()
            .append(DateTimeFormatter.ISO_LOCAL_DATE_TIME)
            .optionalStart()
            .appendOffsetId()
            .optionalEnd()
            .toFormatter(Locale.ROOT)
            .withResolverStyle(ResolverStyle.STRICT);

    private static final long MICROS_PER_SECOND = 1_000_000L;

    private Temporal() {}

    /** Parses an ISO date ({@code 2024-01-31}) to its epoch day, or returns {@code NaN}. */
    static double parseDate(String text) {
        try {
            return LocalDate.parse(text, DateTimeFormatter.ISO_LOCAL_DATE).toEpochDay();
        } catch (DateTimeParseException e) {
            return Double.NaN;
        }
    }

    /**
     * Parses an ISO datetime to microseconds since the epoch, or returns {@code NaN}. The date and the time are
     * separated by {@code T} or by one space (RFC 3339 allows the space, and pandas and SQL exports write it). A value
     * with an offset is converted to UTC; a value without one is taken as written.
     */
    static double parseDateTime(String text) {
        if (text.length() < 16) {
            return Double.NaN;
        }
        char separator = text.charAt(10);
        String iso;
        if (separator == 'T') {
            iso = text;
        } else if (separator == ' ') {
            iso = text.substring(0, 10) + 'T' + text.substring(11);
        } else {
            return Double.NaN;
        }
        try {
            TemporalAccessor parsed = DATETIME.parseBest(iso, OffsetDateTime::from, LocalDateTime::from);
            return parsed instanceof OffsetDateTime offset
                    ? micros(offset.toLocalDateTime(), offset.getOffset())
                    : micros((LocalDateTime) parsed, ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            return Double.NaN;
        }
    }

    /** Returns the microseconds since the epoch of a datetime without offset, taken as written. */
    static double micros(LocalDateTime time) {
        return micros(time, ZoneOffset.UTC);
    }

    private static double micros(LocalDateTime time, ZoneOffset offset) {
        return (double) time.toEpochSecond(offset) * MICROS_PER_SECOND + time.getNano() / 1000;
    }

    /** Prints an epoch day as an ISO date. */
    static String formatDate(double epochDay) {
        return LocalDate.ofEpochDay((long) epochDay).toString();
    }

    /** Prints microseconds since the epoch as an ISO datetime (UTC), e.g. {@code 2024-01-31T09:30}. */
    static String formatDateTime(double micros) {
        long whole = (long) micros;
        long seconds = Math.floorDiv(whole, MICROS_PER_SECOND);
        int nanos = (int) Math.floorMod(whole, MICROS_PER_SECOND) * 1000;
        return LocalDateTime.ofEpochSecond(seconds, nanos, ZoneOffset.UTC).toString();
    }
}
