package dev.modeltest.data;

import dev.modeltest.error.DataException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import tech.tablesaw.api.Table;
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

    /** Reads the data of a resolved resource, choosing the format by the file name's ending. */
    public static TestData load(Resource resource) {
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
        Table table;
        try {
            table = format.read(resource);
        } catch (Exception e) {
            throw new DataException("cannot read data file '" + resource.location() + "': " + describe(e), e);
        }
        if (table.rowCount() == 0) {
            throw new DataException("data file '" + resource.location()
                    + "' has a header but no rows: an empty data set cannot pass a quality gate");
        }
        return new TestData(
                name,
                resource.sha256(),
                table,
                dvc.map(DvcPointer.Verified::md5).orElse(""));
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

    /** Comma-separated values with a header row, read by Tablesaw with every row sampled for the column types. */
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
            try (InputStream in = resource.open()) {
                return Table.read()
                        .csv(CsvReadOptions.builder(in)
                                .tableName(resource.fileName())
                                .sample(false)
                                .build());
            }
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
