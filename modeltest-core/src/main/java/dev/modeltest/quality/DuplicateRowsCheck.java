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
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Passes when no two rows hold the same values in the chosen columns (default: all). Cells compare as the loader read
 * them: numbers as values, text exactly, and a missing cell equals a missing cell, as in pandas'
 * {@code df.duplicated(subset=columns)}. The count of duplicate rows is the rows beyond the first of each group of
 * equal rows, which is {@code df.duplicated(subset=columns).sum()}.
 *
 * <p>Rows are hashed column by column into 64-bit keys (no per-row strings). When no two keys are equal (found by
 * sorting them) there is no duplicate; otherwise rows with equal keys are grouped through an index and compared cell by
 * cell, so a hash collision cannot report a false duplicate.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class DuplicateRowsCheck implements Check {

    /** The check's identifier in results and reports. */
    public static final String ID = "no-duplicate-rows";

    private final String where;
    private final List<String> columns;

    /**
     * Creates the check.
     *
     * @param where where it was configured, for messages, e.g. {@code @NoDuplicateRows on IrisTest.distinct()}
     * @param columns the columns that make two rows equal; empty means every column
     */
    public DuplicateRowsCheck(String where, List<String> columns) {
        this.where = Objects.requireNonNull(where, "where");
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
        RowKeys keys = RowKeys.of(data, checked);
        int[] first = DataQuality.firstEqualRows(keys);
        int n = first.length;
        int[] size = new int[n];
        for (int i = 0; i < n; i++) {
            size[first[i]]++;
        }
        long duplicates = 0;
        long groups = 0;
        List<Integer> listed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (first[i] == i && size[i] > 1) {
                groups++;
                duplicates += size[i] - 1;
                if (listed.size() < DataQuality.MAX_LISTED) {
                    listed.add(i);
                }
            }
        }
        List<List<Integer>> members = DataQuality.members(first, listed);
        List<Listed> shown = new ArrayList<>();
        for (int g = 0; g < listed.size(); g++) {
            int rep = listed.get(g);
            shown.add(new Listed(members.get(g), size[rep], keys.describe(rep)));
        }
        return result(data.name(), n, checked, duplicates, groups, shown);
    }

    /** Returns where the check was configured, as its messages start. */
    public String where() {
        return where;
    }

    /** Returns the columns that make two rows equal; empty means every column. */
    public List<String> columns() {
        return columns;
    }

    /**
     * Decides from groups of equal rows counted elsewhere (e.g. by Spark): the verdict, counts, title and n the rows
     * would give; the message lists the example groups by their size and values, as the rows' positions are unknown,
     * and the groups' details hold no {@code rows}.
     *
     * @throws DataException if the counts compare other columns than this check names
     */
    public CheckResult evaluate(DuplicateCounts counts) {
        if (!columns.isEmpty()
                && !List.copyOf(new java.util.LinkedHashSet<>(columns)).equals(counts.columns())) {
            throw new DataException(where + ": the counts compare " + DataQuality.names(counts.columns())
                    + ", but the check compares " + DataQuality.names(columns));
        }
        List<Listed> shown = new ArrayList<>();
        for (DuplicateCounts.Group group : counts.examples()) {
            if (shown.size() < DataQuality.MAX_LISTED) {
                shown.add(new Listed(null, group.size(), RowKeys.describe(counts.columns(), group.values())));
            }
        }
        return result(counts.dataName(), counts.rows(), counts.columns(), counts.duplicates(), counts.groups(), shown);
    }

    /** A group the message shows: its first rows (from 0; {@code null} when unknown), its size and its values. */
    private record Listed(List<Integer> rows, long size, String values) {}

    /** Decides and writes the result: the one decision of both entries. */
    private CheckResult result(
            String dataName, long n, List<String> checked, long duplicates, long groups, List<Listed> listed) {
        ShouldHaveNoViolations message = ShouldHaveNoViolations.expecting(
                "no duplicate rows in %s (n=%s), comparing %s", dataName, n, DataQuality.scope(columns, checked));
        List<Map<String, Object>> groupDetails = new ArrayList<>();
        if (duplicates == 0) {
            message.and("every row differs from every other.");
        } else {
            message.but("found %s duplicate row(s) in %s group(s) of equal rows:", duplicates, groups);
            for (Listed group : listed) {
                Map<String, Object> detail = new LinkedHashMap<>();
                if (group.rows() == null) {
                    message.item("%s rows: %s", group.size(), group.values());
                } else {
                    message.item("rows %s: %s", DataQuality.rows(group.rows(), (int) group.size()), group.values());
                    detail.put("rows", DataQuality.rowNumbers(group.rows()));
                }
                detail.put("size", group.rows() == null ? group.size() : (Object) (int) group.size());
                detail.put("values", group.values());
                groupDetails.add(detail);
            }
            message.more(groups - listed.size(), "group(s)");
        }
        return CheckResult.builder(ID, Family.DATA)
                .title("no duplicate rows in " + (columns.isEmpty() ? "" : DataQuality.names(checked) + " of ")
                        + dataName)
                .passedIf(duplicates == 0)
                .measured(duplicates)
                .threshold(Threshold.atMost(0), "0 duplicates")
                .n(n)
                .message(message.toString())
                .detail("columnsChecked", checked)
                .detail("duplicateRows", duplicates)
                .detail("groups", groups)
                .detail("firstGroups", groupDetails)
                .build();
    }
}
