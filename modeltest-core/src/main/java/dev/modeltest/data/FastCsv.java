package dev.modeltest.data;

import ch.randelshofer.fastdoubleparser.JavaDoubleParser;
import dev.modeltest.error.DataException;
import dev.modeltest.internal.Echo;
import dev.modeltest.internal.Names;
import dev.modeltest.internal.Parallel;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.columns.AbstractColumnParser;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.ColumnTypeDetector;
import tech.tablesaw.io.ReadOptions;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Reads a CSV file straight into primitive arrays, with the types and missing values Tablesaw would give it when
 * typing from all rows (the old reader, {@link DataLoader.CsvFormat}, which stays the reference).
 *
 * <p>Why not Tablesaw: it turns every cell into a {@code String} and parses it with {@code Double.parseDouble}, the
 * cost measured here (a 1 M × 10 file: 2.5 s warm, against 1.5 s for pandas). This reader scans the UTF-8 bytes once,
 * parses numbers from the bytes ({@code fastdoubleparser}, bit-identical to {@code Double.parseDouble}; whole numbers
 * of up to 15 digits by hand, which is exact), and keeps text as codes into a dictionary of distinct values.
 *
 * <p>How it stays identical to Tablesaw: a cell is a number here only in the plain form {@code -?d+(.d+)?(e[+-]?d+)?},
 * which Tablesaw's integer, long and double parsers read the same way (its integer parser also takes {@code 3.00} as
 * {@code 3}: so does this one). The types Tablesaw tries before numbers (date-time, time, date, boolean) are asked, with
 * Tablesaw's own parsers, about the first values of a number column until they have refused one (an 8-digit number can
 * be a date). A text column is typed by Tablesaw's own detector, run once over its distinct values. Anything outside
 * what this reader knows (a bare carriage return, text after a closing quote, a quote inside an unquoted cell, a
 * byte-order mark, duplicate column names, a cell or row beyond the limits) makes it give up, and the file is read by
 * Tablesaw as before, with its messages.
 *
 * <p>A column that starts with numbers and then holds text (a malformed number at row 900 000) is read a second time
 * as text, like Tablesaw's second pass; the first cell that was not a number is remembered with its line, for
 * messages.
 */
final class FastCsv {

    /** Thrown when the file uses a CSV feature this reader leaves to Tablesaw; never escapes {@link DataLoader}. */
    static final class Unsupported extends Exception {
        private static final long serialVersionUID = 1L;

        Unsupported(String reason) {
            super(reason, null, false, false);
        }
    }

    private static final int BUFFER = 1 << 20;
    private static final int MAX_BUFFER = 1 << 26;

    /** The types Tablesaw tries before integers, in its order; a number column must be refused by each. */
    private static final List<ColumnType> EXPECTED_TYPES = List.of(
            ColumnType.LOCAL_DATE_TIME,
            ColumnType.LOCAL_TIME,
            ColumnType.LOCAL_DATE,
            ColumnType.BOOLEAN,
            ColumnType.INTEGER,
            ColumnType.LONG,
            ColumnType.DOUBLE,
            ColumnType.STRING);

    private static final int NARROWER = 4;

    private final Resource resource;
    private final MissingValues missing;
    private final ReadOptions tokenOptions;
    private final ReadOptions emptyOnlyOptions;
    private final AbstractColumnParser<?>[] narrowerParsers = new AbstractColumnParser<?>[NARROWER];
    private final byte[][] textTokens;
    private final byte[][] numberTokens;

    private FastCsv(Resource resource, MissingValues missing) throws Unsupported {
        this.resource = resource;
        this.missing = missing;
        this.tokenOptions = options(missing.tokens());
        this.emptyOnlyOptions = options(List.of(""));
        if (!tokenOptions.columnTypesToDetect().equals(EXPECTED_TYPES)) {
            throw new Unsupported("Tablesaw detects other types: " + tokenOptions.columnTypesToDetect());
        }
        for (int t = 0; t < NARROWER; t++) {
            narrowerParsers[t] = EXPECTED_TYPES.get(t).customParser(tokenOptions);
        }
        List<byte[]> text = new ArrayList<>();
        List<byte[]> numbers = new ArrayList<>();
        for (String token : missing.tokens()) {
            if (token.isEmpty()) {
                continue;
            }
            byte[] bytes = token.getBytes(StandardCharsets.UTF_8);
            (NumberCell.parse(bytes, 0, bytes.length, new NumberCell()) ? numbers : text).add(bytes);
        }
        this.textTokens = text.toArray(byte[][]::new);
        this.numberTokens = numbers.toArray(byte[][]::new);
    }

    private static ReadOptions options(List<String> tokens) {
        return CsvReadOptions.builder(new StringReader(""))
                .sample(false)
                .missingValueIndicator(tokens.toArray(String[]::new))
                .build();
    }

    /**
     * Reads the file; returns no columns when it has a header but no rows, and throws {@link Unsupported} when Tablesaw
     * must read it instead.
     */
    static List<ColumnData> read(Resource resource, MissingValues missing, long expectedRows)
            throws IOException, Unsupported {
        return read(resource, missing, expectedRows, PARALLEL_BYTES);
    }

    /** Reads the file, in parts on all cores when it has at least {@code parallelBytes} (tests pass 0). */
    static List<ColumnData> read(Resource resource, MissingValues missing, long expectedRows, long parallelBytes)
            throws IOException, Unsupported {
        FastCsv reader = new FastCsv(resource, missing);
        Pass first = resource.size() >= parallelBytes ? reader.parallelPass(expectedRows) : null;
        if (first == null) {
            first = reader.pass(null, expectedRows);
        }
        if (first.rows == 0) {
            return List.of();
        }
        Set<Integer> again = new HashSet<>();
        for (int c = 0; c < first.columns.length; c++) {
            if (first.columns[c].needsText()) {
                again.add(c);
            }
        }
        if (!again.isEmpty()) {
            // A number column met text (or may still be a date): read those columns again, as text only.
            Pass second = reader.pass(again, first.rows);
            for (int c : again) {
                Accumulator accumulator = second.columns[c];
                ColumnData.Where where = first.columns[c].firstNonNumber;
                accumulator.firstNonNumber = where != null && where.row() >= 0 ? where : null;
                first.columns[c] = accumulator;
            }
        }
        List<ColumnData> data = new ArrayList<>(first.columns.length);
        for (int c = 0; c < first.columns.length; c++) {
            data.add(reader.finish(first.columns[c], first.rows));
            first.columns[c] = null; // let the accumulator's spare capacity go as soon as its column is built
        }
        return data;
    }

    /** The result of one scan of the file. */
    private static final class Pass {
        final Accumulator[] columns;
        final int rows;

        Pass(Accumulator[] columns, int rows) {
            this.columns = columns;
            this.rows = rows;
        }
    }

    private Pass pass(Set<Integer> textOnly, long expectedRows) throws IOException, Unsupported {
        try (InputStream in = resource.open()) {
            Scanner scanner = new Scanner(in, true);
            String[] names = header(scanner);
            Accumulator[] columns = accumulators(names, textOnly, expectedRows);
            try {
                int rows = records(scanner, columns);
                return new Pass(columns, rows);
            } catch (BadRow bad) {
                throw bad.toDataException(resource, 0);
            }
        }
    }

    private String[] header(Scanner scanner) throws IOException, Unsupported {
        if (!scanner.nextRecord()) {
            throw new Unsupported("no header");
        }
        if (scanner.cells > CsvText.MAX_COLUMNS) {
            throw new Unsupported("too many columns");
        }
        String[] names = scanner.texts();
        Set<String> seen = new HashSet<>();
        for (String name : names) {
            // Tablesaw refuses a second column of the same name, ignoring case; let it say so.
            if (!seen.add(name.toLowerCase(Locale.ROOT))) {
                throw new Unsupported("duplicate column " + name);
            }
        }
        for (String column : missing.literalColumns()) {
            // As the Tablesaw reader, which looks columns up ignoring case.
            if (!seen.contains(column.toLowerCase(Locale.ROOT))) {
                List<String> all = List.of(names);
                throw new DataException("data file '" + resource.location() + "' has no column '" + column
                        + "' to read literally" + Names.didYouMean(column, all) + "; its columns are "
                        + Echo.names(all));
            }
        }
        return names;
    }

    private Accumulator[] accumulators(String[] names, Set<Integer> textOnly, long expectedRows) {
        int capacity = (int) Math.min(Integer.MAX_VALUE - 16, Math.max(16, expectedRows));
        Accumulator[] columns = new Accumulator[names.length];
        Set<String> literal = lowerCase(missing.literalColumns());
        for (int c = 0; c < names.length; c++) {
            boolean skip = textOnly != null && !textOnly.contains(c);
            boolean literalColumn = literal.contains(names[c].toLowerCase(Locale.ROOT));
            columns[c] = new Accumulator(names[c], literalColumn, capacity, textOnly != null, skip);
        }
        return columns;
    }

    /** A row with another number of cells than the header, numbered within its part of the file. */
    private static final class BadRow extends Exception {
        private static final long serialVersionUID = 1L;
        final int row;
        final int cells;
        final int width;

        BadRow(int row, int cells, int width) {
            super(null, null, false, false);
            this.row = row;
            this.cells = cells;
            this.width = width;
        }

        DataException toDataException(Resource resource, int rowsBefore) {
            // The message CsvText.diagnose gives after Tablesaw fails on the same row.
            return new DataException("data file '" + resource.location() + "': row " + (rowsBefore + row + 1)
                    + " has " + cells + " cells, but the header names " + width + " columns"
                    + (cells > width ? " (an unquoted comma in a value?)" : ""));
        }
    }

    private int records(Scanner scanner, Accumulator[] columns) throws IOException, Unsupported, BadRow {
        int width = columns.length;
        NumberCell number = new NumberCell();
        int rows = 0;
        while (scanner.nextRecord()) {
            if (scanner.cells != width) {
                if (scanner.cells == 1 && scanner.end[0] == scanner.start[0] && !scanner.quoted(0)) {
                    throw new Unsupported("a line of blanks");
                }
                throw new BadRow(rows, scanner.cells, width);
            }
            if (rows == Integer.MAX_VALUE - 16) {
                throw new Unsupported("too many rows");
            }
            for (int c = 0; c < width; c++) {
                Accumulator column = columns[c];
                if (column.mode != Accumulator.SKIP) {
                    add(column, scanner, c, rows, number);
                }
            }
            rows++;
        }
        return rows;
    }

    /** The smallest file read in parts on several threads; below it, one thread is as fast. */
    private static final long PARALLEL_BYTES = 8L << 20;

    /**
     * Reads the rows in one part of the file per core, each part from a line start to the next part's, and joins the
     * columns. Returns {@code null} when the file is better read in one pass: small, not a file, one core, or with a
     * quote in it (a quoted cell may hold a line break, so a part could start inside it).
     */
    private Pass parallelPass(long expectedRows) throws IOException, Unsupported {
        int parts = Runtime.getRuntime().availableProcessors();
        java.util.Optional<java.nio.file.Path> file = resource.file();
        if (parts < 2 || file.isEmpty()) {
            return null;
        }
        java.nio.file.Path path = file.get();
        long size = java.nio.file.Files.size(path);
        String[] names;
        long headerEnd;
        long headerLines;
        try (InputStream in = resource.open()) {
            Scanner scanner = new Scanner(in, true);
            names = header(scanner);
            headerEnd = scanner.consumed();
            headerLines = scanner.linesConsumed();
        }
        long[] bounds = new long[parts + 1];
        bounds[0] = headerEnd;
        bounds[parts] = size;
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(path)) {
            for (int k = 1; k < parts; k++) {
                bounds[k] = Math.max(bounds[k - 1], lineStart(channel, headerEnd + (size - headerEnd) * k / parts));
            }
        }
        long partRows = expectedRows / parts + 16;
        List<Parallel.Task<Part, RuntimeException>> tasks = new ArrayList<>();
        for (int k = 0; k < parts; k++) {
            long from = bounds[k];
            long to = bounds[k + 1];
            tasks.add(() -> readPart(path, from, to, names, partRows));
        }
        List<Part> done = Parallel.run("modeltest-csv", tasks, RuntimeException.class);
        int rowsBefore = 0;
        for (Part part : done) {
            if (part.unsupported != null) {
                return null; // a quote, or another feature: one pass decides
            }
            if (part.ioFailure != null) {
                throw part.ioFailure;
            }
            if (part.badRow != null) {
                throw part.badRow.toDataException(resource, rowsBefore);
            }
            rowsBefore += part.rows;
        }
        return join(done, names.length, headerLines);
    }

    /** Returns the offset just after the first line feed at or after {@code offset}. */
    private static long lineStart(java.nio.channels.FileChannel channel, long offset) throws IOException {
        java.nio.ByteBuffer buffer = java.nio.ByteBuffer.allocate(1 << 16);
        long position = offset;
        while (true) {
            buffer.clear();
            int read = channel.read(buffer, position);
            if (read <= 0) {
                return channel.size();
            }
            for (int i = 0; i < read; i++) {
                if (buffer.get(i) == '\n') {
                    return position + i + 1;
                }
            }
            position += read;
        }
    }

    /** One part's columns, or why it could not be read. */
    private static final class Part {
        Accumulator[] columns;
        int rows;
        long lines;
        Unsupported unsupported;
        IOException ioFailure;
        BadRow badRow;
    }

    private Part readPart(java.nio.file.Path path, long from, long to, String[] names, long expectedRows) {
        Part part = new Part();
        try (java.nio.channels.FileChannel channel = java.nio.channels.FileChannel.open(path)) {
            channel.position(from);
            InputStream in = new BoundedInput(java.nio.channels.Channels.newInputStream(channel), to - from);
            Scanner scanner = new Scanner(in, false);
            part.columns = accumulators(names, null, expectedRows);
            part.rows = records(scanner, part.columns);
            part.lines = scanner.linesConsumed();
        } catch (Unsupported e) {
            part.unsupported = e;
        } catch (IOException e) {
            part.ioFailure = e;
        } catch (BadRow e) {
            part.badRow = e;
        }
        return part;
    }

    /** Joins the parts' columns into one pass's columns, in file order. */
    private Pass join(List<Part> parts, int width, long headerLines) {
        int rows = 0;
        for (Part part : parts) {
            rows += part.rows;
        }
        Accumulator[] joined = new Accumulator[width];
        for (int c = 0; c < width; c++) {
            Accumulator first = parts.get(0).columns[c];
            Accumulator into = new Accumulator(first.name, first.literal, 0, false, true);
            boolean numbers = false;
            boolean text = false;
            boolean broken = false;
            int narrower = (1 << NARROWER) - 1;
            int rowsBefore = 0;
            long linesBefore = headerLines;
            for (Part part : parts) {
                Accumulator a = part.columns[c];
                numbers |= a.mode == Accumulator.NUMBER;
                text |= a.mode == Accumulator.TEXT;
                broken |= a.mode == Accumulator.SKIP;
                if (a.mode == Accumulator.NUMBER) {
                    narrower &= a.narrower;
                    into.whole &= a.whole;
                    into.fitsInt &= a.fitsInt;
                    into.big |= a.big;
                }
                ColumnData.Where where = a.firstNonNumber != null ? a.firstNonNumber : a.firstText;
                if (into.firstNonNumber == null && where != null && (numbers || broken)) {
                    into.firstNonNumber =
                            new ColumnData.Where(rowsBefore + where.row(), linesBefore + where.line(), where.value());
                }
                rowsBefore += part.rows;
                linesBefore += part.lines;
            }
            if (broken || (numbers && text)) {
                into.mode = Accumulator.SKIP; // read again as text
                if (into.firstNonNumber == null) {
                    into.firstNonNumber = new ColumnData.Where(-1, -1, "");
                }
            } else if (numbers) {
                into.mode = Accumulator.NUMBER;
                into.narrower = narrower;
                into.values = new double[rows];
                int at = 0;
                for (Part part : parts) {
                    Accumulator a = part.columns[c];
                    if (a.mode == Accumulator.NUMBER) {
                        System.arraycopy(a.values, 0, into.values, at, part.rows);
                    } else {
                        Arrays.fill(into.values, at, at + part.rows, Double.NaN); // every cell missing
                    }
                    at += part.rows;
                    part.columns[c] = null;
                }
            } else {
                into.mode = Accumulator.TEXT;
                into.dictionary = new Dictionary();
                into.codes = new int[rows];
                int at = 0;
                for (Part part : parts) {
                    Accumulator a = part.columns[c];
                    int[] remap = into.dictionary.addAll(a.dictionary);
                    for (int r = 0; r < part.rows; r++) {
                        into.codes[at + r] = remap[a.codes[r]];
                    }
                    at += part.rows;
                    part.columns[c] = null;
                }
            }
            joined[c] = into;
        }
        return new Pass(joined, rows);
    }

    /** An input stream that ends after a number of bytes. */
    private static final class BoundedInput extends java.io.FilterInputStream {
        private long left;

        BoundedInput(InputStream in, long length) {
            super(in);
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            if (left <= 0) {
                return -1;
            }
            int b = super.read();
            if (b >= 0) {
                left--;
            }
            return b;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left <= 0) {
                return -1;
            }
            int n = super.read(b, off, (int) Math.min(len, left));
            if (n > 0) {
                left -= n;
            }
            return n;
        }
    }

    private void add(Accumulator column, Scanner scanner, int c, int row, NumberCell number) throws Unsupported {
        byte[] b = scanner.buffer;
        int from = scanner.start[c];
        int to = scanner.end[c];
        if (to - from > CsvText.MAX_CHARS_PER_CELL) {
            throw new Unsupported("a long cell");
        }
        boolean escaped = scanner.escaped(c);
        if (column.mode == Accumulator.NUMBER) {
            if (from == to) {
                column.addNumber(row, Double.NaN);
                return;
            }
            if (!escaped && NumberCell.parse(b, from, to, number)) {
                if (numberTokens.length > 0 && !column.literal && isToken(numberTokens, b, from, to)) {
                    column.addNumber(row, Double.NaN);
                    return;
                }
                if (column.narrower != 0) {
                    column.narrower =
                            narrowerStill(column.narrower, new String(b, from, to - from, StandardCharsets.ISO_8859_1));
                }
                column.addNumber(row, number);
                return;
            }
            if (!escaped && !column.literal && isToken(textTokens, b, from, to)) {
                column.addNumber(row, Double.NaN);
                return;
            }
            // Text in a number column: it becomes a text column, read again.
            column.firstNonNumber = new ColumnData.Where(row, scanner.line, scanner.text(c));
            column.mode = Accumulator.SKIP;
            return;
        }
        // AUTO or TEXT. In AUTO every cell so far was missing; the first value decides between numbers and text.
        if (column.mode == Accumulator.AUTO && from != to) {
            boolean token = !escaped
                    && !column.literal
                    && (isToken(textTokens, b, from, to) || isToken(numberTokens, b, from, to));
            if (!token) {
                if (!escaped && NumberCell.parse(b, from, to, number)) {
                    column.toNumbers(row);
                    column.narrower = narrowerStill(
                            (1 << NARROWER) - 1, new String(b, from, to - from, StandardCharsets.ISO_8859_1));
                    column.addNumber(row, number);
                    return;
                }
                column.mode = Accumulator.TEXT;
                column.firstText = new ColumnData.Where(row, scanner.line, scanner.text(c));
            }
        }
        if (escaped) {
            byte[] value = scanner.unescaped(c);
            column.addText(row, value, 0, value.length);
        } else {
            column.addText(row, b, from, to);
        }
    }

    /** Returns which of the narrower types still parse every value, given one more value. */
    private int narrowerStill(int mask, String value) {
        int still = mask;
        for (int t = 0; t < NARROWER; t++) {
            if ((still & (1 << t)) != 0 && !narrowerParsers[t].canParse(value)) {
                still &= ~(1 << t);
            }
        }
        return still;
    }

    private static boolean isToken(byte[][] tokens, byte[] b, int from, int to) {
        int length = to - from;
        for (byte[] token : tokens) {
            if (token.length == length && Arrays.equals(token, 0, length, b, from, to)) {
                return true;
            }
        }
        return false;
    }

    /** Builds the column's data, typed as Tablesaw would type it from every row. */
    private ColumnData finish(Accumulator column, int rows) {
        if (column.mode == Accumulator.NUMBER) {
            return column.numbers(rows);
        }
        return finishText(column, rows);
    }

    private ColumnData finishText(Accumulator column, int rows) {
        String[] distinct = column.dictionary.strings();
        ReadOptions options = column.literal ? emptyOnlyOptions : tokenOptions;
        ColumnType type = detect(distinct, options);
        if (!column.literal && ColumnType.STRING.equals(type)) {
            // A category column (the label) keeps its tokens as class names when it holds text (MissingValues).
            boolean category = lowerCase(missing.categoryColumns()).contains(column.name.toLowerCase(Locale.ROOT));
            if (category && anyMissing(distinct, options)) {
                options = emptyOnlyOptions;
                type = detect(distinct, options);
            }
        }
        int[] codes = column.codes(rows);
        AbstractColumnParser<?> parser = type.customParser(options);
        if (ColumnType.STRING.equals(type)) {
            int[] remap = new int[distinct.length];
            List<String> kept = new ArrayList<>();
            for (int d = 0; d < distinct.length; d++) {
                if (parser.isMissing(distinct[d])) {
                    remap[d] = -1;
                } else {
                    remap[d] = kept.size();
                    kept.add(distinct[d]);
                }
            }
            for (int r = 0; r < codes.length; r++) {
                codes[r] = remap[codes[r]];
            }
            return new ColumnData.Text(column.name, codes, kept.toArray(String[]::new), column.firstNonNumber);
        }
        // Dates, times, booleans, and numbers in forms only Tablesaw reads (1,000 or 5%): Tablesaw parses them.
        Column<?> typed = type.create(column.name);
        Object[] parsed = new Object[distinct.length];
        boolean[] missingValue = new boolean[distinct.length];
        for (int d = 0; d < distinct.length; d++) {
            missingValue[d] = parser.isMissing(distinct[d]);
            parsed[d] = missingValue[d] ? null : parser.parse(distinct[d]);
        }
        for (int code : codes) {
            // Each distinct value parsed once, as appendCell(value, parser) would parse it on every row.
            if (missingValue[code]) {
                typed.appendMissing();
            } else {
                typed.appendObj(parsed[code]);
            }
        }
        return new ColumnData.Tablesaw(typed);
    }

    /** Column names compared ignoring case, as Tablesaw's reader looks columns up. */
    private static Set<String> lowerCase(List<String> names) {
        Set<String> lower = new HashSet<>();
        for (String name : names) {
            lower.add(name.toLowerCase(Locale.ROOT));
        }
        return lower;
    }

    private static boolean anyMissing(String[] distinct, ReadOptions options) {
        AbstractColumnParser<?> parser = ColumnType.STRING.customParser(options);
        for (String value : distinct) {
            if (parser.isMissing(value)) {
                return true;
            }
        }
        return false;
    }

    private static ColumnType detect(String[] distinct, ReadOptions options) {
        List<String[]> rows = new ArrayList<>(distinct.length);
        for (String value : distinct) {
            rows.add(new String[] {value});
        }
        return new ColumnTypeDetector(options.columnTypesToDetect()).detectColumnTypes(rows.iterator(), options)[0];
    }

    /** A number cell: its value, and whether Tablesaw's integer parser reads it (a whole number). */
    static final class NumberCell {
        double value;
        boolean whole;
        /** The integer part fits an int. */
        boolean fitsInt;
        /** The integer part has more than 15 significant digits: a double may not hold it exactly. */
        boolean big;

        /** Exact powers of ten as doubles: 10^22 is the largest. */
        private static final double[] POWERS_OF_TEN = {
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15, 1e16, 1e17, 1e18,
            1e19, 1e20, 1e21, 1e22
        };

        /** Parses {@code -?d+(.d+)?([eE][+-]?d+)?}; returns false for anything else. */
        static boolean parse(byte[] b, int from, int to, NumberCell cell) {
            int i = from;
            boolean negative = false;
            if (i < to && b[i] == '-') {
                negative = true;
                i++;
            }
            int digitsFrom = i;
            while (i < to && b[i] == '0') {
                i++;
            }
            int significantFrom = i;
            // The loops below overflow past 18 digits; the value is then not used (significant > 18).
            long mantissa = 0;
            int d;
            while (i < to && (d = b[i] - '0') >= 0 && d <= 9) {
                mantissa = mantissa * 10 + d;
                i++;
            }
            if (i == digitsFrom) {
                return false;
            }
            int integerDigits = i - significantFrom;
            long integer = mantissa;
            int significant = integerDigits;
            int fractionDigits = 0;
            int nonZeroFraction = 0;
            if (i < to && b[i] == '.') {
                i++;
                int fractionFrom = i;
                if (integerDigits == 0) {
                    while (i < to && b[i] == '0') {
                        i++;
                    }
                }
                int fractionSignificantFrom = i;
                while (i < to && (d = b[i] - '0') >= 0 && d <= 9) {
                    mantissa = mantissa * 10 + d;
                    nonZeroFraction |= d;
                    i++;
                }
                fractionDigits = i - fractionFrom;
                if (fractionDigits == 0) {
                    return false;
                }
                significant += i - fractionSignificantFrom;
            }
            boolean zeroFraction = nonZeroFraction == 0;
            boolean exponent = false;
            int exponentValue = 0;
            if (i < to && (b[i] == 'e' || b[i] == 'E')) {
                i++;
                boolean negativeExponent = false;
                if (i < to && (b[i] == '+' || b[i] == '-')) {
                    negativeExponent = b[i] == '-';
                    i++;
                }
                int exponentFrom = i;
                while (i < to && b[i] >= '0' && b[i] <= '9') {
                    if (exponentValue < 100_000) {
                        exponentValue = exponentValue * 10 + (b[i] - '0');
                    }
                    i++;
                }
                if (i == exponentFrom) {
                    return false;
                }
                exponentValue = negativeExponent ? -exponentValue : exponentValue;
                exponent = true;
            }
            if (i != to) {
                return false;
            }
            cell.big = integerDigits > 15;
            cell.whole = !exponent && zeroFraction;
            long signed = negative ? -integer : integer;
            cell.fitsInt = integerDigits <= 10 && signed >= Integer.MIN_VALUE && signed <= Integer.MAX_VALUE;
            int scale = exponentValue - fractionDigits;
            if (significant <= 15 && scale >= -22 && scale <= 22) {
                // Clinger's fast path: the digits are an exact double (below 2^53) and so is the power of ten, so one
                // correctly rounded multiplication or division gives what Double.parseDouble gives. -0 stays -0.0.
                double m = mantissa;
                double value = scale >= 0 ? m * POWERS_OF_TEN[scale] : m / POWERS_OF_TEN[-scale];
                cell.value = negative ? -value : value;
            } else {
                // Up to 18 digits the significand scanned above is exact: Eisel-Lemire converts it without reading the
                // digits again; it leaves rare cases (subnormal, overflow, more digits) to fastdoubleparser.
                double value = significant <= 18 ? EiselLemire.toDouble(mantissa, scale, negative) : Double.NaN;
                cell.value = value == value ? value : JavaDoubleParser.parseDouble(b, from, to - from);
            }
            return true;
        }
    }

    /** One column while the file is read. */
    private static final class Accumulator {
        static final int AUTO = 0;
        static final int NUMBER = 1;
        static final int TEXT = 2;
        static final int SKIP = 3;

        final String name;
        final boolean literal;
        int mode;
        double[] values;
        int[] codes;
        Dictionary dictionary;
        boolean whole = true;
        boolean fitsInt = true;
        boolean big;
        int narrower;
        ColumnData.Where firstNonNumber;
        /** Where an AUTO column met its first value, text: the first non-number when another part held numbers. */
        ColumnData.Where firstText;

        private final int capacity;

        Accumulator(String name, boolean literal, int capacity, boolean text, boolean skip) {
            this.name = name;
            this.literal = literal;
            this.capacity = capacity;
            this.mode = skip ? SKIP : text ? TEXT : AUTO;
            if (!skip) {
                codes = new int[capacity];
                dictionary = new Dictionary();
            }
        }

        boolean needsText() {
            return (mode == SKIP && firstNonNumber != null) || (mode == NUMBER && (narrower != 0 || (big && whole)));
        }

        void toNumbers(int rows) {
            // Every earlier cell was missing.
            values = new double[Math.max(capacity, rows + 1)];
            Arrays.fill(values, 0, rows, Double.NaN);
            codes = null;
            dictionary = null;
            mode = NUMBER;
        }

        void addNumber(int row, NumberCell cell) {
            whole &= cell.whole;
            fitsInt &= cell.fitsInt;
            big |= cell.big;
            addNumber(row, cell.value);
        }

        void addNumber(int row, double value) {
            if (row == values.length) {
                values = Arrays.copyOf(values, grown(values.length));
            }
            values[row] = value;
        }

        void addText(int row, byte[] b, int from, int to) {
            if (row == codes.length) {
                codes = Arrays.copyOf(codes, grown(codes.length));
            }
            codes[row] = dictionary.code(b, from, to);
        }

        int[] codes(int rows) {
            return codes.length == rows ? codes : Arrays.copyOf(codes, rows);
        }

        ColumnData numbers(int rows) {
            double[] exact = values.length == rows ? values : Arrays.copyOf(values, rows);
            values = null;
            if (whole && fitsInt) {
                int[] ints = new int[rows];
                for (int r = 0; r < rows; r++) {
                    double v = exact[r];
                    ints[r] = v != v ? Integer.MIN_VALUE : (int) v;
                }
                return new ColumnData.Ints(name, ints);
            }
            if (whole) {
                long[] longs = new long[rows];
                for (int r = 0; r < rows; r++) {
                    double v = exact[r];
                    longs[r] = v != v ? Long.MIN_VALUE : (long) v;
                }
                return new ColumnData.Longs(name, longs);
            }
            return new ColumnData.Doubles(name, exact);
        }

        private static int grown(int length) {
            long next = Math.max(16, length + (length >> 1));
            return (int) Math.min(Integer.MAX_VALUE - 16, next);
        }
    }

    /** Distinct byte strings, each given a code in order of first appearance. */
    static final class Dictionary {
        private byte[][] keys = new byte[16][];
        private int[] hashes = new int[16];
        private int[] slots = new int[64]; // code + 1, 0 for empty
        private int size;

        int code(byte[] b, int from, int to) {
            int hash = 1;
            for (int i = from; i < to; i++) {
                hash = 31 * hash + b[i];
            }
            hash ^= hash >>> 16;
            int mask = slots.length - 1;
            int slot = hash & mask;
            int length = to - from;
            while (true) {
                int entry = slots[slot];
                if (entry == 0) {
                    break;
                }
                int code = entry - 1;
                byte[] key = keys[code];
                if (hashes[code] == hash && key.length == length && Arrays.equals(key, 0, length, b, from, to)) {
                    return code;
                }
                slot = (slot + 1) & mask;
            }
            int code = size++;
            if (code == keys.length) {
                keys = Arrays.copyOf(keys, code * 2);
                hashes = Arrays.copyOf(hashes, code * 2);
            }
            keys[code] = Arrays.copyOfRange(b, from, to);
            hashes[code] = hash;
            slots[slot] = code + 1;
            if (size * 2 > slots.length) {
                rehash();
            }
            return code;
        }

        private void rehash() {
            int[] bigger = new int[slots.length * 2];
            int mask = bigger.length - 1;
            for (int code = 0; code < size; code++) {
                int slot = hashes[code] & mask;
                while (bigger[slot] != 0) {
                    slot = (slot + 1) & mask;
                }
                bigger[slot] = code + 1;
            }
            slots = bigger;
        }

        /** Adds another dictionary's values; returns the code here of each of its codes. */
        int[] addAll(Dictionary other) {
            int[] remap = new int[other.size];
            for (int code = 0; code < other.size; code++) {
                byte[] key = other.keys[code];
                remap[code] = code(key, 0, key.length);
            }
            return remap;
        }

        String[] strings() {
            String[] strings = new String[size];
            for (int i = 0; i < size; i++) {
                strings[i] = new String(keys[i], StandardCharsets.UTF_8);
            }
            return strings;
        }
    }

    /**
     * Splits the bytes into records and cells as univocity (Tablesaw's parser) does with modeltest's settings: comma,
     * double quote, {@code ""} for a quote inside quotes, blanks around unquoted cells trimmed, empty lines skipped,
     * {@code \n} or {@code \r\n} line ends.
     */
    static final class Scanner {
        private static final byte QUOTE = '"';
        private final InputStream in;
        byte[] buffer = new byte[BUFFER];
        private int limit;
        private int position;
        private boolean eof;
        int[] start = new int[64];
        int[] end = new int[64];
        private boolean[] quotedCell = new boolean[64];
        private boolean[] escapedCell = new boolean[64];
        int cells;
        /** The line the current record starts on, from 1. */
        long line;

        private long nextLine = 1;

        /** Bytes moved out of the buffer so far: the file offset of buffer[0]. */
        private long base;

        private final boolean quotesAllowed;

        /**
         * @param fileStart whether the stream starts at the file's start (else at a line start within it, where a quote
         *     is refused: the line could be inside a quoted cell)
         */
        Scanner(InputStream in, boolean fileStart) throws IOException, Unsupported {
            this.in = in;
            this.quotesAllowed = fileStart;
            fill();
            if (fileStart
                    && limit >= 3
                    && (buffer[0] & 0xff) == 0xef
                    && (buffer[1] & 0xff) == 0xbb
                    && (buffer[2] & 0xff) == 0xbf) {
                throw new Unsupported("a byte-order mark");
            }
        }

        private void fill() throws IOException, Unsupported {
            if (position > 0) {
                System.arraycopy(buffer, position, buffer, 0, limit - position);
                limit -= position;
                base += position;
                position = 0;
            } else if (limit == buffer.length) {
                if (buffer.length >= MAX_BUFFER) {
                    throw new Unsupported("a record longer than " + MAX_BUFFER + " bytes");
                }
                buffer = Arrays.copyOf(buffer, buffer.length * 2);
            }
            while (limit < buffer.length) {
                int read = in.read(buffer, limit, buffer.length - limit);
                if (read < 0) {
                    eof = true;
                    return;
                }
                limit += read;
            }
        }

        /** Reads the next record; returns false at the end of the file. */
        boolean nextRecord() throws IOException, Unsupported {
            while (true) {
                int status = parse();
                if (status == RECORD) {
                    return true;
                }
                if (status == END) {
                    return false;
                }
                if (status == NEED_MORE) {
                    fill();
                }
                // EMPTY: a blank line, skipped
            }
        }

        private static final int RECORD = 0;
        private static final int EMPTY = 1;
        private static final int NEED_MORE = 2;
        private static final int END = 3;

        private static boolean blank(byte c) {
            return (c & 0xff) <= ' ' && c != '\n' && c != '\r';
        }

        private int parse() throws Unsupported {
            byte[] b = buffer;
            int lim = limit;
            int p = position;
            if (p >= lim) {
                return eof ? END : NEED_MORE;
            }
            if (b[p] == '\n') {
                position = p + 1;
                nextLine++;
                return EMPTY;
            }
            if (b[p] == '\r') {
                if (p + 1 >= lim && !eof) {
                    return NEED_MORE;
                }
                if (p + 1 < lim && b[p + 1] == '\n') {
                    position = p + 2;
                    nextLine++;
                    return EMPTY;
                }
                throw new Unsupported("a carriage return without a line feed");
            }
            int n = 0;
            long lines = 0;
            while (true) {
                while (p < lim && blank(b[p])) {
                    p++;
                }
                if (p < lim && b[p] == QUOTE) {
                    if (!quotesAllowed) {
                        throw new Unsupported("a quote in a part of the file");
                    }
                    int q = p + 1;
                    boolean escaped = false;
                    while (true) {
                        if (q >= lim) {
                            if (!eof) {
                                return NEED_MORE;
                            }
                            throw new Unsupported("an unclosed quote");
                        }
                        byte d = b[q];
                        if (d == QUOTE) {
                            if (q + 1 >= lim && !eof) {
                                return NEED_MORE;
                            }
                            if (q + 1 < lim && b[q + 1] == QUOTE) {
                                escaped = true;
                                q += 2;
                                continue;
                            }
                            break;
                        }
                        if (d == '\n') {
                            lines++;
                        } else if (d == '\r') {
                            throw new Unsupported("a carriage return inside quotes");
                        }
                        q++;
                    }
                    store(n++, p + 1, q, true, escaped);
                    p = q + 1;
                    while (p < lim && blank(b[p])) {
                        p++;
                    }
                } else {
                    int from = p;
                    while (p < lim) {
                        byte c = b[p];
                        if (c > ',') {
                            // Digits, letters, '.' and '-' are above ',' and none ends a cell: one comparison passes
                            // most bytes (those of multi-byte characters are negative and take the checks below).
                            p++;
                            continue;
                        }
                        if (c == ',' || c == '\n' || c == '\r') {
                            break;
                        }
                        if (c == QUOTE) {
                            throw new Unsupported("a quote inside an unquoted cell");
                        }
                        p++;
                    }
                    if (p >= lim && !eof) {
                        return NEED_MORE;
                    }
                    int to = p;
                    while (to > from && blank(b[to - 1])) {
                        to--;
                    }
                    store(n++, from, to, false, false);
                }
                if (p >= lim) {
                    if (!eof) {
                        return NEED_MORE;
                    }
                    break;
                }
                byte c = b[p];
                if (c == ',') {
                    p++;
                    continue;
                }
                if (c == '\n') {
                    p++;
                    lines++;
                    break;
                }
                if (c == '\r') {
                    if (p + 1 >= lim && !eof) {
                        return NEED_MORE;
                    }
                    if (p + 1 < lim && b[p + 1] == '\n') {
                        p += 2;
                        lines++;
                        break;
                    }
                    throw new Unsupported("a carriage return without a line feed");
                }
                throw new Unsupported("text after a closing quote");
            }
            cells = n;
            line = nextLine;
            nextLine += lines;
            position = p;
            return RECORD;
        }

        private void store(int cell, int from, int to, boolean quoted, boolean escaped) throws Unsupported {
            if (cell >= start.length) {
                if (cell > CsvText.MAX_COLUMNS) {
                    throw new Unsupported("too many cells");
                }
                int size = start.length * 2;
                start = Arrays.copyOf(start, size);
                end = Arrays.copyOf(end, size);
                quotedCell = Arrays.copyOf(quotedCell, size);
                escapedCell = Arrays.copyOf(escapedCell, size);
            }
            start[cell] = from;
            end[cell] = to;
            quotedCell[cell] = quoted;
            escapedCell[cell] = escaped;
        }

        /** Returns the bytes of the records read so far. */
        long consumed() {
            return base + position;
        }

        /** Returns the lines of the records read so far, blank lines included. */
        long linesConsumed() {
            return nextLine - 1;
        }

        boolean quoted(int cell) {
            return quotedCell[cell];
        }

        boolean escaped(int cell) {
            return escapedCell[cell];
        }

        /** Returns a quoted cell's bytes with each {@code ""} turned into one quote. */
        byte[] unescaped(int cell) {
            byte[] out = new byte[end[cell] - start[cell]];
            int n = 0;
            for (int i = start[cell]; i < end[cell]; i++) {
                out[n++] = buffer[i];
                if (buffer[i] == QUOTE) {
                    i++;
                }
            }
            return Arrays.copyOf(out, n);
        }

        String text(int cell) {
            if (escapedCell[cell]) {
                return new String(unescaped(cell), StandardCharsets.UTF_8);
            }
            return new String(buffer, start[cell], end[cell] - start[cell], StandardCharsets.UTF_8);
        }

        String[] texts() {
            String[] texts = new String[cells];
            for (int c = 0; c < cells; c++) {
                texts[c] = text(c);
            }
            return texts;
        }
    }
}
