package dev.modeltest.schema;

import dev.modeltest.data.Resource;
import dev.modeltest.data.TestData;
import dev.modeltest.error.ConfigurationException;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The expected shape of a data set, read from a YAML file: the columns, their types and the values they may hold.
 *
 * <pre>{@code
 * table:
 *   rows: {min: 20}
 *   columns: superset
 * columns:
 *   sepal_length: {type: double, min: 0, max: 10, nullable: false}
 *   species: {type: string, allowed: [setosa, versicolor, virginica]}
 *   measured_on: {type: date, maxNullFraction: 0.05}
 * }</pre>
 *
 * <p>The file is read as plain YAML nodes (mappings, lists and text) and never turned into arbitrary Java objects, so
 * loading a schema cannot run code. See {@code docs/schema.md} for every key. Immutable and safe to share between
 * threads.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Schema {

    private final String location;
    private final String name;
    private final TableRule table;
    private final List<ColumnRule> columns;

    Schema(String location, String name, TableRule table, List<ColumnRule> columns) {
        this.location = Objects.requireNonNull(location, "location");
        this.name = Objects.requireNonNull(name, "name");
        this.table = Objects.requireNonNull(table, "table");
        this.columns = List.copyOf(columns);
    }

    /**
     * Reads a schema file.
     *
     * @param location a path relative to the working directory, an absolute path, or {@code classpath:path}
     * @throws ConfigurationException naming the file when it is missing or unreadable, naming the line and column of
     *     a YAML syntax error, and naming the column, key and value of a rule that is unknown or wrong
     */
    public static Schema load(String location) {
        Resource resource = Resource.resolve(location, why -> new ConfigurationException("schema file " + why));
        return SchemaReader.read(resource);
    }

    /** Returns the location exactly as it was given to {@link #load(String)}. */
    public String location() {
        return location;
    }

    /** Returns the file name, e.g. {@code iris.schema.yaml}, for messages and reports. */
    public String name() {
        return name;
    }

    /** Returns the rules for the data set as a whole; {@link TableRule#DEFAULT} when the file has no table section. */
    public TableRule table() {
        return table;
    }

    /** Returns the column rules in file order. */
    public List<ColumnRule> columns() {
        return columns;
    }

    /** Returns the rules of a column, if the schema declares it. */
    public Optional<ColumnRule> column(String column) {
        return columns.stream().filter(c -> c.column().equals(column)).findFirst();
    }

    /**
     * Checks a data set against the schema. Every row of every column is checked; all violations are counted and the
     * first {@value RuleViolations#MAX_EXAMPLES} of each rule in each column are kept. Runs column by column on the
     * data's primitive arrays.
     */
    public SchemaValidation validate(TestData data) {
        return SchemaValidator.validate(this, data);
    }

    @Override
    public String toString() {
        return name + " (" + columns.size() + " columns)";
    }
}
