package dev.modeltest.data;

import dev.modeltest.error.DataException;
import dev.modeltest.internal.Echo;
import dev.modeltest.internal.Names;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.AbstractColumnParser;
import tech.tablesaw.columns.Column;
import tech.tablesaw.io.AddCellToColumnException;
import tech.tablesaw.io.ReadOptions;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Reads test data files into {@link TestData}: CSV (with a header row) built in, other formats through {@link
 * DataFormat}.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class DataLoader {

    private DataLoader() {}

    /**
     * Reads the data at a location: a path relative to the working directory, or {@code classpath:...}.
     *
     * @throws DataException naming the file when it is missing, empty, malformed or of an unsupported format
     */
    public static TestData load(String location) {
        return load(Resource.resolve(location, why -> new DataException("data file " + why)));
    }

    /**
     * Reads the data of a resolved resource, choosing the format by the file name's ending; CSV cells are missing as
     * pandas reads them ({@link MissingValues#pandas()}).
     */
    public static TestData load(Resource resource) {
        return load(resource, MissingValues.pandas());
    }

    /**
     * Reads the data of a resolved resource, choosing the format by the file name's ending, with the given missing
     * values for CSV cells (other formats mark missing values themselves, e.g. Parquet's nulls).
     *
     * @since 0.1.0
     */
    public static TestData load(Resource resource, MissingValues missing) {
        String name = resource.fileName();
        String lower = name.toLowerCase(Locale.ROOT);
        List<DataFormat> formats = formats();
        DataFormat format = formats.stream()
                .filter(f -> f.fileTypes().stream().anyMatch(lower::endsWith))
                .findFirst()
                .orElseThrow(() -> new DataException("data file '" + resource.location()
                        + "' has an unsupported format; supported: "
                        + formats.stream()
                                .map(f -> f.name() + " " + String.join("/", f.fileTypes()))
                                .collect(Collectors.joining(", "))));
        if (resource.size() == 0) {
            throw new DataException("data file '" + resource.location()
                    + "' is empty (0 bytes): an empty data set cannot pass a quality gate");
        }
        // A .dvc pointer beside the file records the MD5 of the data the team versioned: a stale copy fails here.
        Optional<DvcPointer.Verified> dvc = DvcPointer.check(resource);
        String md5 = dvc.map(DvcPointer.Verified::md5).orElse("");
        if (format instanceof CsvFormat csv) {
            return csv.load(resource, missing, md5, Runtime.getRuntime().maxMemory());
        }
        Table table;
        try {
            table = format.read(resource);
        } catch (DataException e) {
            throw e;
        } catch (Exception e) {
            throw new DataException("cannot read data file '" + resource.location() + "': " + describe(e), e);
        }
        return new TestData(name, resource.sha256(), requireRows(table, resource), md5);
    }

    private static Table requireRows(Table table, Resource resource) {
        if (table.rowCount() == 0) {
            throw new DataException("data file '" + resource.location()
                    + "' has a header but no rows: an empty data set cannot pass a quality gate");
        }
        return table;
    }

    /** Returns the built-in CSV format followed by those found on the class path. */
    static List<DataFormat> formats() {
        List<DataFormat> formats = new ArrayList<>();
        formats.add(new CsvFormat());
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        ServiceLoader.load(DataFormat.class, loader == null ? DataLoader.class.getClassLoader() : loader)
                .forEach(formats::add);
        return formats;
    }

    /**
     * Comma-separated values with a header row, read by Tablesaw; each column gets the type that fits every row.
     *
     * <p>Tablesaw types the columns either from a sample of the rows or from all of them; from all of them it first holds
     * every cell as a string (a million rows of 13 columns need over 3 GB). So the file is read with the sampled types,
     * and read again with all rows typed only when those types would not hold for every row: a later value fails to
     * parse, or a column typed as text from a sample of missing values holds only values of a narrower type (numbers,
     * dates, booleans). The result is the same table as typing from all rows.
     */
    static final class CsvFormat implements DataFormat {
        @Override
        public String name() {
            return "CSV";
        }

        @Override
        public List<String> fileTypes() {
            return List.of(".csv");
        }

        @Override
        public Table read(Resource resource) throws IOException {
            return read(resource, MissingValues.pandas());
        }

        /** Reads the file as {@link DataLoader#load} does, and returns its Tablesaw table. */
        Table read(Resource resource, MissingValues missing) throws IOException {
            return load(resource, missing, "", Runtime.getRuntime().maxMemory()).table();
        }

        /**
         * Reads the file into arrays ({@link FastCsv}), or with Tablesaw when it uses a CSV feature the fast reader
         * leaves to Tablesaw; fails early, before reading, when the heap cannot hold it.
         *
         * @param maxHeap the most heap the JVM may use, in bytes ({@link Runtime#maxMemory()}; a test passes less)
         */
        TestData load(Resource resource, MissingValues missing, String dvcMd5, long maxHeap) {
            try {
                CsvText.checkText(resource);
                HeapEstimate estimate = HeapEstimate.of(resource);
                estimate.requireFits(resource, maxHeap);
                // The file's hash (for the run record) is computed while the file is read: on a large file it is a
                // sixth of the reading time, and it needs only the bytes.
                FutureTask<String> sha256 = new FutureTask<>(resource::sha256);
                Thread hashing = new Thread(sha256, "modeltest-sha256");
                hashing.setDaemon(true);
                hashing.start();
                try {
                    List<ColumnData> columns;
                    try {
                        columns = FastCsv.read(resource, missing, estimate.rows());
                    } catch (FastCsv.Unsupported e) {
                        // Quoting or a limit the fast reader leaves to Tablesaw: read as before, with its messages.
                        Table table = requireRows(readWithTablesaw(resource, missing), resource);
                        return new TestData(resource.fileName(), result(sha256), table, dvcMd5);
                    }
                    int rows = columns.isEmpty() ? 0 : columns.get(0).size();
                    if (rows == 0) {
                        requireRows(Table.create(resource.fileName()), resource);
                    }
                    return new TestData(resource.fileName(), result(sha256), columns, dvcMd5, rows);
                } catch (OutOfMemoryError e) {
                    throw estimate.outOfMemory(resource, maxHeap, e);
                }
            } catch (DataException e) {
                throw e;
            } catch (Exception e) {
                throw new DataException("cannot read data file '" + resource.location() + "': " + describe(e), e);
            }
        }

        private static String result(FutureTask<String> task) throws Exception {
            try {
                return task.get();
            } catch (ExecutionException e) {
                throw e.getCause() instanceof Exception cause ? cause : e;
            }
        }

        /** The reader before {@link FastCsv}: Tablesaw, typing from a sample and again from all rows if needed. */
        Table readWithTablesaw(Resource resource, MissingValues missing) throws IOException {
            try {
                Table table = read(resource, missing.tokens());
                List<String> literal = literalColumns(table, missing, resource);
                if (!literal.isEmpty()) {
                    // Tablesaw takes one list of missing-value tokens for the whole file: read the literal columns
                    // that have missing cells again with only the empty cell missing (a second pass over the file
                    // only then).
                    Table asWritten = read(resource, List.of(""));
                    for (String column : literal) {
                        table.replaceColumn(column, asWritten.column(column));
                    }
                }
                return table;
            } catch (RuntimeException e) {
                // Tablesaw's own messages name neither the file nor the row ("Index 5 out of bounds for length 5").
                throw CsvText.diagnose(resource, e)
                        .map(why -> new DataException("data file '" + resource.location() + "': " + why, e))
                        .orElseThrow(() -> e);
            }
        }

        private static Table read(Resource resource, List<String> tokens) throws IOException {
            try (InputStream in = resource.open()) {
                CsvReadOptions sampled = options(in, resource, true, tokens);
                Table table = Table.read().csv(sampled);
                if (textColumnsAreText(table, sampled)) {
                    return table;
                }
            } catch (AddCellToColumnException e) {
                // A row after the sample does not fit the sampled type: type every row.
            }
            try (InputStream in = resource.open()) {
                return Table.read().csv(options(in, resource, false, tokens));
            }
        }

        /**
         * Returns the columns to read literally: the literal columns, and the category columns that hold text; fails
         * naming a literal column that the file lacks.
         */
        private static List<String> literalColumns(Table table, MissingValues missing, Resource resource) {
            List<String> literal = new ArrayList<>();
            for (String column : missing.literalColumns()) {
                if (!table.containsColumn(column)) {
                    throw new DataException("data file '" + resource.location() + "' has no column '" + column
                            + "' to read literally" + Names.didYouMean(column, table.columnNames())
                            + "; its columns are " + Echo.names(table.columnNames()));
                }
                if (table.column(column).countMissing() > 0) {
                    literal.add(column);
                }
            }
            for (String column : missing.categoryColumns()) {
                if (table.containsColumn(column)
                        && table.column(column).type() == ColumnType.STRING
                        && table.column(column).countMissing() > 0
                        && !literal.contains(column)) {
                    literal.add(column);
                }
            }
            return literal;
        }

        private static CsvReadOptions options(InputStream in, Resource resource, boolean sample, List<String> tokens) {
            return CsvReadOptions.builder(in)
                    .tableName(resource.fileName())
                    .sample(sample)
                    .missingValueIndicator(tokens.toArray(String[]::new))
                    // The parser's default takes a line starting with # for a comment and drops it: a row whose first
                    // cell is #N/A or #3 would vanish. CSV has no comments; pandas reads such rows too.
                    .commentPrefix(CsvText.NO_COMMENTS)
                    .maxCharsPerColumn(CsvText.MAX_CHARS_PER_CELL)
                    .maxNumberOfColumns(CsvText.MAX_COLUMNS)
                    .build();
        }

        /**
         * Returns whether every text column would be text when typed from all rows: no narrower type that Tablesaw
         * tries before text parses all its values.
         */
        static boolean textColumnsAreText(Table table, ReadOptions options) {
            List<ColumnType> narrower = new ArrayList<>();
            for (ColumnType type : options.columnTypesToDetect()) {
                if (type == ColumnType.STRING) {
                    break;
                }
                narrower.add(type);
            }
            for (Column<?> column : table.columns()) {
                if (column.type() != ColumnType.STRING) {
                    continue;
                }
                for (ColumnType type : narrower) {
                    if (parsesEveryValue(column, type.customParser(options))) {
                        return false;
                    }
                }
            }
            return true;
        }

        /** Whether the parser reads every value of a text column that is not missing, and there is at least one. */
        private static boolean parsesEveryValue(Column<?> column, AbstractColumnParser<?> parser) {
            boolean any = false;
            for (int i = 0; i < column.size(); i++) {
                String value = column.getString(i);
                if (column.isMissing(i) || parser.isMissing(value)) {
                    continue;
                }
                if (!parser.canParse(value)) {
                    return false;
                }
                any = true;
            }
            return any;
        }
    }

    private static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String message = root.getMessage();
        return message == null || message.isBlank() ? root.getClass().getSimpleName() : message;
    }
}
