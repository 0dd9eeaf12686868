package dev.modeltest.quality;

import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.EveryShouldBeWithinBound;
import dev.modeltest.check.Family;
import dev.modeltest.check.Format;
import dev.modeltest.check.Threshold;
import dev.modeltest.data.TestData;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
import dev.modeltest.subject.Subject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Passes when, in each chosen column, the fraction of missing cells is at most a threshold. A cell is missing exactly
 * when {@link MissingValuesCheck} says so (empty, a missing-value marker, or {@code NaN}); the fraction is missing
 * cells over rows, as pandas' {@code df[column].isna().mean()}.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class MissingRateCheck implements Check {

    /** The check's identifier in results and reports. */
    public static final String ID = "missing-rate-at-most";

    private static final String SUBJECT = "the fraction of missing cells in each of %s of %s (n=%s)";
    private static final String HIGHEST = "and it is; the highest is column '%s': %s.";
    private static final String SOME_OVER = "but %s column(s) have more:";
    private static final String OVER = "  column '%s': %s, e.g. %s";
    private static final String OVER_COUNTED = "  column '%s': %s";
    private static final String RATE = "%s (%s of %s missing)";

    private final String where;
    private final double maxRate;
    private final List<String> columns;

    /**
     * Creates the check.
     *
     * @param where where it was configured, for messages, e.g. {@code @MissingRateAtMost on IrisTest.sparse()}
     * @param maxRate the highest acceptable fraction of missing cells per column, in [0, 1]
     * @param columns the columns to check, in the order to report them; empty means every column
     * @throws ConfigurationException if {@code maxRate} is outside [0, 1]
     */
    public MissingRateCheck(String where, double maxRate, List<String> columns) {
        if (!(maxRate >= 0 && maxRate <= 1)) {
            throw ConfigurationException.badAttribute(where, "value", "must be in [0, 1]", Format.number(maxRate));
        }
        this.where = Objects.requireNonNull(where, "where");
        this.maxRate = maxRate;
        this.columns = List.copyOf(columns);
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
        List<String> checked = DataQuality.columns(where, data, columns);
        Map<String, Long> counts = new LinkedHashMap<>();
        Map<String, List<Integer>> firstRows = new LinkedHashMap<>();
        for (String column : checked) {
            List<Integer> rows = new ArrayList<>();
            counts.put(column, MissingValuesCheck.countMissing(data, column, rows));
            firstRows.put(column, rows);
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
    public CheckResult evaluate(MissingCounts missing) {
        List<String> checked = DataQuality.columns(where, missing, columns);
        Map<String, Long> counts = new LinkedHashMap<>();
        checked.forEach(column -> counts.put(column, missing.missingByColumn().get(column)));
        return result(missing.dataName(), missing.rows(), checked, counts, null);
    }

    /**
     * Decides and writes the result: the one decision of both entries.
     *
     * @param rowsByColumn per column, its first missing rows (from 1); {@code null} when rows are unknown
     */
    private CheckResult result(
            String dataName,
            long n,
            List<String> checked,
            Map<String, Long> counts,
            Map<String, List<Integer>> rowsByColumn) {
        Map<String, Double> rates = new LinkedHashMap<>();
        Map<String, List<Integer>> firstRows = new LinkedHashMap<>();
        List<String> over = new ArrayList<>();
        String worst = checked.get(0);
        for (String column : checked) {
            long count = counts.get(column);
            double rate = (double) count / n;
            rates.put(column, rate);
            if (rate > rates.get(worst)) {
                worst = column;
            }
            if (rate > maxRate) {
                over.add(column);
                if (rowsByColumn != null) {
                    firstRows.put(column, rowsByColumn.get(column));
                }
            }
        }
        double highest = rates.get(worst);
        List<String> outcome = new ArrayList<>();
        if (over.isEmpty()) {
            outcome.add(Format.message(HIGHEST, worst, rate(highest, counts.get(worst), n)));
        } else {
            outcome.add(Format.message(SOME_OVER, over.size()));
            for (String column : over) {
                outcome.add(
                        rowsByColumn == null
                                ? Format.message(OVER_COUNTED, column, rate(rates.get(column), counts.get(column), n))
                                : Format.message(
                                        OVER,
                                        column,
                                        rate(rates.get(column), counts.get(column), n),
                                        DataQuality.exampleRows(firstRows.get(column))));
            }
        }
        String message = EveryShouldBeWithinBound.message(
                Format.message(SUBJECT, DataQuality.scope(columns, checked), dataName, n),
                Threshold.Comparison.AT_MOST,
                maxRate,
                outcome);
        CheckResult.Builder result = CheckResult.builder(ID, Family.DATA)
                .title("missing fraction ≤ " + Format.value(maxRate) + " per column of "
                        + (columns.isEmpty() ? "" : DataQuality.names(checked) + " of ") + dataName)
                .passedIf(over.isEmpty())
                .measured(highest)
                .threshold(Threshold.atMost(maxRate), Format.DECIMALS)
                .n(n)
                .message(message)
                .detail("columnsChecked", checked)
                .detail("maxRate", maxRate)
                .detail("missingRateByColumn", rates)
                .detail("missingByColumn", counts)
                .detail("columnsOver", over);
        if (rowsByColumn != null) {
            result.detail("firstMissingRows", firstRows);
        }
        return result.build();
    }

    private static String rate(double rate, long count, long n) {
        return Format.message(RATE, rate, count, n);
    }
}
