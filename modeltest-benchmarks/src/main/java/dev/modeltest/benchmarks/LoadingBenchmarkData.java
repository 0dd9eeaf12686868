package dev.modeltest.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.SplittableRandom;

/**
 * The CSV and Parquet files of {@link LoadingBenchmark}, generated from a fixed seed, so that pandas ({@code
 * scripts/bench/pandas_loading.py}) reads exactly the same bytes.
 *
 * <ul>
 *   <li>{@code numeric.csv}: 1 M rows × 10 columns of doubles, written in full precision ({@link Double#toString},
 *       the shortest text that reads back exactly, as pandas' {@code to_csv} writes them): about 190 MB.
 *   <li>{@code mixed.csv}: 1 M rows × 50 columns: 30 doubles (1% of cells empty in five of them, rounded to 4
 *       decimals as measurements are), 10 whole numbers (ages, counts, a 0/1 label), 8 text categories of 2 to 50
 *       levels, and 2 boolean columns ({@code true}/{@code false}).
 * </ul>
 *
 * <p>{@code numeric.parquet} and {@code mixed.parquet} hold the same tables, written from the CSV files by DuckDB
 * (Snappy-compressed, DuckDB's default).
 *
 * <p>Run {@code main(directory [rows])} to write them; a file that exists is kept (delete it after changing this class).
 */
public final class LoadingBenchmarkData {

    static final long SEED = 20261206L;
    static final int ROWS = 1_000_000;

    private static final String[][] LEVELS = {
        {"a", "b"},
        {"red", "green", "blue"},
        {"FR", "DE", "IT", "ES", "NL", "BE", "PL", "SE"},
        {"basic", "plus", "premium", "enterprise"},
        {"web", "ios", "android", "desktop", "api"},
        levels("city", 50),
        levels("segment", 12),
        levels("campaign", 30)
    };

    private LoadingBenchmarkData() {}

    private static String[] levels(String prefix, int n) {
        String[] levels = new String[n];
        for (int i = 0; i < n; i++) {
            levels[i] = prefix + "_" + i;
        }
        return levels;
    }

    /** Writes {@code numeric.csv} unless it is there. */
    static Path numeric(Path directory, int rows) throws IOException {
        Path file = directory.resolve("numeric.csv");
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(directory);
        Path partial = directory.resolve("numeric.csv.partial");
        SplittableRandom random = new SplittableRandom(SEED);
        try (Writer out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            for (int c = 0; c < 10; c++) {
                out.write(c == 0 ? "x0" : ",x" + c);
            }
            out.write('\n');
            StringBuilder line = new StringBuilder(256);
            for (int r = 0; r < rows; r++) {
                line.setLength(0);
                for (int c = 0; c < 10; c++) {
                    if (c > 0) {
                        line.append(',');
                    }
                    line.append(gaussian(random) * (c + 1));
                }
                out.append(line).append('\n');
            }
        }
        return Files.move(partial, file);
    }

    /** Writes {@code mixed.csv} unless it is there. */
    static Path mixed(Path directory, int rows) throws IOException {
        Path file = directory.resolve("mixed.csv");
        if (Files.exists(file)) {
            return file;
        }
        Files.createDirectories(directory);
        Path partial = directory.resolve("mixed.csv.partial");
        SplittableRandom random = new SplittableRandom(SEED + 1);
        try (BufferedWriter out = Files.newBufferedWriter(partial, StandardCharsets.UTF_8)) {
            StringBuilder header = new StringBuilder();
            for (int c = 0; c < 30; c++) {
                header.append(c == 0 ? "" : ",").append("m").append(c);
            }
            for (int c = 0; c < 10; c++) {
                header.append(",n").append(c);
            }
            for (int c = 0; c < LEVELS.length; c++) {
                header.append(",cat").append(c);
            }
            header.append(",flag0,flag1");
            out.write(header.append('\n').toString());
            StringBuilder line = new StringBuilder(512);
            for (int r = 0; r < rows; r++) {
                line.setLength(0);
                for (int c = 0; c < 30; c++) {
                    if (c > 0) {
                        line.append(',');
                    }
                    if (c < 5 && random.nextInt(100) == 0) {
                        continue; // an empty cell: a missing value
                    }
                    double v = Math.round((50 + gaussian(random) * 10 * (c % 7 + 1)) * 10_000) / 10_000.0;
                    line.append(v);
                }
                for (int c = 0; c < 10; c++) {
                    int v = c == 0 ? random.nextInt(2) : c == 1 ? 18 + random.nextInt(70) : random.nextInt(1000 * c);
                    line.append(',').append(v);
                }
                for (String[] levels : LEVELS) {
                    line.append(',').append(levels[random.nextInt(levels.length)]);
                }
                line.append(',').append(random.nextBoolean()).append(',').append(random.nextInt(10) == 0);
                out.append(line).append('\n');
            }
        }
        return Files.move(partial, file);
    }

    /**
     * Writes the Parquet copy of a CSV file ({@code numeric.csv} → {@code numeric.parquet}) unless it is there: DuckDB
     * reads the CSV with its own type detection (doubles, whole numbers, text, booleans; empty cells as nulls) and
     * writes one Parquet file, so both formats hold the same table.
     */
    static Path parquet(Path csv) throws IOException {
        String name = csv.getFileName().toString();
        Path file = csv.resolveSibling(name.substring(0, name.length() - ".csv".length()) + ".parquet");
        if (Files.exists(file)) {
            return file;
        }
        Path partial = file.resolveSibling(file.getFileName() + ".partial");
        Properties config = new Properties();
        config.setProperty("autoinstall_known_extensions", "false");
        config.setProperty("autoload_known_extensions", "false");
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:", config);
                Statement statement = connection.createStatement()) {
            // COPY takes no parameters; the two paths are the benchmark's own, quoted as SQL strings.
            statement.execute("COPY (SELECT * FROM read_csv_auto(" + quote(csv) + ")) TO " + quote(partial)
                    + " (FORMAT PARQUET)");
        } catch (SQLException e) {
            throw new IOException("cannot write " + file + " from " + csv + ": " + e.getMessage(), e);
        }
        return Files.move(partial, file);
    }

    private static String quote(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller: SplittableRandom has no nextGaussian on Java 17.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    /** Writes both files and their Parquet copies into {@code args[0]}, with {@code args[1]} rows (default 1 000 000). */
    public static void main(String[] args) throws IOException {
        Path directory = Path.of(args[0]);
        int rows = args.length > 1 ? Integer.parseInt(args[1]) : ROWS;
        for (Path csv : new Path[] {numeric(directory, rows), mixed(directory, rows)}) {
            Path parquet = parquet(csv);
            System.out.println(
                    csv + " " + Files.size(csv) + " bytes, " + parquet + " " + Files.size(parquet) + " bytes");
        }
    }
}
