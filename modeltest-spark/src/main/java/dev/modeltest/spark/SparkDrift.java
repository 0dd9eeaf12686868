package dev.modeltest.spark;

import dev.modeltest.check.CheckResult;
import dev.modeltest.drift.DriftCheck;
import dev.modeltest.drift.DriftOptions;
import dev.modeltest.drift.ValueCounts;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;

/**
 * Drift on Spark: each compared column of both Datasets counted per distinct value ({@code groupBy(column,
 * value).count()}), the counts handed to core's {@link DriftCheck#evaluate(String, ValueCounts, ValueCounts, List, DriftOptions)}.
 */
final class SparkDrift {

    private SparkDrift() {}

    /** A compared column: counted as numbers when both sides hold numbers, else as text. */
    private record Compared(String name, boolean numbers) {}

    static CheckResult evaluate(
            String where,
            Dataset<Row> reference,
            String referenceName,
            Dataset<Row> current,
            String currentName,
            List<String> columns,
            DriftOptions options) {
        DriftOptions validated = options.validate(where);
        List<String> names = List.copyOf(new LinkedHashSet<>(columns));
        if (names.isEmpty()) {
            throw ConfigurationException.badAttribute(where, "columns", "must name the columns to compare", "{}");
        }
        String referenceWhat = "the reference " + referenceName;
        String currentWhat = "data set " + currentName;
        List<Compared> compared = new ArrayList<>();
        for (String column : names) {
            DataType a = type(where, reference, referenceWhat, referenceName, column);
            DataType b = type(where, current, currentWhat, currentName, column);
            boolean numbers = a instanceof NumericType && b instanceof NumericType;
            if (validated.method().needsNumbers() && !numbers) {
                boolean referenceText = !(a instanceof NumericType);
                throw new ConfigurationException(
                        where + ": method " + validated.method().name()
                                + " compares numbers, but column '" + column + "' of "
                                + (referenceText ? referenceName : currentName) + " holds "
                                + ((referenceText ? a : b) instanceof org.apache.spark.sql.types.BooleanType
                                        ? "boolean"
                                        : "string")
                                + " values; use CHI_SQUARE, PSI, JENSEN_SHANNON or AUTO for it");
            }
            compared.add(new Compared(column, numbers));
        }
        ValueCounts referenceCounts = count(where, reference, referenceWhat, referenceName, compared);
        ValueCounts currentCounts = count(where, current, currentWhat, currentName, compared);
        return DriftCheck.evaluate(where, referenceCounts, currentCounts, names, validated);
    }

    /** Returns a compared column's type, failing before any job when it is missing or holds no comparable values. */
    private static DataType type(String where, Dataset<Row> data, String what, String name, String column) {
        DataType type;
        try {
            type = SparkColumns.require(data, what, column, "compared");
        } catch (ConfigurationException e) {
            throw new ConfigurationException(where + ": " + e.getMessage(), e);
        }
        if (SparkColumns.temporal(type)) {
            throw new ConfigurationException(where + ": column '" + column + "' of " + name
                    + " holds dates or times; drift compares numbers and categories, so leave it out of 'columns' or"
                    + " store it as a number");
        }
        if (SparkColumns.kind(type).equals("other")) {
            throw new ConfigurationException(where + ": column '" + column + "' of " + name + " holds "
                    + type.simpleString() + "; drift compares numbers, text and booleans");
        }
        return type;
    }

    /**
     * Counts one Dataset: its rows (failing when there is none) and each column's values, in one aggregate job, then
     * every column's distinct values in one more: each row spread into one (column, value) entry per compared column,
     * {@code groupBy(column, value).count()}, whose result (one row per column and distinct value) comes to the driver.
     */
    private static ValueCounts count(
            String where, Dataset<Row> data, String what, String name, List<Compared> compared) {
        List<Column> totals = new ArrayList<>();
        totals.add(functions.count(functions.lit(1)));
        for (Compared c : compared) {
            totals.add(functions.count(functions.col(c.name())));
        }
        Row sizes = data.agg(totals.get(0), totals.subList(1, totals.size()).toArray(Column[]::new))
                .first();
        long rows = sizes.getLong(0);
        if (rows == 0) {
            throw new DataException(what + " has no rows");
        }
        for (int i = 0; i < compared.size(); i++) {
            long values = sizes.getLong(i + 1);
            if (values > ValueCounts.MAX_VALUES) {
                throw new DataException(where + ": column '" + compared.get(i).name() + "' of " + name + " has "
                        + values + " values, more than the " + ValueCounts.MAX_VALUES
                        + " drift on Spark measures exactly (docs/spark.md); compare a sample of the rows");
            }
        }
        // All columns in one job: each row becomes one (column, number, text) entry per compared column, and the
        // entries are counted; a number column fills the number, any other the text.
        List<Column> entries = new ArrayList<>();
        for (int i = 0; i < compared.size(); i++) {
            Column c = functions.col(compared.get(i).name());
            boolean numbers = compared.get(i).numbers();
            entries.add(functions.struct(
                    functions.lit(i).as("k"),
                    (numbers ? c.cast("double") : functions.lit(null).cast("double")).as("number"),
                    (numbers ? functions.lit(null).cast("string") : c.cast("string")).as("text")));
        }
        List<Row> distinct = data.select(functions
                        .explode(functions.array(entries.toArray(Column[]::new)))
                        .as("e"))
                .select("e.k", "e.number", "e.text")
                .groupBy("k", "number", "text")
                .count()
                .collectAsList();
        List<Map<Double, Long>> numbers = new ArrayList<>();
        List<Map<String, Long>> texts = new ArrayList<>();
        for (int i = 0; i < compared.size(); i++) {
            numbers.add(new HashMap<>());
            texts.add(new HashMap<>());
        }
        for (Row r : distinct) {
            int k = r.getInt(0);
            // Missing cells, NaN and infinities are left out, as in memory.
            if (!r.isNullAt(1) && Double.isFinite(r.getDouble(1))) {
                numbers.get(k).merge(r.getDouble(1), r.getLong(3), Long::sum);
            } else if (!r.isNullAt(2)) {
                texts.get(k).merge(r.getString(2), r.getLong(3), Long::sum);
            }
        }
        ValueCounts.Builder counts = ValueCounts.builder(name, rows);
        for (int i = 0; i < compared.size(); i++) {
            if (compared.get(i).numbers()) {
                counts.numbers(compared.get(i).name(), numbers.get(i));
            } else {
                counts.text(compared.get(i).name(), texts.get(i));
            }
        }
        return counts.build();
    }
}
