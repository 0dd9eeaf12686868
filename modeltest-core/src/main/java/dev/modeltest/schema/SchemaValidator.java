package dev.modeltest.schema;

import dev.modeltest.data.ColumnKind;
import dev.modeltest.data.TestData;
import dev.modeltest.internal.Names;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Checks a data set against a schema, one column at a time, on the column arrays {@link TestData} hands out: no
 * per-row objects are made except the few violations kept as examples.
 */
final class SchemaValidator {

    /** How many allowed values a rule label lists before it abbreviates. */
    private static final int MAX_LISTED_VALUES = 10;

    private SchemaValidator() {}

    static SchemaValidation validate(Schema schema, TestData data) {
        Objects.requireNonNull(data, "data");
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
        List<String> absent = new ArrayList<>();
        for (String column : declared) {
            if (!data.hasColumn(column)) {
                absent.add(column);
            }
        }
        List<RuleViolations> failures = new ArrayList<>();
        for (ColumnRule rule : schema.columns()) {
            String column = rule.column();
            if (data.hasColumn(column)) {
                new ColumnCheck(rule).run(data, failures);
            } else {
                String hint = Names.didYouMean(column, undeclared);
                failures.add(columnLevel(
                        column,
                        SchemaViolation.MISSING_COLUMN,
                        "not in the data set" + hint,
                        "column '" + column + "' is in schema " + schema.name() + " but not in data set " + data.name()
                                + hint));
            }
        }
        for (String column : undeclared) {
            String hint = Names.didYouMean(column, absent);
            failures.add(columnLevel(
                    column,
                    SchemaViolation.UNKNOWN_COLUMN,
                    "not in the schema" + hint,
                    "column '" + column + "' is in data set " + data.name() + " but not in schema " + schema.name()
                            + hint));
        }
        return new SchemaValidation(schema.name(), data.name(), data.rowCount(), failures);
    }

    private static RuleViolations columnLevel(String column, String rule, String summary, String message) {
        return new RuleViolations(
                column, rule, rule, 1, summary, List.of(new SchemaViolation(column, rule, 0, "", message)));
    }

    /** The rules of one column, each with its tally of violations. */
    private static final class ColumnCheck {
        private final ColumnRule rule;
        private final String column;
        private final Tally type;
        private final Tally nulls;
        private final Tally below;
        private final Tally above;
        private final Tally outside;
        private final Tally mismatch;

        ColumnCheck(ColumnRule rule) {
            this.rule = rule;
            this.column = rule.column();
            String min = Cells.text(rule.min());
            String max = Cells.text(rule.max());
            String allowed = listed(rule.allowed());
            String regex = "regex '" + rule.regex() + "'";
            type = new Tally(
                    column, "type", "type " + rule.type().displayName(), "is not " + ColumnRule.article(rule.type()));
            nulls = new Tally(column, "nullable", "nullable false", "missing, but the column is not nullable");
            below = new Tally(column, "min", "min " + min, "is below min " + min);
            above = new Tally(column, "max", "max " + max, "is above max " + max);
            outside = new Tally(column, "allowed", "allowed " + allowed, "is not in allowed " + allowed);
            mismatch = new Tally(column, "regex", regex, "does not match " + regex);
        }

        void run(TestData data, List<RuleViolations> out) {
            ColumnKind kind = data.kind(column);
            switch (rule.type()) {
                case INTEGER, DOUBLE -> numbers(data, kind);
                case BOOLEAN -> booleans(data);
                default -> texts(data, kind);
            }
            for (Tally tally : List.of(type, nulls, below, above, outside, mismatch)) {
                if (tally.count > 0) {
                    out.add(tally.result());
                }
            }
        }

        private void numbers(TestData data, ColumnKind kind) {
            boolean integer = rule.type() == ColumnKind.INTEGER;
            double[] allowed = allowedNumbers();
            if (kind.isNumeric()) {
                double[] values = data.doubles(column);
                // Integer columns read as decimals pass when every value is whole; only the fractions are reported.
                boolean wholeOnly = integer && kind != ColumnKind.INTEGER;
                for (int i = 0; i < values.length; i++) {
                    double value = values[i];
                    if (Double.isNaN(value)) {
                        missing(i);
                        continue;
                    }
                    if (wholeOnly && !Cells.isWhole(value)) {
                        type.number(i, value);
                    }
                    bounds(i, value, allowed);
                }
                return;
            }
            // Read as text because some cells are not numbers: report those cells, check the rest as numbers.
            String[] cells = data.strings(column);
            for (int i = 0; i < cells.length; i++) {
                String cell = cells[i];
                if (cell == null) {
                    missing(i);
                    continue;
                }
                double value = Cells.parseCellNumber(cell);
                if (Double.isNaN(value)) {
                    type.text(i, cell);
                    continue;
                }
                if (integer && !Cells.isWhole(value)) {
                    type.text(i, cell);
                }
                bounds(i, value, allowed);
            }
        }

        private void bounds(int i, double value, double[] allowed) {
            if (value < rule.min()) {
                below.number(i, value);
            }
            if (value > rule.max()) {
                above.number(i, value);
            }
            // + 0.0 turns -0.0 into 0.0, which binarySearch would otherwise tell apart.
            if (allowed != null && Arrays.binarySearch(allowed, value + 0.0) < 0) {
                outside.number(i, value);
            }
        }

        private double[] allowedNumbers() {
            if (rule.allowed().isEmpty()) {
                return null;
            }
            double[] values = new double[rule.allowed().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = Cells.parseYamlNumber(rule.allowed().get(i)) + 0.0;
            }
            Arrays.sort(values);
            return values;
        }

        private void booleans(TestData data) {
            boolean allowTrue = rule.allowed().isEmpty();
            boolean allowFalse = allowTrue;
            for (String text : rule.allowed()) {
                if (Cells.parseYamlBoolean(text)) {
                    allowTrue = true;
                } else {
                    allowFalse = true;
                }
            }
            String[] cells = data.strings(column);
            for (int i = 0; i < cells.length; i++) {
                String cell = cells[i];
                if (cell == null) {
                    missing(i);
                    continue;
                }
                Boolean value = Cells.parseCellBoolean(cell);
                if (value == null) {
                    type.text(i, cell);
                } else if (!(value ? allowTrue : allowFalse)) {
                    outside.text(i, cell);
                }
            }
        }

        private void texts(TestData data, ColumnKind kind) {
            Set<String> allowed = rule.allowed().isEmpty() ? null : new HashSet<>(rule.allowed());
            Matcher matcher = rule.regex().isEmpty()
                    ? null
                    : Pattern.compile(rule.regex()).matcher("");
            if (allowed == null && matcher == null && kind.isNumeric()) {
                // Only missing cells can break the rules: the numbers need not be printed as text.
                double[] values = data.doubles(column);
                for (int i = 0; i < values.length; i++) {
                    if (Double.isNaN(values[i])) {
                        missing(i);
                    }
                }
                return;
            }
            String[] cells = data.strings(column);
            for (int i = 0; i < cells.length; i++) {
                String cell = cells[i];
                if (cell == null) {
                    missing(i);
                    continue;
                }
                if (allowed != null && !allowed.contains(cell)) {
                    outside.text(i, cell);
                }
                if (matcher != null && !matcher.reset(cell).matches()) {
                    mismatch.text(i, cell);
                }
            }
        }

        private void missing(int i) {
            if (!rule.nullable()) {
                nulls.missing(i);
            }
        }

        private static String listed(List<String> values) {
            if (values.size() <= MAX_LISTED_VALUES) {
                return values.toString();
            }
            return values.subList(0, MAX_LISTED_VALUES).toString().replaceFirst("]$", "") + ", ... (" + values.size()
                    + " values)]";
        }
    }

    /** Counts the violations of one rule in one column and keeps the first few. */
    private static final class Tally {
        private final String column;
        private final String rule;
        private final String label;
        private final String complaint;
        private final List<SchemaViolation> examples = new ArrayList<>();
        private final List<String> shown = new ArrayList<>();
        private long count;

        Tally(String column, String rule, String label, String complaint) {
            this.column = column;
            this.rule = rule;
            this.label = label;
            this.complaint = complaint;
        }

        void missing(int index) {
            add(index, "", null);
        }

        void text(int index, String value) {
            if (keeping()) {
                add(index, value, "'" + value + "'");
            } else {
                count++;
            }
        }

        void number(int index, double value) {
            if (keeping()) {
                String text = Cells.text(value);
                add(index, text, text);
            } else {
                count++;
            }
        }

        private boolean keeping() {
            return examples.size() < RuleViolations.MAX_EXAMPLES;
        }

        private void add(int index, String value, String display) {
            count++;
            if (!keeping()) {
                return;
            }
            int row = index + 1;
            String what = display == null ? complaint : display + " " + complaint;
            examples.add(
                    new SchemaViolation(column, rule, row, value, "column '" + column + "', row " + row + ": " + what));
            shown.add(display == null ? "row " + row : "row " + row + ": " + display);
        }

        RuleViolations result() {
            String summary = count + " row(s), e.g. " + String.join(", ", shown);
            return new RuleViolations(column, rule, label, count, summary, examples);
        }
    }
}
