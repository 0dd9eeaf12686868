package dev.modeltest.spark;

import dev.modeltest.error.ConfigurationException;
import java.util.Locale;

/**
 * Where a {@code spark:} location reads from: {@code spark:table:<name>} a catalog table, {@code spark:csv:<path>} and
 * {@code spark:parquet:<path>} files of that format, and a bare {@code spark:<path>} CSV when it ends in {@code .csv},
 * Parquet otherwise (a {@code .parquet} file or a directory of them, as Spark writes them).
 *
 * @param format what reads it
 * @param name the path (relative to the working directory, or any URI Spark reads, {@code s3a://...}) or the table
 */
record SparkSource(Format format, String name) {

    /** The readers of a {@code spark:} location. */
    enum Format {
        PARQUET,
        CSV,
        TABLE
    }

    /**
     * Parses a location without its {@code spark:} scheme.
     *
     * @param origin where it was written, for the message
     * @param data the whole location as written, for the message
     */
    static SparkSource parse(String location, String origin, String data) {
        for (Format format : Format.values()) {
            String prefix = format.name().toLowerCase(Locale.ROOT) + ":";
            if (location.startsWith(prefix)) {
                return of(format, location.substring(prefix.length()), origin, data);
            }
        }
        Format format = location.toLowerCase(Locale.ROOT).endsWith(".csv") ? Format.CSV : Format.PARQUET;
        return of(format, location, origin, data);
    }

    private static SparkSource of(Format format, String name, String origin, String data) {
        if (name.isBlank()) {
            throw new ConfigurationException(origin + ": 'data' = '" + data + "' names no "
                    + (format == Format.TABLE ? "table" : "path") + "; write spark:<path>, spark:csv:<path>,"
                    + " spark:parquet:<path> or spark:table:<name>");
        }
        return new SparkSource(format, name);
    }

    /** Names what it reads in messages: {@code Parquet path}, {@code CSV path}, {@code table}. */
    String kind() {
        return switch (format) {
            case PARQUET -> "Parquet path";
            case CSV -> "CSV path";
            case TABLE -> "table";
        };
    }
}
