package dev.modeltest.quality;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A data set's groups of equal rows, counted without the rows' positions: what {@link
 * DuplicateRowsCheck#evaluate(DuplicateCounts)} decides from when the rows are elsewhere (grouped by Spark, say).
 *
 * @param dataName the data set's name, for messages
 * @param rows the number of rows
 * @param columns the columns that make two rows equal, in the data set's order
 * @param duplicates the rows beyond the first of each group of equal rows
 * @param groups the number of groups of two or more equal rows
 * @param examples some of those groups, to show in the message (at most five are shown)
 * @since 0.2.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
public record DuplicateCounts(
        String dataName, long rows, List<String> columns, long duplicates, long groups, List<Group> examples) {

    /**
     * A group of equal rows.
     *
     * @param values the rows' cells, one per column: a number ({@link Number}), text ({@link String}), or {@code null}
     *     for a missing cell
     * @param size how many rows hold these values, at least 2
     */
    public record Group(List<Object> values, long size) {
        public Group {
            values = Collections.unmodifiableList(new ArrayList<>(values));
            if (size < 2) {
                throw new IllegalArgumentException("a group of equal rows has at least 2 rows, was " + size);
            }
        }
    }

    public DuplicateCounts {
        Objects.requireNonNull(dataName, "dataName");
        columns = List.copyOf(columns);
        examples = List.copyOf(examples);
        if (rows < 1
                || duplicates < 0
                || groups < 0
                || duplicates + groups > rows
                || (groups == 0) != (duplicates == 0)) {
            throw new IllegalArgumentException("data set " + dataName + ": " + duplicates + " duplicate rows in "
                    + groups + " groups cannot be counts of " + rows + " rows");
        }
        for (Group group : examples) {
            if (group.values().size() != columns.size()) {
                throw new IllegalArgumentException(
                        "group " + group.values() + " does not give one value per column " + columns);
            }
        }
    }
}
