package dev.modeltest.schema;

import dev.modeltest.data.ColumnKind;
import dev.modeltest.data.DataLoader;
import dev.modeltest.data.TestData;
import dev.modeltest.error.ModelTestException;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import org.apiguardian.api.API;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.columns.Column;

/**
 * Profiles a reference data set (usually the training data) and writes a starting schema file, so that nobody writes
 * a 50-column schema by hand. The file is meant to be reviewed and edited; every inferred rule is explained in a
 * comment.
 *
 * <p>What is inferred, per column:
 *
 * <ul>
 *   <li>{@code type}: from the values, as the loader read them; a text column whose every cell is an ISO date (or
 *       datetime) becomes {@code date} ({@code datetime}).
 *   <li>{@code nullable: false} when no cell is missing; otherwise {@code maxNullFraction}: twice the observed
 *       fraction of missing cells, rounded up to 3 decimals, at most 1.
 *   <li>{@code min} / {@code max} of numeric columns: the observed range widened on each side by {@link #margin(double)
 *       margin} (default 0.1) times its width, rounded outward to two significant digits of the width (whole numbers
 *       for integer columns), and kept at 0 when no value was negative. A constant column is widened by the margin
 *       times its value (or times 1 when it is 0).
 *   <li>{@code allowed} for text columns with at most {@link #maxAllowedValues(int) maxAllowedValues} (default 20)
 *       distinct values, each seen at least twice on average: the values, sorted.
 * </ul>
 *
 * <p>Per table: {@code rows} from the reference's row count divided by {@link #rowsFactor(double) rowsFactor}
 * (default 10; at least 1) to it multiplied by the factor, {@code columns: exact} and {@code ordered: false}.
 *
 * <p>Never inferred, because a reference set cannot tell them apart from chance: {@code unique}, {@code
 * maxCardinality}, {@code regex}, and bounds on dates (later data is usually newer).
 *
 * <p>From the command line (after {@code mvn compile}), from the repository root:
 *
 * <pre>{@code
 * mvn -q -pl modeltest-core exec:java -Dexec.mainClass=dev.modeltest.schema.SchemaInference \
 *     -Dexec.args="train.csv train.schema.yaml"
 * }</pre>
 *
 * <p>Instances are immutable and safe to share between threads.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class SchemaInference {

    /** The default margin: bounds are widened by a tenth of the observed range on each side. */
    public static final double DEFAULT_MARGIN = 0.1;

    /** The default most distinct values a text column may have to get an {@code allowed} list. */
    public static final int DEFAULT_MAX_ALLOWED_VALUES = 20;

    /** The default factor between the reference's row count and the inferred row-count bounds. */
    public static final double DEFAULT_ROWS_FACTOR = 10;

    private static final String USAGE = "usage: SchemaInference <reference data file> <schema file to write>"
            + " [--margin=" + DEFAULT_MARGIN + "] [--max-allowed-values=" + DEFAULT_MAX_ALLOWED_VALUES + "]"
            + " [--rows-factor=" + (int) DEFAULT_ROWS_FACTOR + "] [--force]";

    private final double margin;
    private final int maxAllowedValues;
    private final double rowsFactor;

    private SchemaInference(double margin, int maxAllowedValues, double rowsFactor) {
        this.margin = margin;
        this.maxAllowedValues = maxAllowedValues;
        this.rowsFactor = rowsFactor;
    }

    /** Returns the inference with the default margin, allowed-value limit and rows factor. */
    public static SchemaInference withDefaults() {
        return new SchemaInference(DEFAULT_MARGIN, DEFAULT_MAX_ALLOWED_VALUES, DEFAULT_ROWS_FACTOR);
    }

    /**
     * Returns a copy that widens numeric bounds by {@code fraction} times the observed range on each side.
     *
     * @throws IllegalArgumentException if {@code fraction} is negative or not finite
     */
    public SchemaInference margin(double fraction) {
        if (!(fraction >= 0 && Double.isFinite(fraction))) {
            throw new IllegalArgumentException("margin must be a finite number of at least 0, was " + fraction);
        }
        return new SchemaInference(fraction, maxAllowedValues, rowsFactor);
    }

    /**
     * Returns a copy that lists the values of text columns with at most {@code count} distinct values; 0 never lists
     * them.
     *
     * @throws IllegalArgumentException if {@code count} is negative
     */
    public SchemaInference maxAllowedValues(int count) {
        if (count < 0) {
            throw new IllegalArgumentException("maxAllowedValues must be at least 0, was " + count);
        }
        return new SchemaInference(margin, count, rowsFactor);
    }

    /**
     * Returns a copy whose row-count bounds are the reference's row count divided and multiplied by {@code factor}.
     *
     * @throws IllegalArgumentException if {@code factor} is below 1 or not finite
     */
    public SchemaInference rowsFactor(double factor) {
        if (!(factor >= 1 && Double.isFinite(factor))) {
            throw new IllegalArgumentException("rowsFactor must be a finite number of at least 1, was " + factor);
        }
        return new SchemaInference(margin, maxAllowedValues, factor);
    }

    /** Returns the schema inferred from the reference data: exactly what {@link #yaml(TestData)} reads back as. */
    public Schema infer(TestData reference) {
        return SchemaReader.read(yaml(reference), inferredName(reference.name()));
    }

    /** Returns the text of the schema file inferred from the reference data, with comments explaining each rule. */
    public String yaml(TestData reference) {
        Objects.requireNonNull(reference, "reference");
        int rows = reference.rowCount();
        StringBuilder out = new StringBuilder();
        out.append("# Schema inferred from ")
                .append(reference.name())
                .append(" (")
                .append(rows)
                .append(" rows, ")
                .append(reference.columnNames().size())
                .append(" columns) by dev.modeltest.schema.SchemaInference.\n")
                .append("# A starting point: review every rule before relying on it (format: docs/schema.md).\n")
                .append("# - min/max: the observed range widened by ")
                .append(Cells.text(margin * 100))
                .append("% of its width on each side, rounded outward;\n")
                .append("#   kept at 0 when no value was negative.\n")
                .append("# - allowed: the values of text columns with at most ")
                .append(maxAllowedValues)
                .append(" distinct values, each seen twice on average.\n")
                .append("# - nullable: false where no cell was missing; else maxNullFraction: twice the observed"
                        + " fraction.\n")
                .append("# - rows: the reference's row count divided and multiplied by ")
                .append(Cells.text(rowsFactor))
                .append(".\n");
        long minRows = Math.max(1, (long) Math.floor(rows / rowsFactor));
        long maxRows = (long) Math.ceil(rows * rowsFactor);
        out.append("table:\n")
                .append("  rows: {min: ")
                .append(minRows)
                .append(", max: ")
                .append(maxRows)
                .append("}\n")
                .append("  columns: exact   # superset: the data may have more columns than these\n")
                .append("  ordered: false   # true: the columns must come in this order\n")
                .append("columns:\n");
        for (String column : reference.columnNames()) {
            new ColumnProfile(reference, column).write(out);
        }
        return out.toString();
    }

    /**
     * Writes the inferred schema file, creating its folder if needed.
     *
     * @throws UncheckedIOException if the file cannot be written
     */
    public void write(TestData reference, Path file) {
        String text = yaml(reference);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write schema file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Infers a schema from a data file and writes it:
     * {@code SchemaInference <reference data> <schema file> [--margin=0.1] [--max-allowed-values=20]
     * [--rows-factor=10] [--force]}. An existing schema file is kept unless {@code --force} is given. Exits with 2 on
     * a usage error and 1 when the data cannot be read or the file cannot be written.
     */
    public static void main(String[] args) {
        int status = run(args, System.out, System.err);
        if (status != 0) {
            System.exit(status);
        }
    }

    /** Runs the command; returns the exit status. */
    static int run(String[] args, PrintStream out, PrintStream err) {
        List<String> files = new ArrayList<>();
        SchemaInference inference = withDefaults();
        boolean force = false;
        for (String arg : args) {
            try {
                if (arg.equals("--force")) {
                    force = true;
                } else if (arg.startsWith("--margin=")) {
                    inference = inference.margin(Double.parseDouble(value(arg)));
                } else if (arg.startsWith("--max-allowed-values=")) {
                    inference = inference.maxAllowedValues(Integer.parseInt(value(arg)));
                } else if (arg.startsWith("--rows-factor=")) {
                    inference = inference.rowsFactor(Double.parseDouble(value(arg)));
                } else if (arg.startsWith("--")) {
                    err.println("unknown option '" + arg + "'\n" + USAGE);
                    return 2;
                } else {
                    files.add(arg);
                }
            } catch (IllegalArgumentException e) {
                // NumberFormatException is one too; its message names the text.
                err.println("bad option '" + arg + "': " + e.getMessage() + "\n" + USAGE);
                return 2;
            }
        }
        if (files.size() != 2) {
            err.println("expected a data file and a schema file, got " + files.size() + " file argument(s)\n" + USAGE);
            return 2;
        }
        Path target = Path.of(files.get(1));
        if (Files.exists(target) && !force) {
            err.println("schema file '" + files.get(1) + "' exists ("
                    + target.toAbsolutePath().normalize() + "); pass --force to overwrite it");
            return 1;
        }
        TestData reference;
        try {
            reference = DataLoader.load(files.get(0));
        } catch (ModelTestException e) {
            err.println(e.getMessage());
            return 1;
        }
        try {
            inference.write(reference, target);
        } catch (UncheckedIOException e) {
            err.println(e.getMessage());
            return 1;
        }
        out.println("wrote " + target + ": " + reference.columnNames().size() + " columns inferred from "
                + reference.name() + " (" + reference.rowCount() + " rows); review it before use");
        return 0;
    }

    private static String value(String option) {
        return option.substring(option.indexOf('=') + 1);
    }

    private static String inferredName(String dataName) {
        int dot = dataName.lastIndexOf('.');
        return (dot > 0 ? dataName.substring(0, dot) : dataName) + ".inferred.schema.yaml";
    }

    /** What one column of the reference looks like, and the rules written for it. */
    private final class ColumnProfile {
        private final TestData data;
        private final String column;
        private final int rows;
        private long missing;

        ColumnProfile(TestData data, String column) {
            this.data = data;
            this.column = column;
            this.rows = data.rowCount();
        }

        void write(StringBuilder out) {
            List<String> lines = new ArrayList<>();
            ColumnKind kind = data.kind(column);
            SchemaType type;
            if (kind.isNumeric()) {
                type = kind == ColumnKind.INTEGER ? SchemaType.INTEGER : SchemaType.DOUBLE;
                numeric(type, lines);
            } else if (kind == ColumnKind.BOOLEAN) {
                type = SchemaType.BOOLEAN;
                countMissing();
            } else {
                type = textual(kind, lines);
            }
            out.append("  ").append(YamlText.scalar(column)).append(":\n");
            out.append("    type: ").append(type.displayName()).append('\n');
            if (missing == 0) {
                out.append("    nullable: false\n");
            } else {
                out.append("    maxNullFraction: ")
                        .append(nullBound())
                        .append("   # observed ")
                        .append(missing)
                        .append(" of ")
                        .append(rows)
                        .append(" missing\n");
            }
            lines.forEach(line -> out.append("    ").append(line).append('\n'));
        }

        private void countMissing() {
            for (String cell : data.strings(column)) {
                if (cell == null) {
                    missing++;
                }
            }
        }

        private void numeric(SchemaType type, List<String> lines) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double value : data.doubles(column)) {
                if (Double.isNaN(value)) {
                    missing++;
                } else if (Double.isFinite(value)) {
                    lo = Math.min(lo, value);
                    hi = Math.max(hi, value);
                }
            }
            if (lo > hi) {
                lines.add("# no finite value observed: no min/max inferred");
                return;
            }
            double width = hi - lo;
            if (width == 0) {
                width = lo == 0 ? 1 : Math.abs(lo);
            }
            double low = lo - margin * width;
            double high = hi + margin * width;
            if (lo >= 0 && low < 0) {
                low = 0;
            }
            // Two significant digits of the width: 4.3 to 7.9 widened by 0.36 gives 3.9 to 8.3, not 3.94 to 8.26.
            int exponent = (int) Math.floor(Math.log10(width)) - 1;
            if (type == SchemaType.INTEGER) {
                exponent = Math.max(0, exponent);
            }
            lines.add("min: " + rounded(low, exponent, RoundingMode.FLOOR) + "   # observed " + Cells.text(lo));
            lines.add("max: " + rounded(high, exponent, RoundingMode.CEILING) + "   # observed " + Cells.text(hi));
        }

        private SchemaType textual(ColumnKind kind, List<String> lines) {
            Column<?> c = data.table().column(column);
            if (c instanceof DateColumn || c instanceof DateTimeColumn) {
                boolean date = c instanceof DateColumn;
                countMissing();
                observedRange(lines, c);
                return date ? SchemaType.DATE : SchemaType.DATETIME;
            }
            String[] cells = data.strings(column);
            TreeSet<String> values = new TreeSet<>();
            boolean dates = true;
            boolean datetimes = true;
            for (String cell : cells) {
                if (cell == null) {
                    missing++;
                    continue;
                }
                if (values.size() <= maxAllowedValues) {
                    values.add(cell);
                }
                dates = dates && !Double.isNaN(Temporal.parseDate(cell));
                datetimes = datetimes && !Double.isNaN(Temporal.parseDateTime(cell));
            }
            long present = rows - missing;
            if (present == 0) {
                lines.add("# every cell is missing: type string assumed");
                return SchemaType.STRING;
            }
            if (kind == ColumnKind.STRING && dates) {
                return SchemaType.DATE;
            }
            if (kind == ColumnKind.STRING && datetimes) {
                return SchemaType.DATETIME;
            }
            if (kind == ColumnKind.STRING && values.size() <= maxAllowedValues && 2L * values.size() <= present) {
                List<String> quoted = new ArrayList<>();
                values.forEach(v -> quoted.add(YamlText.scalar(v)));
                lines.add("allowed: [" + String.join(", ", quoted) + "]");
            } else if (kind == ColumnKind.STRING) {
                lines.add("# " + (values.size() > maxAllowedValues ? "more than " + maxAllowedValues : values.size())
                        + " distinct values in " + present + " cells: no allowed list inferred");
            }
            return SchemaType.STRING;
        }

        private void observedRange(List<String> lines, Column<?> c) {
            Object first = null;
            Object last = null;
            for (int i = 0; i < c.size(); i++) {
                if (c.isMissing(i)) {
                    continue;
                }
                @SuppressWarnings("unchecked")
                Comparable<Object> value = (Comparable<Object>) c.get(i);
                if (first == null || value.compareTo(first) < 0) {
                    first = value;
                }
                if (last == null || value.compareTo(last) > 0) {
                    last = value;
                }
            }
            if (first != null) {
                lines.add("# observed " + first + " to " + last + "; no min/max inferred (later data is usually"
                        + " newer)");
            }
        }

        /** Twice the observed fraction of missing cells, rounded up to 3 decimals, at most 1. */
        private String nullBound() {
            BigDecimal twice =
                    BigDecimal.valueOf(2 * missing).divide(BigDecimal.valueOf(rows), 3, RoundingMode.CEILING);
            return twice.min(BigDecimal.ONE).stripTrailingZeros().toPlainString();
        }
    }

    /** Rounds a value to a multiple of 10^exponent in the given direction, exactly, as plain decimal text. */
    static String rounded(double value, int exponent, RoundingMode mode) {
        BigDecimal exact = new BigDecimal(value);
        BigDecimal steps = exact.scaleByPowerOfTen(-exponent).setScale(0, mode);
        BigDecimal result = steps.scaleByPowerOfTen(exponent);
        return result.signum() == 0 ? "0" : result.stripTrailingZeros().toPlainString();
    }
}
