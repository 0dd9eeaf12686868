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
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, List<Integer>> firstRows = new LinkedHashMap<>();
        for (String column : checked) {
            List<Integer> rows = new ArrayList<>();
            long count = countMissing(data, column, rows);
            counts.put(column, count);
            if (count > 0) {
                firstRows.put(column, rows);
            }
        }
        return result(data.name(), data.rowCount(), checked, counts, firstRows);
    }

    /** Returns where the check was configured, as its messages start. */
    public String where() {
        return where;
    }

    /** Returns the columns this check looks at; empty means every column. */
    public List<String> columns() {
        return columns;
    }

    /**
     * Decides from missing cells counted elsewhere (e.g. by Spark): the result the rows would give, except that the
     * message names no example rows and the details hold no {@code firstMissingRows}.
     *
     * @throws DataException if a named column is not among the counted ones; the message names the nearest column
     */
    public CheckResult evaluate(MissingCounts counts) {
        List<String> checked = DataQuality.columns(where, counts, columns);
        Map<String, Long> missing = new LinkedHashMap<>();
        checked.forEach(column -> missing.put(column, counts.missingByColumn().get(column)));
        return result(counts.dataName(), counts.rows(), checked, missing, null);
    }

    /**
     * Decides and writes the result: the one decision of both entries.
     *
     * @param firstRows per column with missing cells, its first rows (from 1); {@code null} when rows are unknown
     */
    private CheckResult result(
            String dataName,
            long n,
            List<String> checked,
            Map<String, Long> missing,
            Map<String, List<Integer>> firstRows) {
        long total = 0;
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String column : checked) {
            long count = missing.get(column);
            if (count > 0) {
                counts.put(column, count);
                total += count;
            }
        }
        String scope = DataQuality.scope(columns.isEmpty(), checked.size(), String.join(", ", checked));
        ShouldHaveNoViolations message =
                ShouldHaveNoViolations.expecting("no missing values in %s of %s (n=%s)", scope, dataName, n);
        if (total == 0) {
            message.and("there are none.");
        } else {
            message.but("found %s missing cell(s) in %s column(s):", total, counts.size());
            counts.forEach((column, count) -> {
                if (firstRows == null) {
                    message.item("column '%s': %s row(s)", column, count);
                } else {
                    message.item(
                            "column '%s': %s row(s), e.g. %s",
                            column, count, DataQuality.exampleRows(firstRows.get(column)));
                }
            });
        }
        CheckResult.Builder result = CheckResult.builder(ID, Family.DATA)
                .title("no missing values in " + (columns.isEmpty() ? "" : String.join(", ", checked) + " of ")
                        + dataName)
                .passedIf(total == 0)
                .measured(total)
                .threshold(Threshold.atMost(0), "0 missing")
                .n(n)
                .message(message.toString())
                .detail("columnsChecked", checked)
                .detail("missingCells", total)
                .detail("missingByColumn", counts);
        if (firstRows != null) {
            result.detail("firstMissingRows", firstRows);
        }
        return result.build();
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
