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
import java.util.function.IntFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.booleans.BooleanColumnType;
import tech.tablesaw.columns.dates.PackedLocalDate;
import tech.tablesaw.columns.datetimes.PackedLocalDateTime;

/**
 * Checks a data set against a schema, one column at a time, on the column arrays {@link TestData} hands out: no
 * per-row objects are made except the few violations kept as examples.
 */
final class SchemaValidator {

    /** How many allowed values a rule label lists before it abbreviates. */
    private static final int MAX_LISTED_VALUES = 10;

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
                new ColumnCheck(rule).run(data, failures);
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

    /** The rules of one column, each with its tally of violations. */
    private static final class ColumnCheck {
        private final ColumnRule rule;
        private final String column;
        private final SchemaType type;
        private final Tally typeTally;
        private final Tally nulls;
        private final Tally nullFraction;
        private final Tally below;
        private final Tally above;
        private final Tally outside;
        private final Tally mismatch;
        private final Tally repeats;
        private final Tally extra;
        private Distinct distinct;
        private long missing;
        private int rows;

        ColumnCheck(ColumnRule rule) {
            this.rule = rule;
            this.column = rule.column();
            this.type = rule.type();
            String min = Cells.text(type, rule.min());
            String max = Cells.text(type, rule.max());
            String allowed = listed(rule.allowed());
            String regex = "regex '" + rule.regex() + "'";
            String fraction = Cells.text(rule.maxNullFraction());
            typeTally = new Tally(column, "type", "type " + type.displayName(), "is not " + type.withArticle());
            nulls = new Tally(column, "nullable", "nullable false", "missing, but the column is not nullable");
            nullFraction = new Tally(
                    column,
                    "maxNullFraction",
                    "maxNullFraction " + fraction,
                    "missing; the column allows at most a fraction " + fraction + " of missing cells");
            below = new Tally(column, "min", "min " + min, "is below min " + min);
            above = new Tally(column, "max", "max " + max, "is above max " + max);
            outside = new Tally(column, "allowed", "allowed " + allowed, "is not in allowed " + allowed);
            mismatch = new Tally(column, "regex", regex, "does not match " + regex);
            repeats = new Tally(column, "unique", "unique true", "repeats an earlier value");
            extra = new Tally(
                    column,
                    "maxCardinality",
                    "maxCardinality " + rule.maxCardinality(),
                    "is a distinct value beyond maxCardinality " + rule.maxCardinality());
        }

        void run(TestData data, List<RuleViolations> out) {
            rows = data.rowCount();
            // A unique column is expected to hold as many values as rows: size the table once instead of growing it.
            if (rule.unique() || rule.hasMaxCardinality()) {
                distinct = new Distinct(rule.unique() ? rows : 0);
            }
            ColumnKind kind = data.kind(column);
            switch (type) {
                case INTEGER, DOUBLE -> numbers(data, kind);
                case BOOLEAN -> booleans(data);
                case DATE, DATETIME -> temporals(data);
                case STRING -> texts(data, kind);
            }
            for (Tally tally : List.of(typeTally, nulls)) {
                tally.report(out);
            }
            if (rule.hasMaxNullFraction() && (double) missing / rows > rule.maxNullFraction()) {
                out.add(nullFraction.result(missing + " of " + rows + " row(s) missing ("
                        + Cells.text(round((double) missing / rows)) + ")"));
            }
            for (Tally tally : List.of(below, above, outside, mismatch, repeats)) {
                tally.report(out);
            }
            if (extra.count > 0) {
                out.add(extra.result(distinct.size() + " distinct value(s), " + extra.count + " more than allowed"));
            }
        }

        private void numbers(TestData data, ColumnKind kind) {
            boolean integer = type == SchemaType.INTEGER;
            double[] allowed = allowedValues();
            if (kind.isNumeric()) {
                double[] values = data.doubles(column);
                IntFunction<String> shown = i -> Cells.text(values[i]);
                // Integer columns read as decimals pass when every value is whole; only the fractions are reported.
                boolean wholeOnly = integer && kind != ColumnKind.INTEGER;
                for (int i = 0; i < values.length; i++) {
                    double value = values[i];
                    if (Double.isNaN(value)) {
                        missing(i);
                        continue;
                    }
                    if (wholeOnly && !Cells.isWhole(value)) {
                        typeTally.number(i, value);
                    }
                    bounds(i, value, allowed, shown, false);
                }
                if (distinct != null && !distinctRulesHold(values)) {
                    for (int i = 0; i < values.length; i++) {
                        if (!Double.isNaN(values[i])) {
                            distinct(i, values[i], shown, false);
                        }
                    }
                }
                return;
            }
            // Read as text because some cells are not numbers: report those cells, check the rest as numbers.
            String[] cells = data.strings(column);
            IntFunction<String> shown = i -> Cells.text(Cells.parseCellNumber(cells[i]));
            for (int i = 0; i < cells.length; i++) {
                String cell = cells[i];
                if (cell == null) {
                    missing(i);
                    continue;
                }
                double value = Cells.parseCellNumber(cell);
                if (Double.isNaN(value)) {
                    typeTally.text(i, cell);
                    continue;
                }
                if (integer && !Cells.isWhole(value)) {
                    typeTally.text(i, cell);
                }
                bounds(i, value, allowed, shown, false);
                distinct(i, value, shown, false);
            }
        }

        /**
         * Checks dates and datetimes on their epoch values. A column the loader already read as dates (or datetimes)
         * is read from Tablesaw's packed values, without parsing; any other column is read as text, and each cell must
         * then be an ISO date (or datetime).
         */
        private void temporals(TestData data) {
            double[] allowed = allowedValues();
            Column<?> c = data.table().column(column);
            if (type == SchemaType.DATE && c instanceof DateColumn dates) {
                IntFunction<String> shown = dates::getString;
                for (int i = 0; i < dates.size(); i++) {
                    if (dates.isMissing(i)) {
                        missing(i);
                        continue;
                    }
                    double day = PackedLocalDate.toEpochDay(dates.getIntInternal(i));
                    bounds(i, day, allowed, shown, true);
                    distinct(i, day, shown, true);
                }
                return;
            }
            if (type == SchemaType.DATETIME && c instanceof DateTimeColumn times) {
                IntFunction<String> shown = times::getString;
                for (int i = 0; i < times.size(); i++) {
                    if (times.isMissing(i)) {
                        missing(i);
                        continue;
                    }
                    double micros = Temporal.micros(PackedLocalDateTime.asLocalDateTime(times.getLongInternal(i)));
                    bounds(i, micros, allowed, shown, true);
                    distinct(i, micros, shown, true);
                }
                return;
            }
            String[] cells = data.strings(column);
            IntFunction<String> shown = i -> cells[i];
            for (int i = 0; i < cells.length; i++) {
                String cell = cells[i];
                if (cell == null) {
                    missing(i);
                    continue;
                }
                double value = type == SchemaType.DATE ? Temporal.parseDate(cell) : Temporal.parseDateTime(cell);
                if (Double.isNaN(value)) {
                    typeTally.text(i, cell);
                    continue;
                }
                bounds(i, value, allowed, shown, true);
                distinct(i, value, shown, true);
            }
        }

        private void bounds(int i, double value, double[] allowed, IntFunction<String> shown, boolean quoted) {
            if (value < rule.min()) {
                below.value(i, shown, quoted);
            }
            if (value > rule.max()) {
                above.value(i, shown, quoted);
            }
            // + 0.0 turns -0.0 into 0.0, which binarySearch would otherwise tell apart.
            if (allowed != null && Arrays.binarySearch(allowed, value + 0.0) < 0) {
                outside.value(i, shown, quoted);
            }
        }

        /**
         * Decides {@code unique} and {@code maxCardinality} on a sorted copy of the numbers. Sorting reads memory in
         * order, where a hash table of a million values jumps around it, so a column that keeps the rules (the usual
         * case) is passed about twice as fast; only a column that breaks one is hashed to find the rows.
         */
        private boolean distinctRulesHold(double[] values) {
            double[] sorted = new double[values.length - (int) missing];
            int k = 0;
            for (double value : values) {
                if (!Double.isNaN(value)) {
                    sorted[k++] = value + 0.0;
                }
            }
            Arrays.parallelSort(sorted);
            long count = sorted.length == 0 ? 0 : 1;
            for (int i = 1; i < sorted.length; i++) {
                if (sorted[i] != sorted[i - 1]) {
                    count++;
                }
            }
            return (!rule.unique() || count == sorted.length)
                    && (!rule.hasMaxCardinality() || count <= rule.maxCardinality());
        }

        private void distinct(int i, double value, IntFunction<String> shown, boolean quoted) {
            if (distinct != null) {
                seen(i, distinct.add(i, value), shown, quoted);
            }
        }

        private void distinct(int i, String value, IntFunction<String> shown) {
            if (distinct != null) {
                seen(i, distinct.add(i, value), shown, true);
            }
        }

        private void seen(int i, int first, IntFunction<String> shown, boolean quoted) {
            if (first >= 0) {
                if (rule.unique()) {
                    repeats.repeat(i, first, shown, quoted);
                }
            } else if (rule.hasMaxCardinality() && distinct.size() > rule.maxCardinality()) {
                extra.value(i, shown, quoted);
            }
        }

        /** Returns the allowed values of a numeric or temporal column as sorted epoch values or numbers. */
        private double[] allowedValues() {
            if (rule.allowed().isEmpty()) {
                return null;
            }
            double[] values = new double[rule.allowed().size()];
            for (int i = 0; i < values.length; i++) {
                values[i] = Cells.parseSchemaValue(type, rule.allowed().get(i)) + 0.0;
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
            if (data.table().column(column) instanceof BooleanColumn read) {
                // Read as booleans by the loader: every cell is one already, no text to parse.
                IntFunction<String> shown = read::getString;
                for (int i = 0; i < rows; i++) {
                    if (read.isMissing(i)) {
                        missing(i);
                        continue;
                    }
                    boolean value = read.getByte(i) == BooleanColumnType.BYTE_TRUE;
                    if (!(value ? allowTrue : allowFalse)) {
                        outside.value(i, shown, true);
                    }
                    distinct(i, value ? 1 : 0, shown, true);
                }
                return;
            }
            String[] cells = data.strings(column);
            IntFunction<String> shown = i -> cells[i];
            for (int i = 0; i < cells.length; i++) {
                String cell = cells[i];
                if (cell == null) {
                    missing(i);
                    continue;
                }
                Boolean value = Cells.parseCellBoolean(cell);
                if (value == null) {
                    typeTally.text(i, cell);
                    continue;
                }
                if (!(value ? allowTrue : allowFalse)) {
                    outside.text(i, cell);
                }
                distinct(i, value ? 1 : 0, shown, true);
            }
        }

        private void texts(TestData data, ColumnKind kind) {
            Set<String> allowed = rule.allowed().isEmpty() ? null : new HashSet<>(rule.allowed());
            Matcher matcher = rule.regex().isEmpty()
                    ? null
                    : Pattern.compile(rule.regex()).matcher("");
            if (allowed == null && matcher == null && kind.isNumeric()) {
                // Only missing cells and repeats can break the rules: the numbers need not be printed as text. Two
                // numbers print as the same text exactly when they are equal, so repeats are found on the numbers.
                double[] values = data.doubles(column);
                IntFunction<String> shown = i -> Cells.text(values[i]);
                for (int i = 0; i < values.length; i++) {
                    if (Double.isNaN(values[i])) {
                        missing(i);
                    } else {
                        distinct(i, values[i], shown, true);
                    }
                }
                return;
            }
            String[] cells = data.strings(column);
            IntFunction<String> shown = i -> cells[i];
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
                distinct(i, cell, shown);
            }
        }

        private void missing(int i) {
            missing++;
            if (!rule.nullable()) {
                nulls.missing(i);
            } else if (rule.hasMaxNullFraction()) {
                nullFraction.missing(i);
            }
        }

        private static double round(double fraction) {
            return Math.round(fraction * 10_000) / 10_000.0;
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
            add(index, "", null, complaint);
        }

        void text(int index, String value) {
            if (keeping()) {
                String quoted = "'" + value + "'";
                add(index, value, quoted, quoted + " " + complaint);
            } else {
                count++;
            }
        }

        void number(int index, double value) {
            if (keeping()) {
                String text = Cells.text(value);
                add(index, text, text, text + " " + complaint);
            } else {
                count++;
            }
        }

        /** Counts a cell, printing it only when it is kept as an example. */
        void value(int index, IntFunction<String> shown, boolean quoted) {
            if (keeping()) {
                String text = shown.apply(index);
                String display = quoted ? "'" + text + "'" : text;
                add(index, text, display, display + " " + complaint);
            } else {
                count++;
            }
        }

        /** Counts a cell whose value row {@code first} (from 0) already holds. */
        void repeat(int index, int first, IntFunction<String> shown, boolean quoted) {
            if (keeping()) {
                String text = shown.apply(index);
                String display = quoted ? "'" + text + "'" : text;
                int firstRow = first + 1;
                add(
                        index,
                        text,
                        display + " (as row " + firstRow + ")",
                        display + " repeats the value of row " + firstRow + ", but the column is unique");
            } else {
                count++;
            }
        }

        private boolean keeping() {
            return examples.size() < RuleViolations.MAX_EXAMPLES;
        }

        /** Counts a violation and keeps it when fewer than the maximum are kept; {@code display} null = no value. */
        private void add(int index, String value, String display, String sentence) {
            count++;
            if (!keeping()) {
                return;
            }
            int row = index + 1;
            examples.add(new SchemaViolation(
                    column, rule, row, value, "column '" + column + "', row " + row + ": " + sentence));
            shown.add(display == null ? "row " + row : "row " + row + ": " + display);
        }

        void report(List<RuleViolations> out) {
            if (count > 0) {
                out.add(result(count + " row(s)"));
            }
        }

        RuleViolations result(String head) {
            return new RuleViolations(
                    column, rule, label, count, head + ", e.g. " + String.join(", ", shown), examples);
        }
    }
}
