package dev.modeltest.spark;

import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
import dev.modeltest.internal.Echo;
import dev.modeltest.internal.Names;
import java.util.Arrays;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.BooleanType;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/** What the checks on Spark ask of a Dataset's schema and rows before they count: columns, their kinds, a row. */
final class SparkColumns {

    private SparkColumns() {}

    /**
     * Returns the column's type, or fails naming the nearest column when the Dataset has none of that name.
     *
     * @param what what the Dataset is in the message, e.g. {@code data set scores} or {@code the reference train}
     * @param role the column's role, e.g. {@code label} or {@code attribute}
     */
    static DataType require(Dataset<Row> data, String what, String column, String role) {
        List<String> names = Arrays.asList(data.columns());
        if (!names.contains(column)) {
            throw new ConfigurationException(what + " has no " + role + " column '" + column + "'"
                    + Names.didYouMean(column, names) + "; its columns are " + Echo.names(names));
        }
        return data.schema().apply(column).dataType();
    }

    /** Returns the column's type when it holds labels or group values (text, numbers, booleans), else fails. */
    static DataType requireLabels(Dataset<Row> data, String what, String column, String role) {
        DataType type = require(data, what, column, role);
        if (kind(type).equals("other")) {
            throw new ConfigurationException(what + ": " + role + " column '" + column + "' holds "
                    + type.simpleString() + ", not labels; a" + (role.startsWith("a") ? "n " : " ") + role
                    + " column holds text, numbers or booleans");
        }
        return type;
    }

    /** Text, numbers, booleans, dates or other: two columns of labels are comparable when of one kind. */
    static String kind(DataType type) {
        if (type instanceof StringType) {
            return "text";
        }
        if (type instanceof NumericType) {
            return "numbers";
        }
        if (type instanceof BooleanType) {
            return "booleans";
        }
        return "other";
    }

    /** Returns whether the type holds dates or times, which drift does not compare. */
    static boolean temporal(DataType type) {
        return type instanceof DateType || type instanceof TimestampType || type instanceof TimestampNTZType;
    }

    /** Fails when the Dataset has no row: one small job ({@code limit 1}). */
    static void requireRows(Dataset<Row> data, String what) {
        if (data.isEmpty()) {
            throw new DataException(what + " has no rows");
        }
    }

    /** The error for rows without a value in a column that needs one. */
    static DataException missing(String what, String role, String column, long rows, String remedy) {
        return new DataException(what + ", " + role + " column '" + column + "': " + rows
                + (rows == 1 ? " row is" : " rows are") + " empty (null)" + remedy);
    }
}
