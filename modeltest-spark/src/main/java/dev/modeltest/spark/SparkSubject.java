package dev.modeltest.spark;

import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.data.MissingValues;
import dev.modeltest.drift.DriftCheck;
import dev.modeltest.engine.EngineSubject;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
import dev.modeltest.fairness.GroupCountsCheck;
import dev.modeltest.gate.MetricGate;
import dev.modeltest.internal.Echo;
import dev.modeltest.internal.Names;
import dev.modeltest.metrics.Metric;
import dev.modeltest.quality.DuplicateRowsCheck;
import dev.modeltest.quality.MissingRateCheck;
import dev.modeltest.quality.MissingValuesCheck;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Sampling;
import dev.modeltest.subject.SubjectSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalog.Table;
import org.apache.spark.sql.functions;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.NumericType;

/**
 * The data of one {@code @ModelTest(data = "spark:...")} class: its configuration checked when the first check runs,
 * then the Dataset opened once (the session started, the path or table checked, the schema read) and every check
 * decided on it, each in its own jobs: metric gates by {@link SparkGates} (ranking gates with the class's score
 * columns, mapped to the classes as in memory), fairness checks, drift (from a reference read by the same session),
 * missing values and duplicate rows by {@link SparkChecks}.
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

    /**
     * The opened data: the rows (not read), their name in messages, the two columns the gates read, and the rows the
     * gates rank (the rows with the negative class's score, {@code 1 - score}, when one score column is given).
     */
    private record Opened(
            SparkSession spark,
            Dataset<Row> rows,
            String dataName,
            String label,
            String predictions,
            List<String> scores,
            Dataset<Row> ranked) {}

    @Override
    public synchronized CheckResult run(Check check, String where) {
        ModelSource.Columns columns = requireSupported();
        try {
            // Refused before Spark starts: a latency gate, a behaviour check, a gate not decided on Spark yet.
            supported(check);
        } catch (ConfigurationException e) {
            throw naming(where, e);
        }
        if (check instanceof MetricGate gate
                && (gate.metric() == Metric.ROC_AUC || gate.metric() == Metric.AVERAGE_PRECISION)
                && columns.scores().isEmpty()) {
            throw new ConfigurationException(where + ": " + gate.metric().displayName()
                    + " ranks the rows by the positive class's score, but " + spec.origin() + " names no 'scores';"
                    + " give the positive class's score column (or one per class, in the classes' order)");
        }
        Opened data = opened();
        try {
            if (check instanceof GroupCountsCheck) {
                return SparkChecks.fairness(data.rows(), data.dataName(), data.label(), data.predictions(), check)
                        .get(0);
            }
            if (check instanceof MissingValuesCheck || check instanceof MissingRateCheck) {
                return SparkChecks.missing(data.rows(), data.dataName(), check).get(0);
            }
            if (check instanceof DriftCheck drift) {
                return drift(data, drift);
            }
            if (check instanceof DuplicateRowsCheck duplicates) {
                return SparkChecks.duplicates(data.rows(), data.dataName(), duplicates)
                        .get(0);
            }
            return SparkGates.evaluateScoring(
                            data.ranked(),
                            data.dataName(),
                            data.label(),
                            data.predictions(),
                            Map.of(),
                            data.scores().isEmpty() ? null : classes -> scoresOf(data.scores(), classes),
                            check)
                    .get(0);
        } catch (ConfigurationException e) {
            throw naming(where, e);
        }
    }

    /** Refuses, before any job, a check that neither SparkChecks nor SparkGates decides, saying why. */
    private static void supported(Check check) {
        if (check instanceof GroupCountsCheck) {
            SparkFairness.supported(check);
        } else if (check instanceof MetricGate
                || check instanceof dev.modeltest.latency.LatencyCheck
                || check instanceof dev.modeltest.latency.ThroughputCheck
                || check instanceof dev.modeltest.check.LatencyCheck) {
            // SparkGates' refusals: latency and throughput, a metric not decided from merged counts yet.
            SparkGates.supported(check);
        } else if (check instanceof DriftCheck drift) {
            if (drift.columns().isEmpty()) {
                throw new ConfigurationException("'columns' must name the columns to compare on spark: data, whose"
                        + " Dataset has no features to default to; was {}");
            }
        } else if (!(check instanceof MissingValuesCheck
                || check instanceof MissingRateCheck
                || check instanceof DuplicateRowsCheck)) {
            throw new ConfigurationException(check.getClass().getSimpleName()
                    + " cannot be decided on Spark yet: on spark: data, modeltest decides metric gates, fairness"
                    + " checks, drift, missing values and duplicate rows (docs/spark.md)");
        }
    }

    /**
     * Drift of the class's data from its reference, read by the same session: a {@code spark:} location as the
     * class's data is, or a plain path (CSV when it ends in {@code .csv}, else Parquet).
     */
    private CheckResult drift(Opened data, DriftCheck drift) {
        String location = drift.referenceLocation();
        String prefix = SparkEngine.SCHEME + ":";
        SparkSource source = SparkSource.parse(
                location.startsWith(prefix) ? location.substring(prefix.length()) : location, drift.where(), location);
        Dataset<Row> reference = read(data.spark(), source, drift.where() + ": 'reference' = '" + location + "': ");
        return SparkChecks.drift(
                drift.where(),
                reference,
                source.name(),
                data.rows(),
                data.dataName(),
                drift.columns(),
                drift.options());
    }

    /**
     * The score column of each class, as the in-memory engine maps {@code scores} to the classes in their order: one
     * column is the positive (second) class's probability of two classes, and the first class's score is {@code 1 -}
     * that; else one column per class, in the classes' order.
     */
    private Map<String, String> scoresOf(List<String> scores, List<String> classes) {
        if (classes.size() == 2 && scores.size() == 1) {
            return Map.of(classes.get(1), scores.get(0), classes.get(0), negative(scores.get(0)));
        }
        if (scores.size() != classes.size()) {
            throw new ConfigurationException(
                    spec.origin() + ": 'scores' names " + scores.size() + " column(s) " + scores
                            + ", but the data has " + classes.size() + " classes " + classes
                            + "; give one column (the positive class's probability) for binary, or one per class in this"
                            + " order");
        }
        Map<String, String> byClass = new LinkedHashMap<>();
        for (int c = 0; c < classes.size(); c++) {
            byClass.put(classes.get(c), scores.get(c));
        }
        return byClass;
    }

    /** The name of the column of the negative class's score, {@code 1 - score}, added to the rows the gates rank. */
    private static String negative(String score) {
        return "1 - " + score;
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
        Dataset<Row> rows = read(spark, source, spec.origin() + ": 'data' = '" + spec.data() + "': ");
        String dataName = source.name();
        requireColumn(rows, dataName, spec.label(), "label");
        requireColumn(rows, dataName, columns.predictions(), "predictions");
        for (String score : columns.scores()) {
            requireColumn(rows, dataName, score, "scores");
        }
        List<String> scores = columns.scores();
        Dataset<Row> ranked = rows;
        for (String score : scores) {
            DataType type = rows.schema().apply(score).dataType();
            if (!(type instanceof NumericType)) {
                throw new ConfigurationException(spec.origin() + ": data set " + dataName + ": scores column '" + score
                        + "' holds " + SparkColumns.kind(type) + " (" + type.simpleString() + "), not numbers");
            }
        }
        if (scores.size() == 1) {
            // As in memory, where the first of two classes scores 1 - p: a column of the rows the gates rank.
            ranked = rows.withColumn(
                    negative(scores.get(0)),
                    functions.lit(1.0).minus(functions.col(scores.get(0)).cast("double")));
        }
        return new Opened(spark, rows, dataName, spec.label(), columns.predictions(), scores, ranked);
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
    private Dataset<Row> read(SparkSession spark, SparkSource source, String what) {
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
