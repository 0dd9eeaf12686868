package dev.modeltest.schema;

import java.util.Objects;
import org.apiguardian.api.API;

/**
 * One place where the data breaks a schema rule: a cell, or a whole column.
 *
 * @param column the column; empty when the rule is about the whole table ({@code rows}, {@code ordered})
 * @param rule the rule broken: {@code rows}, {@code missing-column}, {@code unknown-column}, {@code ordered}, {@code
 *     type}, {@code nullable}, {@code maxNullFraction}, {@code min}, {@code max}, {@code allowed}, {@code regex},
 *     {@code unique} or {@code maxCardinality}
 * @param row the row, numbered from 1 (row 1 is the first data row); 0 when the whole column or table is at fault
 * @param value the offending cell as text; empty for a missing cell or a column-level violation
 * @param message a sentence that stands on its own, e.g. {@code column 'sepal_length', row 4: 12.5 is above max 10}
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record SchemaViolation(String column, String rule, int row, String value, String message) {

    /** The rule of a schema column that is not in the data. */
    public static final String MISSING_COLUMN = "missing-column";

    /** The rule of a data column that is not in the schema. */
    public static final String UNKNOWN_COLUMN = "unknown-column";

    /** The rule of a data set whose row count is outside the schema's {@code table: rows} range. */
    public static final String ROWS = "rows";

    /** The rule of a data set whose columns are not in the order of the schema, when {@code table: ordered}. */
    public static final String ORDERED = "ordered";

    public SchemaViolation {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(message, "message");
        if (row < 0) {
            throw new IllegalArgumentException("row must be 0 (the whole column) or a row number from 1, was " + row);
        }
    }

    /** Returns whether the whole column (or the table) is at fault rather than one cell. */
    public boolean columnLevel() {
        return row == 0;
    }

    @Override
    public String toString() {
        return message;
    }
}
