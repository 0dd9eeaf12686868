package dev.modeltest.drift;

import dev.modeltest.data.ColumnKind;
import dev.modeltest.data.TestData;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Finds the columns that identify rows rather than describe them (a customer id, a UUID, a row number), which a drift
 * check compares by default only to report, on every run, that the new ids are not the old ones.
 */
final class IdentifierColumns {

    /** Fewer rows than this are not judged unique: a small sample of any column can be. */
    static final int MIN_ROWS_FOR_UNIQUE = 20;

    /** {@code id}, {@code uuid}, {@code guid}, {@code customer_id}, {@code id_customer}, {@code row-id}. */
    private static final Pattern NAME = Pattern.compile("(id|uuid|guid)|.*[_-](id|uuid|guid)|(id|uuid|guid)[_-].*");

    private IdentifierColumns() {}

    /**
     * Returns the identifier-like columns among {@code columns} with the reason each is one, in their order: named like
     * an identifier ({@code id}, {@code *_id}, camel-case {@code customerId}, {@code uuid}...), or text or whole
     * numbers unique per row of the test data (at least {@value #MIN_ROWS_FOR_UNIQUE} rows, none missing).
     */
    static Map<String, String> find(TestData data, List<String> columns) {
        Map<String, String> found = new LinkedHashMap<>();
        for (String column : columns) {
            if (NAME.matcher(column.toLowerCase(Locale.ROOT)).matches() || column.matches(".*[a-z0-9]Id")) {
                found.put(column, "named like an identifier");
            } else if (uniquePerRow(data, column)) {
                found.put(column, "unique per row");
            }
        }
        return found;
    }

    private static boolean uniquePerRow(TestData data, String column) {
        ColumnKind kind = data.kind(column);
        if ((kind != ColumnKind.STRING && kind != ColumnKind.INTEGER) || data.rowCount() < MIN_ROWS_FOR_UNIQUE) {
            return false;
        }
        var categories = data.categories(column);
        if (categories.names().size() != data.rowCount()) {
            return false;
        }
        for (int code : categories.codes()) {
            if (code < 0) {
                return false;
            }
        }
        return true;
    }
}
