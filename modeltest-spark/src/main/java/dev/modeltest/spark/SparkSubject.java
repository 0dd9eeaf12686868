package dev.modeltest.spark;

import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.data.MissingValues;
import dev.modeltest.engine.EngineSubject;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
import dev.modeltest.internal.Echo;
import dev.modeltest.internal.Names;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Sampling;
import dev.modeltest.subject.SubjectSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalog.Table;

/**
 * The data of one {@code @ModelTest(data = "spark:...")} class: its configuration checked when the first check runs,
 * then the Dataset opened once (the session started, the path or table checked, the schema read) and every check
 * decided on it by {@link SparkGates}, each in its own job over the label and prediction columns.
 */
final class SparkSubject implements EngineSubject {

    private final SubjectSpec spec;
    private final String location;
    private final Function<String, Optional<String>> configuration;
    private Opened opened;
    private RuntimeException failure;

    SparkSubject(SubjectSpec spec, String location, Function<String, Optional<String>> configuration) {
        this.spec = spec;
        this.location = location;
        this.configuration = configuration;
    }

    /** The opened data: the rows (not read), their name in messages, the two columns the gates read. */
    private record Opened(Dataset<Row> rows, String dataName, String label, String predictions) {}

    @Override
    public synchronized CheckResult run(Check check, String where) {
        requireSupported();
        try {
            // Refused before Spark starts: a latency gate, a drift check, a gate not decided on Spark yet.
            SparkGates.supported(check);
        } catch (ConfigurationException e) {
            throw naming(where, e);
        }
        Opened data = opened();
        try {
            return SparkGates.evaluate(data.rows(), data.dataName(), data.label(), data.predictions(), check)
                    .get(0);
        } catch (ConfigurationException e) {
            throw naming(where, e);
        }
    }

    /** The error with the check's annotation in front, unless the message starts with it already. */
    private static ConfigurationException naming(String where, ConfigurationException e) {
        return e.getMessage().startsWith(where) ? e : new ConfigurationException(where + ": " + e.getMessage(), e);
    }

    /** Opens the data on first use; a failure is kept and thrown again for every later check, without a retry. */
    private Opened opened() {
        if (failure != null) {
            throw failure;
        }
        if (opened == null) {
            try {
                opened = open();
            } catch (RuntimeException e) {
                failure = e;
                throw e;
            }
        }
        return opened;
    }

    private Opened open() {
        ModelSource.Columns columns = requireSupported();
        SparkSource source = SparkSource.parse(location, spec.origin(), spec.data());
        SparkSession spark = SparkSessions.session(configuration);
        Dataset<Row> rows = read(spark, source);
        String dataName = source.name();
        requireColumn(rows, dataName, spec.label(), "label");
        requireColumn(rows, dataName, columns.predictions(), "predictions");
        for (String score : columns.scores()) {
            requireColumn(rows, dataName, score, "scores");
        }
        return new Opened(rows, dataName, spec.label(), columns.predictions());
    }

    /** Refuses, before Spark starts, what a scored table on Spark cannot honour; returns the predictions columns. */
    private ModelSource.Columns requireSupported() {
        String origin = spec.origin() + ": 'data' = '" + spec.data() + "' is gated on Spark, where it lives";
        if (!(spec.model() instanceof ModelSource.Columns columns)) {
            throw new ConfigurationException(origin + ", as a table scored elsewhere: give 'predictions' (the column"
                    + " of predictions) and 'scores' instead of a model, which Spark does not call");
        }
        if (spec.weightColumn().isPresent()) {
            throw new ConfigurationException(origin + ", where sample weights are not counted yet; remove 'weights'");
        }
        if (!spec.sampling().equals(Sampling.EVERY_ROW)) {
            throw new ConfigurationException(
                    origin + ", on every row; remove 'sample' (a sample is for data read" + " into the test JVM)");
        }
        if (!spec.missingValues().equals(MissingValues.pandas())) {
            throw new ConfigurationException(origin + ", read by Spark's own readers (an empty CSV cell is null);"
                    + " remove 'missingValues' and 'literalColumns', which set modeltest's CSV reader");
        }
        if (!spec.features().isEmpty()) {
            throw new ConfigurationException(
                    origin + ", where no check reads the model's inputs yet; remove" + " 'features'");
        }
        return columns;
    }

    /** Checks that the path or table is there, without a job, and reads its schema. */
    private Dataset<Row> read(SparkSession spark, SparkSource source) {
        String what = spec.origin() + ": 'data' = '" + spec.data() + "': ";
        if (source.format() == SparkSource.Format.TABLE) {
            if (!spark.catalog().tableExists(source.name())) {
                List<String> tables = new ArrayList<>();
                for (Table table : spark.catalog().listTables().collectAsList()) {
                    tables.add(table.database() == null ? table.name() : table.database() + "." + table.name());
                }
                throw new DataException(what + "Spark's catalog has no table '" + source.name() + "'"
                        + Names.didYouMean(source.name(), tables)
                        + (tables.isEmpty() ? "; it has no table" : "; its tables are " + Echo.names(tables)));
            }
            return spark.table(source.name());
        }
        Path path = new Path(source.name());
        try {
            FileSystem files = path.getFileSystem(spark.sparkContext().hadoopConfiguration());
            if (!files.exists(path)) {
                throw new DataException(what + source.kind() + " '" + source.name() + "' does not exist (looked at "
                        + files.makeQualified(path) + ")");
            }
        } catch (IOException e) {
            throw new DataException(what + "cannot look at " + source.kind() + " '" + source.name() + "': " + e, e);
        }
        return switch (source.format()) {
            case CSV ->
                spark.read()
                        .option("header", "true")
                        .option("inferSchema", "true")
                        .csv(source.name());
            case PARQUET -> spark.read().parquet(source.name());
            case TABLE -> throw new IllegalStateException("read above");
        };
    }

    private void requireColumn(Dataset<Row> rows, String dataName, String column, String role) {
        List<String> names = Arrays.asList(rows.columns());
        if (!names.contains(column)) {
            throw new ConfigurationException(spec.origin() + ": data set " + dataName + " has no " + role + " column '"
                    + column + "'" + Names.didYouMean(column, names) + "; its columns are " + Echo.names(names));
        }
    }

    /** The session is the JVM's, shared by every class; Spark's shutdown hook stops it. Nothing else is held. */
    @Override
    public void close() {}
}
