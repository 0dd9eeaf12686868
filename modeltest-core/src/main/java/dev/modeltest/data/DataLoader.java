package dev.modeltest.data;

import dev.modeltest.error.DataException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;
import org.apiguardian.api.API;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Reads test data files into {@link TestData}. CSV (with a header row) for now.
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

    /** Reads the data of a resolved resource. */
    public static TestData load(Resource resource) {
        String name = resource.fileName();
        String lower = name.toLowerCase(Locale.ROOT);
        if (!lower.endsWith(".csv")) {
            throw new DataException("data file '" + resource.location() + "' has an unsupported format;"
                    + " supported: .csv (comma-separated, with a header row)");
        }
        if (resource.size() == 0) {
            throw new DataException("data file '" + resource.location()
                    + "' is empty (0 bytes): an empty data set cannot pass a quality gate");
        }
        Table table;
        try (InputStream in = resource.open()) {
            table = Table.read()
                    .csv(CsvReadOptions.builder(in)
                            .tableName(name)
                            .sample(false)
                            .build());
        } catch (IOException | RuntimeException e) {
            throw new DataException("cannot read data file '" + resource.location() + "': " + describe(e), e);
        }
        if (table.rowCount() == 0) {
            throw new DataException("data file '" + resource.location()
                    + "' has a header but no rows: an empty data set cannot pass a quality gate");
        }
        return new TestData(name, resource.sha256(), table);
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
