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
        ShouldHaveNoViolations message = ShouldHaveNoViolations.expecting(
                "no duplicate rows in %s (n=%s), comparing %s", data.name(), n, DataQuality.scope(columns, checked));
        List<Map<String, Object>> groupDetails = new ArrayList<>();
        if (duplicates == 0) {
            message.and("every row differs from every other.");
        } else {
            message.but("found %s duplicate row(s) in %s group(s) of equal rows:", duplicates, groups);
            for (int g = 0; g < listed.size(); g++) {
                int rep = listed.get(g);
                message.item("rows %s: %s", DataQuality.rows(members.get(g), size[rep]), keys.describe(rep));
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("rows", DataQuality.rowNumbers(members.get(g)));
                detail.put("size", size[rep]);
                detail.put("values", keys.describe(rep));
                groupDetails.add(detail);
            }
            message.more(groups - listed.size(), "group(s)");
        }
        return CheckResult.builder(ID, Family.DATA)
                .title("no duplicate rows in " + (columns.isEmpty() ? "" : DataQuality.names(checked) + " of ")
                        + data.name())
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
