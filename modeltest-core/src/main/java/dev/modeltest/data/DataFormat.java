package dev.modeltest.data;

import java.util.List;
import org.apiguardian.api.API;
import tech.tablesaw.api.Table;

/**
 * Reads test data files of one format into a Tablesaw table. CSV is built in; other formats (Parquet) come from
 * modules found through {@link java.util.ServiceLoader}: list implementations in {@code
 * META-INF/services/dev.modeltest.data.DataFormat}.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public interface DataFormat {

    /** Returns the format's name for messages, e.g. {@code Parquet}. */
    String name();

    /** Returns the file name endings this format reads, lower case with the dot, e.g. {@code .parquet}. */
    List<String> fileTypes();

    /**
     * Reads the whole file.
     *
     * @param resource the file
     * @return the table; {@link DataLoader} turns an empty one into a clear error
     * @throws Exception any failure; {@link DataLoader} reports it naming the file
     */
    Table read(Resource resource) throws Exception;
}
