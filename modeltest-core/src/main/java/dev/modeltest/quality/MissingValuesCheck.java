package dev.modeltest.quality;

import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.check.ShouldHaveNoViolations;
import dev.modeltest.check.Threshold;
import dev.modeltest.data.TestData;
import dev.modeltest.error.DataException;
import dev.modeltest.subject.Subject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Passes when no cell of the chosen columns is missing. A cell is missing when it is empty, holds one of Tablesaw's
 * missing-value markers ({@code NA}, {@code NaN}, {@code N/A}, {@code null}, {@code *}) or is a {@code NaN} number,
 * exactly as {@link TestData#isMissing(String, int)} decides.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class MissingValuesCheck implements Check {

    /** The check's identifier in results and reports. */
    public static final String ID = "no-missing-values";

    /** How many missing rows a failure lists per column; all are counted. */
    static final int MAX_LISTED = 5;

    private final String where;
    private final List<String> columns;

    /**
     * Creates the check.
     *
     * @param where where it was configured, for messages, e.g. {@code @NoMissingValues on IrisTest.complete()}
     * @param columns the columns to check, in the order to report them; empty means every column
     */
    public MissingValuesCheck(String where, List<String> columns) {
        this.where = Objects.requireNonNull(where, "where");
        this.columns = List.copyOf(new LinkedHashSet<>(columns));
    }

    /**
     * {@inheritDoc}
     *
     * @throws DataException if a named column is not in the data; the message names the nearest column
     */
    @Override
    public CheckResult run(Subject subject) {
        return run(subject.data());
    }

    /**
     * Runs the check on a data set alone: it needs no model.
     *
     * @throws DataException if a named column is not in the data; the message names the nearest column
     */
    public CheckResult run(TestData data) {
        List<String> checked = columns.isEmpty() ? data.columnNames() : columns;
        for (String column : checked) {
            try {
                data.requireColumn(column, "");
            } catch (DataException e) {
                throw new DataException(where + ": " + e.getMessage(), e);
            }
        }
        long total = 0;
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, List<Integer>> firstRows = new LinkedHashMap<>();
        for (String column : checked) {
            List<Integer> rows = new ArrayList<>();
            long count = countMissing(data, column, rows);
            if (count > 0) {
                counts.put(column, count);
                firstRows.put(column, rows);
                total += count;
            }
        }
        String scope = DataQuality.scope(columns.isEmpty(), checked.size(), String.join(", ", checked));
        ShouldHaveNoViolations message = ShouldHaveNoViolations.expecting(
                "no missing values in %s of %s (n=%s)", scope, data.name(), data.rowCount());
        if (total == 0) {
            message.and("there are none.");
        } else {
            message.but("found %s missing cell(s) in %s column(s):", total, counts.size());
            counts.forEach((column, count) -> message.item(
                    "column '%s': %s row(s), e.g. %s", column, count, DataQuality.exampleRows(firstRows.get(column))));
        }
        return CheckResult.builder(ID, Family.DATA)
                .title("no missing values in " + (columns.isEmpty() ? "" : String.join(", ", checked) + " of ")
                        + data.name())
                .passedIf(total == 0)
                .measured(total)
                .threshold(Threshold.atMost(0), "0 missing")
                .n(data.rowCount())
                .message(message.toString())
                .detail("columnsChecked", checked)
                .detail("missingCells", total)
                .detail("missingByColumn", counts)
                .detail("firstMissingRows", firstRows)
                .build();
    }

    /** Counts the missing cells of a column and notes the first rows (from 1), on the column arrays. */
    static long countMissing(TestData data, String column, List<Integer> rows) {
        long count = 0;
        if (data.kind(column).isNumeric()) {
            // Missing numeric cells read as NaN, as do NaN values themselves.
            double[] values = data.doubles(column);
            for (int i = 0; i < values.length; i++) {
                if (Double.isNaN(values[i])) {
                    count++;
                    note(rows, i);
                }
            }
        } else {
            String[] values = data.strings(column);
            for (int i = 0; i < values.length; i++) {
                if (values[i] == null) {
                    count++;
                    note(rows, i);
                }
            }
        }
        return count;
    }

    private static void note(List<Integer> rows, int index) {
        if (rows.size() < MAX_LISTED) {
            rows.add(index + 1);
        }
    }
}
