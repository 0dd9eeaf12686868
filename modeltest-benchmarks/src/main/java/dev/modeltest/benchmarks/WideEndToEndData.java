package dev.modeltest.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

/**
 * The wide data {@link WideModelTest} checks, written by {@link EndToEndBenchmark} with {@code shape=wide}: a test file
 * of fifty numeric features, a reference file of as many rows from the same distribution (for drift) and a schema of
 * the test file.
 *
 * <p>Each row has fifty features {@code f1..f50} (forty standard normals, five uniforms on [0, 1) and five standard
 * exponentials, each written to 4 decimals), a {@code group} ({@code A}/{@code B}, half each, independent of everything
 * else) and the label {@code positive}/{@code negative}, drawn as {@code positive} with the probability {@link #probability} of the
 * written features. So {@link WideModelProvider}, which computes that probability, is the true model: calibrated, with
 * accuracy about 0.80, ROC AUC 0.88, log loss 0.42 and about 41% positives; and it treats both groups alike.
 *
 * <p>Seeded: the same row count gives the same bytes.
 */
final class WideEndToEndData {

    /** Where the files go, relative to the working directory (the module's directory, as under {@code mvn test}). */
    static final String DIR = EndToEndData.DIR + "/wide";

    static final String ROWS = DIR + "/rows.csv";
    static final String REFERENCE = DIR + "/reference.csv";
    static final String SCHEMA = DIR + "/rows.schema.yaml";

    static final int FEATURES = 50;

    /** The log-odds of {@code positive}: {@code INTERCEPT + Σ coefficient(i)·f(i+1)}. */
    static final double INTERCEPT = -0.5;

    private static final long ROWS_SEED = 50_261_206L;
    private static final long REFERENCE_SEED = 5_033_165L;

    private WideEndToEndData() {}

    /** Feature {@code i}'s coefficient: ±0.1 to ±0.5, alternating in sign. */
    static double coefficient(int i) {
        return (i % 2 == 0 ? 0.1 : -0.1) * (1 + i % 5);
    }

    /** Returns the probability of {@code positive} of a row whose feature {@code i} is {@code x.applyAsDouble(i)}. */
    static double probability(IntToDoubleFunction x) {
        double z = INTERCEPT;
        for (int i = 0; i < FEATURES; i++) {
            z += coefficient(i) * x.applyAsDouble(i);
        }
        return 1 / (1 + Math.exp(-z));
    }

    /** Writes {@code rows.csv}, {@code reference.csv} and {@code rows.schema.yaml} of {@code rows} rows each. */
    static void write(Path dir, int rows) throws IOException {
        Files.createDirectories(dir);
        csv(dir.resolve("rows.csv"), rows, ROWS_SEED + rows);
        csv(dir.resolve("reference.csv"), rows, REFERENCE_SEED + rows);
        Files.writeString(dir.resolve("rows.schema.yaml"), schema(rows), StandardCharsets.UTF_8);
    }

    private static void csv(Path file, int rows, long seed) throws IOException {
        SplittableRandom random = new SplittableRandom(seed);
        double[] x = new double[FEATURES];
        StringBuilder line = new StringBuilder(512);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            for (int i = 1; i <= FEATURES; i++) {
                out.write("f" + i + ",");
            }
            out.write("group,label\n");
            for (int r = 0; r < rows; r++) {
                line.setLength(0);
                for (int i = 0; i < FEATURES; i++) {
                    double value =
                            i < 40 ? random.nextGaussian() : i < 45 ? random.nextDouble() : random.nextExponential();
                    // The label is drawn from the features as written, so the model that reads them is exact.
                    long scaled = Math.round(value * 10_000);
                    x[i] = scaled / 10_000.0;
                    EndToEndData.fixed4(line, scaled).append(',');
                }
                line.append(random.nextBoolean() ? "A" : "B").append(',');
                line.append(random.nextDouble() < probability(i -> x[i]) ? "positive" : "negative")
                        .append('\n');
                out.append(line);
            }
        }
    }

    /** A schema as a team would write it for this data: each column's type and range, the exact row count. */
    private static String schema(int rows) {
        StringBuilder yaml = new StringBuilder()
                .append("table:\n")
                .append("  rows: {min: ")
                .append(rows)
                .append(", max: ")
                .append(rows)
                .append("}\n")
                .append("  columns: exact\n")
                .append("  ordered: true\n")
                .append("columns:\n");
        for (int i = 0; i < FEATURES; i++) {
            String range = i < 40 ? "min: -10, max: 10" : i < 45 ? "min: 0, max: 1" : "min: 0, max: 100";
            yaml.append("  f")
                    .append(i + 1)
                    .append(": {type: double, ")
                    .append(range)
                    .append(", nullable: false}\n");
        }
        return yaml.append("  group: {type: string, allowed: [A, B], nullable: false, maxCardinality: 2}\n")
                .append("  label: {type: string, allowed: [negative, positive], nullable: false}\n")
                .toString();
    }
}
