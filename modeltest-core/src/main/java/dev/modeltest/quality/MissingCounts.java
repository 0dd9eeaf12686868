package dev.modeltest.quality;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A data set's missing cells counted per column, without the rows they are in: what the missing-value checks decide
 * from when the rows are elsewhere (counted in the partitions of a Spark {@code Dataset}, say), through {@link
 * MissingValuesCheck#evaluate(MissingCounts)} and {@link MissingRateCheck#evaluate(MissingCounts)}. Without row
 * numbers, their messages name no example rows.
 *
 * @param dataName the data set's name, for messages
 * @param rows the number of rows
 * @param missingByColumn every column of the data set, in its order, with its number of missing cells (0 included)
 * @since 0.2.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
public record MissingCounts(String dataName, long rows, Map<String, Long> missingByColumn) {

    public MissingCounts {
        Objects.requireNonNull(dataName, "dataName");
        if (rows < 1) {
            throw new IllegalArgumentException("data set " + dataName + ": rows must be at least 1, was " + rows);
        }
        missingByColumn = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(missingByColumn));
        missingByColumn.forEach((column, missing) -> {
            if (missing < 0 || missing > rows) {
                throw new IllegalArgumentException("data set " + dataName + ", column '" + column + "': " + missing
                        + " missing cells of " + rows + " rows");
            }
        });
    }

    /** Returns the columns, in the data set's order. */
    public List<String> columns() {
        return List.copyOf(missingByColumn.keySet());
    }
}
