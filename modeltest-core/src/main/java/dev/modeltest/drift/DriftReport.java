package dev.modeltest.drift;

import dev.modeltest.check.Verdict;
import dev.modeltest.data.TestData;
import java.util.List;
import java.util.NoSuchElementException;
import org.apiguardian.api.API;

/**
 * The result of {@link Drift#compare}: one {@link ColumnDrift} per column, worst first, with the message, the table
 * and the charts that show it.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class DriftReport {

    private final TestData reference;
    private final TestData current;
    private final DriftOptions options;
    private final List<ColumnDrift> columns;

    DriftReport(TestData reference, TestData current, DriftOptions options, List<ColumnDrift> columns) {
        this.reference = reference;
        this.current = current;
        this.options = options;
        this.columns = columns;
    }

    /** Returns the reference data. */
    public TestData reference() {
        return reference;
    }

    /** Returns the data compared with the reference. */
    public TestData current() {
        return current;
    }

    /** Returns the options the columns were compared with. */
    public DriftOptions options() {
        return options;
    }

    /** Returns every column's result: drifted columns first, then those with too few values, then the rest. */
    public List<ColumnDrift> columns() {
        return columns;
    }

    /** Returns the drifted columns, worst first. */
    public List<ColumnDrift> drifted() {
        return columns.stream().filter(ColumnDrift::drifted).toList();
    }

    /** Returns the result of a column. */
    public ColumnDrift column(String name) {
        return columns.stream()
                .filter(c -> c.column().equals(name))
                .findFirst()
                .orElseThrow(() -> new NoSuchElementException("column '" + name + "' was not compared"));
    }

    /**
     * Returns {@link Verdict#FAIL} if any column drifted, else {@link Verdict#INCONCLUSIVE} if a column had too few
     * values to compare, else {@link Verdict#PASS}.
     */
    public Verdict verdict() {
        if (columns.stream().anyMatch(ColumnDrift::drifted)) {
            return Verdict.FAIL;
        }
        if (columns.stream().anyMatch(c -> c.verdict() == Verdict.INCONCLUSIVE)) {
            return Verdict.INCONCLUSIVE;
        }
        return Verdict.PASS;
    }

    /** Returns the multi-line explanation with the per-column table, as a failing test shows it. */
    public String message() {
        return DriftTable.message(this);
    }

    /** Returns the per-column table as CSV, with full-precision numbers. */
    public String csv() {
        return DriftTable.csv(this);
    }

    /** Draws the reference and current distributions of a column as a 600 × 400 PNG. */
    public byte[] chartPng(String column) {
        return DriftCharts.png(this, column(column));
    }
}
