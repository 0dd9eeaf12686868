package dev.modeltest.schema;

import java.util.Locale;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The rules a schema sets for the data set as a whole, from the file's {@code table:} section.
 *
 * @param minRows the fewest data rows allowed, inclusive; 0 when there is no lower bound
 * @param maxRows the most data rows allowed, inclusive; {@link Long#MAX_VALUE} when there is no upper bound
 * @param columns whether the data may have columns the schema does not declare
 * @param ordered whether the declared columns must appear in the data in the schema's order
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record TableRule(long minRows, long maxRows, ColumnSet columns, boolean ordered) {

    /** The rules of a schema without a {@code table:} section: any row count, exact columns, any order. */
    public static final TableRule DEFAULT = new TableRule(0, Long.MAX_VALUE, ColumnSet.EXACT, false);

    /**
     * Checks that the rules fit together.
     *
     * @throws IllegalArgumentException when a bound is negative or {@code maxRows} is below {@code minRows}
     */
    public TableRule {
        Objects.requireNonNull(columns, "columns");
        if (minRows < 0) {
            throw new ColumnRule.Invalid("min", "'min' must be a whole number of at least 0, was " + minRows);
        }
        if (maxRows < minRows) {
            throw new ColumnRule.Invalid("max", "'max' must not be below 'min' (" + minRows + "), was " + maxRows);
        }
    }

    /** Returns whether the row count has a lower bound. */
    public boolean hasMinRows() {
        return minRows > 0;
    }

    /** Returns whether the row count has an upper bound. */
    public boolean hasMaxRows() {
        return maxRows != Long.MAX_VALUE;
    }

    /** Returns whether the row count is bounded at all. */
    public boolean hasRowBounds() {
        return hasMinRows() || hasMaxRows();
    }

    /**
     * Which columns the data may have besides the schema's.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
    public enum ColumnSet {
        /** Every data column must be declared, and every declared column must be in the data. */
        EXACT,
        /** Every declared column must be in the data; the data may have more. */
        SUPERSET;

        /** Returns the lower-case name used in schema files, e.g. {@code superset}. */
        public String displayName() {
            return name().toLowerCase(Locale.ROOT);
        }
    }
}
