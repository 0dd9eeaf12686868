package dev.modeltest.quality;

import dev.modeltest.check.Format;
import dev.modeltest.data.TestData;
import dev.modeltest.error.DataException;
import dev.modeltest.internal.Echo;
import dev.modeltest.internal.Names;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;

/** What the data-quality checks share: column selection, grouping of equal rows and list formatting. */
final class DataQuality {

    /** How many groups (or rows) a failure message lists; all are counted. */
    static final int MAX_LISTED = 5;

    /** How many rows a failure message lists per group. */
    static final int MAX_ROWS_PER_GROUP = 10;

    /** How many column names a message lists before it abbreviates. */
    private static final int MAX_NAMES = 10;

    private DataQuality() {}

    /**
     * Returns the named columns without repeats, or every column of the data when none is named.
     *
     * @throws DataException prefixed with {@code where} when a named column is not in the data
     */
    static List<String> columns(String where, TestData data, List<String> named) {
        if (named.isEmpty()) {
            return data.columnNames();
        }
        List<String> columns = List.copyOf(new LinkedHashSet<>(named));
        for (String column : columns) {
            try {
                data.requireColumn(column, "");
            } catch (DataException e) {
                throw new DataException(where + ": " + e.getMessage(), e);
            }
        }
        return columns;
    }

    /**
     * Returns the named columns without repeats, or every counted column when none is named: {@link #columns(String,
     * TestData, List)} for counts made elsewhere, with the same message.
     *
     * @throws DataException prefixed with {@code where} when a named column was not counted
     */
    static List<String> columns(String where, MissingCounts counts, List<String> named) {
        List<String> all = counts.columns();
        if (named.isEmpty()) {
            return all;
        }
        List<String> columns = List.copyOf(new LinkedHashSet<>(named));
        for (String column : columns) {
            if (!all.contains(column)) {
                throw new DataException(where + ": data set " + counts.dataName() + " has no column '" + column + "'"
                        + Names.didYouMean(column, all) + "; its columns are " + Echo.names(all));
            }
        }
        return columns;
    }

    /** Returns {@code all 3 column(s)} or {@code column(s) a, b} for messages. */
    static String scope(List<String> named, List<String> checked) {
        return scope(named.isEmpty(), checked.size(), names(checked));
    }

    /** Returns {@code all 3 column(s)} when no column was named, {@code column(s) <listed>} otherwise. */
    static String scope(boolean all, int count, String listed) {
        return all ? Format.message("all %s column(s)", count) : Format.message("column(s) %s", listed);
    }

    /** Returns the names joined by commas, abbreviated after ten. */
    static String names(List<String> names) {
        if (names.size() <= MAX_NAMES) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, MAX_NAMES)) + ", ... (" + names.size() + " in all)";
    }

    /**
     * Returns whether two rows may be equal: whether two of their 64-bit hashes are. Sorting the hashes reads memory in
     * order, so a data set without duplicates (the usual case) is cleared faster than by indexing every row; equal
     * rows always have equal hashes, so a {@code false} is certain.
     */
    static boolean mayHaveEqualRows(RowKeys keys) {
        long[] sorted = new long[keys.rows()];
        for (int i = 0; i < sorted.length; i++) {
            sorted[i] = keys.hash(i);
        }
        Arrays.parallelSort(sorted);
        for (int i = 1; i < sorted.length; i++) {
            if (sorted[i] == sorted[i - 1]) {
                return true;
            }
        }
        return false;
    }

    /** Returns, for each row, the first row (from 0) equal to it over the keys' columns: itself when it is the first. */
    static int[] firstEqualRows(RowKeys keys) {
        int[] first = new int[keys.rows()];
        if (!mayHaveEqualRows(keys)) {
            Arrays.setAll(first, i -> i);
            return first;
        }
        RowIndex index = new RowIndex(keys);
        for (int i = 0; i < first.length; i++) {
            int earlier = index.findOrAdd(i);
            first[i] = earlier < 0 ? i : earlier;
        }
        return first;
    }

    /**
     * Returns the members (from 0) of the first groups, in row order: {@code groups} are the first rows of the groups
     * wanted, in row order; each list holds at most {@link #MAX_ROWS_PER_GROUP} rows. Rows whose {@code first} is -1
     * belong to no group.
     */
    static List<List<Integer>> members(int[] first, List<Integer> groups) {
        List<List<Integer>> members = new ArrayList<>();
        int[] position = new int[first.length];
        for (int g = 0; g < groups.size(); g++) {
            position[groups.get(g)] = g + 1;
            members.add(new ArrayList<>());
        }
        for (int i = 0; i < first.length; i++) {
            int g = first[i] < 0 ? 0 : position[first[i]];
            if (g > 0 && members.get(g - 1).size() < MAX_ROWS_PER_GROUP) {
                members.get(g - 1).add(i);
            }
        }
        return members;
    }

    /** Returns rows (from 0) as {@code 2, 7, 11} (numbered from 1), noting the total when some are not listed. */
    static String rows(List<Integer> rows, int total) {
        List<String> numbers = new ArrayList<>();
        rows.forEach(r -> numbers.add(Integer.toString(r + 1)));
        return String.join(", ", numbers) + more(rows.size(), total);
    }

    /** Returns {@code , ... (12 rows)} when fewer rows were listed than there are, nothing otherwise. */
    static String more(int listed, int total) {
        return total > listed ? Format.message(", ... (%s rows)", total) : "";
    }

    /** Returns rows already numbered from 1 as a message lists examples: {@code row 3, row 9}. */
    static String exampleRows(List<Integer> rows) {
        List<String> shown = new ArrayList<>();
        rows.forEach(row -> shown.add("row " + row));
        return String.join(", ", shown);
    }

    /** Returns rows (from 0) as a list numbered from 1, for the details of a result. */
    static List<Integer> rowNumbers(List<Integer> rows) {
        List<Integer> numbers = new ArrayList<>();
        rows.forEach(r -> numbers.add(r + 1));
        return numbers;
    }
}
