package dev.modeltest.schema;

import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * All violations of one rule in one column: how many there are, and the first few.
 *
 * @param column the column; empty for a rule about the whole table
 * @param rule the rule's identifier, as in {@link SchemaViolation#rule()}
 * @param label the rule as the schema file states it, e.g. {@code max 10} or {@code allowed [setosa, virginica]}
 * @param count how many rows break the rule (1 for a column-level rule)
 * @param summary a short account for a report line, e.g. {@code 3 row(s), e.g. row 4: 12.5, row 9: 11} or {@code not
 *     in the schema}
 * @param examples the first violations, in row order, at most {@value #MAX_EXAMPLES}
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record RuleViolations(
        String column, String rule, String label, long count, String summary, List<SchemaViolation> examples) {

    /** How many violations of a rule in a column are kept as examples; all are counted. */
    public static final int MAX_EXAMPLES = 5;

    public RuleViolations {
        Objects.requireNonNull(column, "column");
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(summary, "summary");
        examples = List.copyOf(examples);
        if (count < examples.size()) {
            throw new IllegalArgumentException("count " + count + " is below the " + examples.size() + " examples");
        }
    }

    /**
     * Returns the report line, e.g. {@code column 'sepal_length', max 10: 3 row(s), e.g. row 4: 12.5, row 9: 11, row
     * 17: 10.2}, or for a table rule {@code table, rows at least 100: the data set has 30 row(s)}.
     */
    public String describe() {
        return (column.isEmpty() ? "table" : "column '" + column + "'") + ", " + label + ": " + summary;
    }

    @Override
    public String toString() {
        return describe();
    }
}
