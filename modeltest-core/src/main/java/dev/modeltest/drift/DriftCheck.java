package dev.modeltest.drift;

import dev.modeltest.check.Attachment;
import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.check.Threshold;
import dev.modeltest.data.DataLoader;
import dev.modeltest.data.Resource;
import dev.modeltest.data.TestData;
import dev.modeltest.engine.DataEngines;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
import dev.modeltest.internal.Names;
import dev.modeltest.report.HtmlTable;
import dev.modeltest.subject.Subject;
import java.lang.ref.SoftReference;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.apiguardian.api.API;

/**
 * Passes when no column of the test data drifted from a reference data set (usually the training data); see {@link
 * Drift} for the methods and {@link DriftOptions} for the gate. The message holds a per-column table (method,
 * statistic, effect, threshold, p-value, both sample sizes, verdict), worst first; the result carries the table as CSV
 * and, for the drifted columns, pictures of both distributions.
 *
 * <p>The reference file is read once and kept for the JVM, keyed by its location and SHA-256, so several checks
 * against the same training data read it once; a changed file is read again. The cache holds soft references: under
 * memory pressure a reference is dropped and read again when next needed.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class DriftCheck implements Check {

    /** The check's identifier in results and reports. */
    public static final String ID = "no-drift";

    /**
     * The most compared columns that get a chart, drifted ones first (worst first), so a report of a 500-column drift
     * stays readable.
     */
    static final int MAX_CHARTS = 20;

    private static final Map<String, SoftReference<TestData>> REFERENCES = new ConcurrentHashMap<>();

    private final String where;
    /** The reference file; null when the reference is read by a data engine ({@code spark:train.parquet}). */
    private final Resource reference;

    private final String referenceLocation;
    private final List<String> columns;
    private final DriftOptions options;

    /**
     * Creates the check; the reference file must exist, but is read only when the check runs.
     *
     * @param where where it was configured, for messages, e.g. {@code @NoDrift on IrisTest.stable()}
     * @param referenceLocation the reference data: a path relative to the working directory, {@code classpath:...}, or
     *     a data engine's location ({@code spark:train.parquet}), which only that engine's tests read
     * @param columns the columns to compare; empty means the subject's features
     * @param options the method and the check
     * @throws ConfigurationException if the reference is blank or missing, a column name is blank, or an option is out
     *     of range; the message starts with {@code where} and names the attribute
     */
    public DriftCheck(String where, String referenceLocation, List<String> columns, DriftOptions options) {
        this.where = Objects.requireNonNull(where, "where");
        if (referenceLocation == null || referenceLocation.isBlank()) {
            throw ConfigurationException.badAttribute(
                    where,
                    "reference",
                    "must name a data file",
                    "'" + (referenceLocation == null ? "" : referenceLocation) + "'");
        }
        for (String column : columns) {
            if (column == null || column.isBlank()) {
                throw ConfigurationException.badAttribute(
                        where, "columns", "must not contain a blank name", "'" + (column == null ? "" : column) + "'");
            }
        }
        this.options = options.validate(where);
        this.columns = List.copyOf(new LinkedHashSet<>(columns));
        this.referenceLocation = referenceLocation;
        // A reference read by a data engine (spark:...) is found by that engine, where it lives, when the check runs.
        this.reference = DataEngines.find(referenceLocation, where).isPresent()
                ? null
                : Resource.resolve(
                        referenceLocation, why -> new ConfigurationException(where + ": 'reference' file " + why));
    }

    /** Returns where the check was configured, for messages, e.g. {@code @NoDrift on IrisTest.stable()}. */
    public String where() {
        return where;
    }

    /** Returns the reference data's location as written, e.g. {@code train.csv} or {@code spark:train.parquet}. */
    public String referenceLocation() {
        return referenceLocation;
    }

    /** Returns the columns to compare; empty means the subject's features. */
    public List<String> columns() {
        return columns;
    }

    /** Returns the method and the check's options. */
    public DriftOptions options() {
        return options;
    }

    @Override
    public CheckResult run(Subject subject) {
        if (reference == null) {
            throw new ConfigurationException(where + ": 'reference' = '" + referenceLocation + "' is read where it"
                    + " lives, by its engine, which decides drift only when the test's data is read by it too; give"
                    + " a file as 'reference'");
        }
        TestData current = subject.data();
        TestData train = reference();
        List<String> compared = columns.isEmpty() ? subject.features().names() : columns;
        requireColumns(current, train, compared);
        // By default, identifiers are left out: new rows have new ids, which is no drift. Named columns are compared.
        Map<String, String> leftOut = columns.isEmpty() ? IdentifierColumns.find(current, compared) : Map.of();
        if (!leftOut.isEmpty()) {
            if (leftOut.size() == compared.size()) {
                throw new ConfigurationException(where + ": every feature of " + current.name()
                        + " looks like an identifier (" + leftOutText(leftOut)
                        + "); name the columns to compare in 'columns'");
            }
            compared = compared.stream().filter(c -> !leftOut.containsKey(c)).toList();
        }
        return result(where, reference.location(), train, current, compared, !columns.isEmpty(), leftOut, options);
    }

    /**
     * Decides drift from counted values, e.g. counted by Spark in the partitions of two {@code Dataset}s: the counts
     * are spread out into the sorted columns the in-memory engine measures, and the result is the one the check gives
     * on the rows they were counted from (the same per-column table, p-values, verdict and message), except that the
     * reference is named by {@code reference.name()} and has no file hash.
     *
     * @param where where it was configured, for messages
     * @param reference the reference data's counts, e.g. of the training data
     * @param current the counts of the data compared with it
     * @param columns the columns to compare, counted in both; at least one
     * @param options the method and the check
     * @return the result
     * @throws ConfigurationException if an option is out of range, no column is named, a column is not counted, or a
     *     method does not apply to a column's values
     */
    public static CheckResult evaluate(
            String where, ValueCounts reference, ValueCounts current, List<String> columns, DriftOptions options) {
        Objects.requireNonNull(where, "where");
        DriftOptions validated = options.validate(where);
        List<String> compared = List.copyOf(new LinkedHashSet<>(columns));
        if (compared.isEmpty()) {
            throw ConfigurationException.badAttribute(where, "columns", "must name the columns to compare", "{}");
        }
        for (String column : compared) {
            for (ValueCounts counts : List.of(reference, current)) {
                if (!counts.columns().contains(column)) {
                    throw new ConfigurationException(where + ": 'columns' names '" + column + "', which the counts of "
                            + counts.name() + " do not hold" + Names.didYouMean(column, counts.columns()));
                }
            }
        }
        return result(
                where,
                reference.name(),
                reference.spreadOut(),
                current.spreadOut(),
                compared,
                true,
                Map.of(),
                validated);
    }

    /** Compares the columns and builds the result: the one decision of both entries. */
    private static CheckResult result(
            String where,
            String referenceLocation,
            TestData train,
            TestData current,
            List<String> compared,
            boolean named,
            Map<String, String> leftOut,
            DriftOptions options) {
        DriftReport report;
        try {
            report = Drift.compare(train, current, compared, options);
        } catch (ConfigurationException e) {
            throw new ConfigurationException(where + ": " + e.getMessage(), e);
        }
        List<ColumnDrift> drifted = report.drifted();
        CheckResult.Builder result = CheckResult.builder(ID, Family.DATA)
                .title("no drift of " + (named ? String.join(", ", compared) : "the features") + " of " + current.name()
                        + " from " + train.name())
                .verdict(report.verdict())
                .measured(drifted.size())
                .threshold(Threshold.atMost(0), "no column drifts")
                .n(current.rowCount())
                .message(
                        leftOut.isEmpty()
                                ? report.message()
                                : report.message() + "\nnote: left out identifier-like columns: " + leftOutText(leftOut)
                                        + "; name them in 'columns' to compare them")
                .detail("reference", referenceLocation)
                .detail("referenceSha256", train.sha256())
                .detail("referenceRows", train.rowCount())
                .detail("method", options.method().name())
                .detail("gate", "a column drifts when " + options.describeGate())
                .detail("level", options.level())
                .detail("correction", options.correction().name())
                .detail("bins", options.bins())
                .detail("drifted", drifted.stream().map(ColumnDrift::column).toList())
                .detail("columns", details(report))
                .attach(Attachment.csv("drift table", report::csv))
                .attach(Attachment.html(
                        "drift per column",
                        () -> HtmlTable.fromCsv(report.csv()).document("drift per column")));
        if (!leftOut.isEmpty()) {
            result.detail("leftOut", new LinkedHashMap<>(leftOut));
        }
        // Every compared column, not only the drifted ones: a reader checks a "no drift" by eye too.
        report.columns().stream()
                .limit(MAX_CHARTS)
                .forEach(c -> result.attach(
                        Attachment.png("distributions of " + c.column(), () -> report.chartPng(c.column()))));
        return result.build();
    }

    private static String leftOutText(Map<String, String> leftOut) {
        List<String> parts = new ArrayList<>();
        leftOut.forEach((column, why) -> parts.add(column + " (" + why + ")"));
        return String.join(", ", parts);
    }

    private void requireColumns(TestData current, TestData train, List<String> compared) {
        for (String column : compared) {
            for (TestData data : List.of(current, train)) {
                if (data.hasColumn(column)) {
                    continue;
                }
                String which = data == train ? "the reference " + train.name() : current.name();
                String nearest = Names.didYouMean(column, data.columnNames()) + "; its columns are "
                        + String.join(", ", data.columnNames());
                if (columns.isEmpty()) {
                    throw new DataException(where + ": " + which + " has no feature column '" + column + "'" + nearest);
                }
                throw new ConfigurationException(
                        where + ": 'columns' names '" + column + "', which " + which + " does not have" + nearest);
            }
        }
    }

    /** Returns the reference data, read on first use and shared while its file is unchanged. */
    TestData reference() {
        String key = reference
                        .file()
                        .map(f -> f.toAbsolutePath().normalize().toString())
                        .orElse(reference.location()) + "#" + reference.sha256();
        SoftReference<TestData> cached = REFERENCES.get(key);
        TestData data = cached == null ? null : cached.get();
        if (data == null) {
            try {
                data = DataLoader.load(reference);
            } catch (DataException e) {
                throw new DataException(where + ": " + e.getMessage(), e);
            }
            REFERENCES.put(key, new SoftReference<>(data));
        }
        return data;
    }

    private static List<Map<String, Object>> details(DriftReport report) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (ColumnDrift c : report.columns()) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("column", c.column());
            row.put("method", c.method().name());
            row.put("test", c.test());
            row.put("statistic", orNull(c.statistic()));
            row.put("degreesOfFreedom", c.degreesOfFreedom());
            row.put("effectName", c.method().effectName());
            row.put("effect", orNull(c.effect()));
            row.put("threshold", orNull(c.threshold()));
            row.put("p", orNull(c.pValue()));
            row.put("pAdjusted", orNull(c.adjustedPValue()));
            row.put("bins", c.bins());
            row.put("nReference", c.referenceCount());
            row.put("nTest", c.currentCount());
            row.put("verdict", c.verdict().name());
            rows.add(row);
        }
        return rows;
    }

    /** NaN (no threshold, no p-value) becomes null, so JSON reports show an empty value, not the text "NaN". */
    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }
}
