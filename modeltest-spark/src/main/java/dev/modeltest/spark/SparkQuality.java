package dev.modeltest.spark;

import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
import dev.modeltest.internal.Echo;
import dev.modeltest.internal.Names;
import dev.modeltest.quality.DuplicateCounts;
import dev.modeltest.quality.DuplicateRowsCheck;
import dev.modeltest.quality.MissingCounts;
import dev.modeltest.quality.MissingRateCheck;
import dev.modeltest.quality.MissingValuesCheck;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DoubleType;
import org.apache.spark.sql.types.FloatType;

/**
 * The missing-value checks on Spark: the missing cells of each column counted by one Spark SQL aggregate, and the
 * counts handed to core's {@link MissingValuesCheck#evaluate(MissingCounts)} and {@link
 * MissingRateCheck#evaluate(MissingCounts)}.
 */
final class SparkQuality {

    private SparkQuality() {}

    static List<CheckResult> missing(Dataset<Row> data, String dataName, Check... checks) {
        if (checks.length == 0) {
            throw new ConfigurationException("SparkChecks.missing on " + dataName + ": no check to decide");
        }
        List<String> all = Arrays.asList(data.columns());
        Set<String> needed = new LinkedHashSet<>();
        boolean every = false;
        for (Check check : checks) {
            List<String> named = named(check);
            every |= named.isEmpty();
            for (String column : named) {
                if (!all.contains(column)) {
                    throw new DataException(where(check) + ": data set " + dataName + " has no column '" + column + "'"
                            + Names.didYouMean(column, all) + "; its columns are " + Echo.names(all));
                }
                needed.add(column);
            }
        }
        List<String> counted =
                every ? all : all.stream().filter(needed::contains).toList();
        MissingCounts counts = count(data, dataName, counted);
        List<CheckResult> results = new ArrayList<>();
        for (Check check : checks) {
            results.add(
                    check instanceof MissingValuesCheck values
                            ? values.evaluate(counts)
                            : ((MissingRateCheck) check).evaluate(counts));
        }
        return List.copyOf(results);
    }

    /** Returns the columns a check names, refusing before any job a check that is not a missing-value check. */
    private static List<String> named(Check check) {
        if (check instanceof MissingValuesCheck values) {
            return values.columns();
        }
        if (check instanceof MissingRateCheck rate) {
            return rate.columns();
        }
        throw new ConfigurationException(check.getClass().getSimpleName()
                + " is not a missing-value check: SparkChecks.missing decides MissingValuesCheck and MissingRateCheck");
    }

    private static String where(Check check) {
        return check instanceof MissingValuesCheck values ? values.where() : ((MissingRateCheck) check).where();
    }

    /**
     * One aggregate job: the rows, and per column the cells that are null (or NaN in a float or double column, which
     * the in-memory engine reads as missing too). Each partition sends one row of counts; nothing else moves.
     */
    static MissingCounts count(Dataset<Row> data, String dataName, List<String> columns) {
        List<Column> sums = new ArrayList<>();
        for (String column : columns) {
            DataType type = data.schema().apply(column).dataType();
            Column c = functions.col(column);
            Column missing = type instanceof DoubleType || type instanceof FloatType
                    ? c.isNull().or(functions.isnan(c))
                    : c.isNull();
            sums.add(functions.count(functions.when(missing, 1)));
        }
        Row row = data.agg(functions.count(functions.lit(1)), sums.toArray(Column[]::new))
                .first();
        long rows = row.getLong(0);
        if (rows == 0) {
            throw new DataException("data set " + dataName + " has no rows");
        }
        Map<String, Long> missing = new LinkedHashMap<>();
        for (int i = 0; i < columns.size(); i++) {
            missing.put(columns.get(i), row.getLong(i + 1));
        }
        return new MissingCounts(dataName, rows, missing);
    }

    static List<CheckResult> duplicates(Dataset<Row> data, String dataName, DuplicateRowsCheck... checks) {
        if (checks.length == 0) {
            throw new ConfigurationException("SparkChecks.duplicates on " + dataName + ": no check to decide");
        }
        List<String> all = Arrays.asList(data.columns());
        List<List<String>> compared = new ArrayList<>();
        for (DuplicateRowsCheck check : checks) {
            List<String> named = List.copyOf(new LinkedHashSet<>(check.columns()));
            for (String column : named) {
                if (!all.contains(column)) {
                    throw new DataException(check.where() + ": data set " + dataName + " has no column '" + column + "'"
                            + Names.didYouMean(column, all) + "; its columns are " + Echo.names(all));
                }
            }
            compared.add(named.isEmpty() ? all : named);
        }
        List<CheckResult> results = new ArrayList<>();
        Map<List<String>, DuplicateCounts> counted = new LinkedHashMap<>();
        for (int i = 0; i < checks.length; i++) {
            DuplicateCounts counts = counted.computeIfAbsent(compared.get(i), c -> countEqualRows(data, dataName, c));
            results.add(checks[i].evaluate(counts));
        }
        return List.copyOf(results);
    }

    /**
     * Groups the rows by the compared columns ({@code groupBy(columns).count()}: every distinct row is shuffled), then,
     * on the grouped rows kept in memory, one job adds up the rows, the duplicates and the groups, and another takes
     * the largest groups as examples. A missing cell (null, or NaN in a float or double column) equals a missing cell.
     */
    static DuplicateCounts countEqualRows(Dataset<Row> data, String dataName, List<String> columns) {
        List<Column> keys = new ArrayList<>();
        for (String column : columns) {
            DataType type = data.schema().apply(column).dataType();
            Column c = functions.col(column);
            keys.add((type instanceof DoubleType || type instanceof FloatType
                            ? functions
                                    .when(functions.isnan(c), functions.lit(null))
                                    .otherwise(c)
                            : c)
                    .as(column));
        }
        Dataset<Row> grouped = data.select(keys.toArray(Column[]::new))
                .groupBy(columns.stream().map(functions::col).toArray(Column[]::new))
                .count()
                .persist();
        try {
            Column size = functions.col("count");
            Row totals = grouped.agg(
                            functions.sum(size),
                            functions.sum(
                                    functions.when(size.gt(1), size.minus(1)).otherwise(0)),
                            functions.count(functions.when(size.gt(1), 1)))
                    .first();
            if (totals.isNullAt(0) || totals.getLong(0) == 0) {
                throw new DataException("data set " + dataName + " has no rows");
            }
            List<Column> order = new ArrayList<>();
            order.add(size.desc());
            columns.forEach(c -> order.add(functions.col(c).asc_nulls_first()));
            List<DuplicateCounts.Group> examples = new ArrayList<>();
            for (Row group : grouped.filter(size.gt(1))
                    .orderBy(order.toArray(Column[]::new))
                    .limit(EXAMPLES)
                    .collectAsList()) {
                List<Object> values = new ArrayList<>();
                for (int c = 0; c < columns.size(); c++) {
                    values.add(group.isNullAt(c) ? null : group.get(c));
                }
                examples.add(new DuplicateCounts.Group(values, group.getLong(columns.size())));
            }
            return new DuplicateCounts(
                    dataName, totals.getLong(0), columns, totals.getLong(1), totals.getLong(2), examples);
        } finally {
            grouped.unpersist();
        }
    }

    /** How many groups of equal rows come to the driver as examples: as many as a message shows. */
    private static final int EXAMPLES = 5;
}
