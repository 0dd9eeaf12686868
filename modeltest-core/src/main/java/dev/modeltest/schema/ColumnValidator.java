package dev.modeltest.schema;

import dev.modeltest.data.ColumnKind;
import dev.modeltest.data.TestData;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
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
 * Checks the rules of one column in one pass over its cells, each rule with its {@link Tally} of violations; {@link
 * SchemaValidator} runs one per column of the schema.
 */
final class ColumnValidator {
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

    ColumnValidator(ColumnRule rule) {
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
            out.add(nullFraction.result(
                    missing + " of " + rows + " row(s) missing (" + Cells.text(round((double) missing / rows)) + ")"));
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
        Matcher matcher =
                rule.regex().isEmpty() ? null : Pattern.compile(rule.regex()).matcher("");
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
        if (values.size() <= SchemaValidator.MAX_LISTED_VALUES) {
            return values.toString();
        }
        return values.subList(0, SchemaValidator.MAX_LISTED_VALUES).toString().replaceFirst("]$", "") + ", ... ("
                + values.size() + " values)]";
    }

    /** Counts the violations of one rule in one column and keeps the first few. */
    static final class Tally {
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
