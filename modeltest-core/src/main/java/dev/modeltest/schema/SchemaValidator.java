package dev.modeltest.schema;

import dev.modeltest.data.TestData;
import dev.modeltest.internal.Names;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Checks a data set against a schema, one column at a time, on the column arrays {@link TestData} hands out: no
 * per-row objects are made except the few violations kept as examples.
 */
final class SchemaValidator {

    /** How many allowed values a rule label lists before it abbreviates. */
    static final int MAX_LISTED_VALUES = 10;

    /** How many column names an ordering message lists before it abbreviates. */
    private static final int MAX_LISTED_COLUMNS = 10;

    private SchemaValidator() {}

    static SchemaValidation validate(Schema schema, TestData data) {
        Objects.requireNonNull(data, "data");
        TableRule table = schema.table();
        Set<String> declared = new LinkedHashSet<>();
        for (ColumnRule rule : schema.columns()) {
            declared.add(rule.column());
        }
        List<String> undeclared = new ArrayList<>();
        for (String column : data.columnNames()) {
            if (!declared.contains(column)) {
                undeclared.add(column);
            }
        }
        // Exact names: TestData.hasColumn follows Tablesaw, which ignores case, but schema names are case-sensitive.
        Set<String> present = new HashSet<>(data.columnNames());
        List<String> absent = new ArrayList<>();
        for (String column : declared) {
            if (!present.contains(column)) {
                absent.add(column);
            }
        }
        List<RuleViolations> failures = new ArrayList<>();
        rowCount(schema, data, failures);
        for (ColumnRule rule : schema.columns()) {
            String column = rule.column();
            if (present.contains(column)) {
                new ColumnValidator(rule).run(data, failures);
            } else {
                String hint = Names.didYouMean(column, undeclared);
                failures.add(columnLevel(
                        column,
                        SchemaViolation.MISSING_COLUMN,
                        SchemaViolation.MISSING_COLUMN,
                        "not in the data set" + hint,
                        "column '" + column + "' is in schema " + schema.name() + " but not in data set " + data.name()
                                + hint));
            }
        }
        if (table.columns() == TableRule.ColumnSet.EXACT) {
            for (String column : undeclared) {
                String hint = Names.didYouMean(column, absent);
                failures.add(columnLevel(
                        column,
                        SchemaViolation.UNKNOWN_COLUMN,
                        SchemaViolation.UNKNOWN_COLUMN,
                        "not in the schema" + hint,
                        "column '" + column + "' is in data set " + data.name() + " but not in schema " + schema.name()
                                + hint));
            }
        }
        if (table.ordered()) {
            columnOrder(schema, data, failures);
        }
        return new SchemaValidation(schema.name(), data.name(), data.rowCount(), failures);
    }

    private static void rowCount(Schema schema, TestData data, List<RuleViolations> failures) {
        TableRule table = schema.table();
        long rows = data.rowCount();
        if (!table.hasRowBounds() || (rows >= table.minRows() && rows <= table.maxRows())) {
            return;
        }
        String bounds = !table.hasMaxRows()
                ? "at least " + table.minRows()
                : !table.hasMinRows()
                        ? "at most " + table.maxRows()
                        : "between " + table.minRows() + " and " + table.maxRows();
        failures.add(columnLevel(
                "",
                SchemaViolation.ROWS,
                "rows " + bounds,
                "the data set has " + rows + " row(s)",
                "data set " + data.name() + " has " + rows + " row(s), but schema " + schema.name() + " asks for "
                        + bounds));
    }

    /** Compares the order of the columns both sides have: the data's must be the schema's. */
    private static void columnOrder(Schema schema, TestData data, List<RuleViolations> failures) {
        Set<String> present = new HashSet<>(data.columnNames());
        List<String> expected = new ArrayList<>();
        for (ColumnRule rule : schema.columns()) {
            if (present.contains(rule.column())) {
                expected.add(rule.column());
            }
        }
        List<String> actual = new ArrayList<>();
        for (String column : data.columnNames()) {
            if (expected.contains(column)) {
                actual.add(column);
            }
        }
        for (int k = 0; k < actual.size(); k++) {
            if (!actual.get(k).equals(expected.get(k))) {
                String early = actual.get(k);
                String summary = "'" + early + "' comes before '" + expected.get(k) + "', unlike in the schema;"
                        + " the declared columns come in the order " + abbreviated(actual);
                failures.add(columnLevel(
                        "",
                        SchemaViolation.ORDERED,
                        "ordered true",
                        summary,
                        "data set " + data.name() + ": column '" + early + "' comes before '" + expected.get(k)
                                + "', but schema " + schema.name() + " orders the columns " + abbreviated(expected)));
                return;
            }
        }
    }

    private static String abbreviated(List<String> names) {
        if (names.size() <= MAX_LISTED_COLUMNS) {
            return String.join(", ", names);
        }
        return String.join(", ", names.subList(0, MAX_LISTED_COLUMNS)) + ", ... (" + names.size() + " columns)";
    }

    private static RuleViolations columnLevel(
            String column, String rule, String label, String summary, String message) {
        return new RuleViolations(
                column, rule, label, 1, summary, List.of(new SchemaViolation(column, rule, 0, "", message)));
    }
}
