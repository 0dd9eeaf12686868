package dev.modeltest.data;

import com.univocity.parsers.common.TextParsingException;
import com.univocity.parsers.csv.CsvParser;
import com.univocity.parsers.csv.CsvParserSettings;
import dev.modeltest.error.DataException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * What a CSV file must be before Tablesaw reads it, and what went wrong when Tablesaw cannot: the checks that turn a
 * parser's "Index 5 out of bounds" into a message naming the file and the row.
 *
 * <p>Tablesaw reads with univocity-parsers; the limits here are univocity's settings, passed to Tablesaw, and the
 * same parser reads the file again to find the row only after Tablesaw has failed (a million-row file is not read
 * twice when it is well-formed).
 */
final class CsvText {

    /**
     * The longest cell read, in characters. Tablesaw's default is 4 096, too few for free text; the parser keeps one
     * buffer of this size, so a million characters (2 MiB) costs little.
     */
    static final int MAX_CHARS_PER_CELL = 1_000_000;

    /** The most columns read (Tablesaw's default). */
    static final int MAX_COLUMNS = 10_000;

    /** The comment character that turns univocity's comment lines off. */
    static final char NO_COMMENTS = '\0';

    /** How much of the file's start is looked at to tell text from binary. */
    private static final int PROBE_BYTES = 8192;

    private CsvText() {}

    /**
     * Refuses a file that is not CSV text (compressed, binary, UTF-16) and a header with an empty column name, naming
     * the file, before Tablesaw reads it.
     */
    static void checkText(Resource resource) throws IOException {
        byte[] head;
        try (InputStream in = resource.open()) {
            head = in.readNBytes(PROBE_BYTES);
        }
        Optional<String> problem = binaryProblem(head);
        if (problem.isPresent()) {
            throw new DataException("data file '" + resource.location() + "'" + linkTarget(resource)
                    + " is not CSV text: " + problem.get());
        }
        checkHeader(resource);
    }

    /** Says what a file whose first bytes are {@code head} is, when it is not UTF-8 text. */
    static Optional<String> binaryProblem(byte[] head) {
        if (startsWith(head, 0x1f, 0x8b)) {
            return Optional.of("it is gzip-compressed; decompress it (gunzip) or give the uncompressed file");
        }
        if (startsWith(head, 'P', 'K', 3, 4)) {
            return Optional.of("it is a ZIP archive (or an Excel .xlsx workbook); give the CSV file inside it, or save"
                    + " the sheet as CSV");
        }
        if (startsWith(head, 'P', 'A', 'R', '1')) {
            return Optional.of("it is a Parquet file; name it .parquet and add modeltest-parquet");
        }
        if (startsWith(head, 0xff, 0xfe) || startsWith(head, 0xfe, 0xff) || looksLikeUtf16(head)) {
            return Optional.of("it is UTF-16 encoded text, but modeltest reads CSV as UTF-8; save it as UTF-8"
                    + " (e.g. iconv -f UTF-16 -t UTF-8)");
        }
        for (int i = 0; i < head.length; i++) {
            if (head[i] == 0) {
                return Optional.of("it is binary (byte " + (i + 1) + " is NUL)");
            }
        }
        return Optional.empty();
    }

    /** UTF-16 without a byte-order mark: ASCII text with a NUL beside every character, at even or odd positions. */
    private static boolean looksLikeUtf16(byte[] head) {
        int pairs = head.length / 2;
        if (pairs < 2) {
            return false;
        }
        int evenNul = 0;
        int oddNul = 0;
        for (int i = 0; i + 1 < head.length; i += 2) {
            if (head[i] == 0 && head[i + 1] != 0) {
                evenNul++;
            }
            if (head[i + 1] == 0 && head[i] != 0) {
                oddNul++;
            }
        }
        return Math.max(evenNul, oddNul) * 10 >= pairs * 9;
    }

    private static boolean startsWith(byte[] bytes, int... prefix) {
        if (bytes.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if ((bytes[i] & 0xff) != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    /** Returns " (a link to 'target')" for a symbolic link, so a message names the file that was read. */
    private static String linkTarget(Resource resource) {
        Optional<Path> file = resource.file();
        if (file.isEmpty() || !Files.isSymbolicLink(file.get())) {
            return "";
        }
        try {
            return " (a link to '" + file.get().toRealPath() + "')";
        } catch (IOException e) {
            return "";
        }
    }

    /** Refuses a header with an empty column name, which Tablesaw would silently call C1, C2, ... */
    private static void checkHeader(Resource resource) throws IOException {
        String[] header;
        try (Reader reader = new InputStreamReader(resource.open(), StandardCharsets.UTF_8)) {
            CsvParser parser = new CsvParser(settings());
            parser.beginParsing(reader);
            header = parser.parseNext();
            parser.stopParsing();
        } catch (TextParsingException e) {
            throw new DataException(
                    "data file '" + resource.location() + "': its header "
                            + limitBroken(e).orElse("cannot be read"),
                    e);
        }
        if (header == null) {
            return;
        }
        for (int i = 0; i < header.length; i++) {
            if (header[i] == null || header[i].isBlank()) {
                throw new DataException("data file '" + resource.location() + "': column " + (i + 1)
                        + " of the header has no name; name every column (pandas writes its index with an empty"
                        + " name: save with index=False, or name the index)");
            }
        }
    }

    /** The parser settings Tablesaw is given too, so both read the file alike. */
    static CsvParserSettings settings() {
        CsvParserSettings settings = new CsvParserSettings();
        settings.setMaxCharsPerColumn(MAX_CHARS_PER_CELL);
        settings.setMaxColumns(MAX_COLUMNS);
        settings.setLineSeparatorDetectionEnabled(true);
        settings.setSkipEmptyLines(true);
        settings.getFormat().setComment(NO_COMMENTS);
        return settings;
    }

    /**
     * Explains why Tablesaw failed on a file that passed {@link #checkText}: finds the first row that breaks a limit
     * or has another number of cells than the header. Rows are numbered as in every message: row 1 is the first after the header.
     */
    static Optional<String> diagnose(Resource resource, Throwable failure) {
        Optional<TextParsingException> parsing = find(failure, TextParsingException.class);
        if (parsing.isPresent()) {
            // The number of records read before the failing one, the header included: the failing row's number.
            long record = parsing.get().getRecordNumber();
            String where = record < 1 ? "its header" : "row " + record;
            return Optional.of(where + " " + limitBroken(parsing.get()).orElse("cannot be read"));
        }
        try (Reader reader = new InputStreamReader(resource.open(), StandardCharsets.UTF_8)) {
            CsvParser parser = new CsvParser(settings());
            parser.beginParsing(reader);
            String[] header = parser.parseNext();
            if (header == null) {
                return Optional.empty();
            }
            long row = 0;
            String[] cells;
            while ((cells = parser.parseNext()) != null) {
                row++;
                if (cells.length != header.length) {
                    parser.stopParsing();
                    return Optional.of("row " + row + " has " + cells.length + " cells, but the header names "
                            + header.length + " columns"
                            + (cells.length > header.length ? " (an unquoted comma in a value?)" : ""));
                }
            }
            return Optional.empty();
        } catch (IOException | TextParsingException e) {
            return Optional.empty();
        }
    }

    /** Says which limit a parsing failure broke, when it is one of ours. */
    private static Optional<String> limitBroken(TextParsingException e) {
        String message = String.valueOf(e.getMessage());
        if (message.contains("maximum number of characters")
                || find(e, ArrayIndexOutOfBoundsException.class)
                        .filter(x -> String.valueOf(x.getMessage()).contains(String.valueOf(MAX_CHARS_PER_CELL)))
                        .isPresent()) {
            return Optional.of("has a cell longer than " + MAX_CHARS_PER_CELL + " characters, the most modeltest reads"
                    + " (an unclosed quote?)");
        }
        if (message.contains("maximum number of columns")
                || find(e, ArrayIndexOutOfBoundsException.class)
                        .filter(x -> String.valueOf(x.getMessage()).contains(String.valueOf(MAX_COLUMNS)))
                        .isPresent()) {
            return Optional.of("has more than " + MAX_COLUMNS + " cells, the most modeltest reads");
        }
        return Optional.empty();
    }

    private static <T extends Throwable> Optional<T> find(Throwable failure, Class<T> type) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (type.isInstance(t)) {
                return Optional.of(type.cast(t));
            }
        }
        return Optional.empty();
    }
}
