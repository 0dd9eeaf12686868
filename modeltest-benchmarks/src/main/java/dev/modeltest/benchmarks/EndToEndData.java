package dev.modeltest.benchmarks;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

/**
 * The churn data {@link MillionRowModelTest} checks, written by {@link EndToEndBenchmark}: a test file, a reference file
 * from the same distribution (for drift) and a schema of the test file.
 *
 * <p>Each row has ten numeric features {@code x1..x10} (six standard normals, a uniform, an exponential, a log-normal
 * and a normal around 50, each written to 4 decimals), a {@code region} of four levels (40/30/20/10%), a {@code sex}
 * ({@code F}/{@code M}, half each, independent of everything else) and the label {@code churn}, drawn as {@code churn}
 * with the probability {@link #churnProbability} of the written features, else {@code stay}. So {@link
 * ChurnModelProvider}, which computes that probability, is the true model: calibrated, with accuracy about 0.81, ROC
 * AUC 0.86, F1 on {@code churn} 0.63, log loss 0.41, and about 29% churners; and it treats both sexes alike.
 *
 * <p>Seeded: the same row count gives the same bytes.
 */
final class EndToEndData {

    /** Where the files go, relative to the working directory (the module's directory, as under {@code mvn test}). */
    static final String DIR = "target/end-to-end";

    static final String ROWS = DIR + "/rows.csv";
    static final String REFERENCE = DIR + "/reference.csv";
    static final String SCHEMA = DIR + "/rows.schema.yaml";

    static final int FEATURES = 10;

    /** The log-odds of churn: {@code INTERCEPT + Σ COEFFICIENTS[i]·x(i+1)}. */
    static final double INTERCEPT = -0.4;

    static final double[] COEFFICIENTS = {1.1, -0.9, 0.7, -0.5, 0.4, -0.3, 1.0, -0.6, 0.5, -0.03};

    private static final String[] REGIONS = {"north", "south", "east", "west"};
    private static final double[] REGION_SHARES = {0.4, 0.3, 0.2, 0.1};

    private static final long ROWS_SEED = 20_261_127L;
    private static final long REFERENCE_SEED = 7_340_033L;

    private EndToEndData() {}

    /** Returns the probability of churn of a row whose feature {@code i} ({@code x(i+1)}) is {@code x.applyAsDouble(i)}. */
    static double churnProbability(IntToDoubleFunction x) {
        double z = INTERCEPT;
        for (int i = 0; i < FEATURES; i++) {
            z += COEFFICIENTS[i] * x.applyAsDouble(i);
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
        StringBuilder line = new StringBuilder(160);
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write("x1,x2,x3,x4,x5,x6,x7,x8,x9,x10,region,sex,churn\n");
            for (int r = 0; r < rows; r++) {
                for (int i = 0; i < 6; i++) {
                    x[i] = random.nextGaussian();
                }
                x[6] = random.nextDouble();
                x[7] = random.nextExponential();
                x[8] = Math.exp(0.5 * random.nextGaussian());
                x[9] = 50 + 10 * random.nextGaussian();
                line.setLength(0);
                for (int i = 0; i < FEATURES; i++) {
                    // The label is drawn from the features as written, so the model that reads them is exact.
                    long scaled = Math.round(x[i] * 10_000);
                    x[i] = scaled / 10_000.0;
                    fixed4(line, scaled).append(',');
                }
                line.append(REGIONS[region(random.nextDouble())]).append(',');
                line.append(random.nextBoolean() ? "F" : "M").append(',');
                line.append(random.nextDouble() < churnProbability(i -> x[i]) ? "churn" : "stay")
                        .append('\n');
                out.append(line);
            }
        }
    }

    private static int region(double u) {
        double cumulative = 0;
        for (int i = 0; i < REGION_SHARES.length - 1; i++) {
            cumulative += REGION_SHARES[i];
            if (u < cumulative) {
                return i;
            }
        }
        return REGION_SHARES.length - 1;
    }

    /** Appends {@code scaled / 10^4} with exactly four decimals, without {@code Double.toString}'s cost. */
    static StringBuilder fixed4(StringBuilder out, long scaled) {
        if (scaled < 0) {
            out.append('-');
            scaled = -scaled;
        }
        out.append(scaled / 10_000).append('.');
        long fraction = scaled % 10_000;
        for (long digit = 1_000; digit > 1 && fraction < digit; digit /= 10) {
            out.append('0');
        }
        return out.append(fraction);
    }

    /** A schema as a team would write it for this data: every rule kind that applies, the exact row count. */
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
        for (int i = 1; i <= 6; i++) {
            yaml.append("  x").append(i).append(": {type: double, min: -10, max: 10, nullable: false}\n");
        }
        return yaml.append("  x7: {type: double, min: 0, max: 1, nullable: false}\n")
                .append("  x8: {type: double, min: 0, max: 100, nullable: false}\n")
                .append("  x9: {type: double, min: 0, max: 1000, nullable: false}\n")
                .append("  x10: {type: double, min: -50, max: 150, nullable: false}\n")
                .append("  region: {type: string, allowed: [north, south, east, west], nullable: false}\n")
                .append("  sex: {type: string, allowed: [F, M], nullable: false, maxCardinality: 2}\n")
                .append("  churn: {type: string, allowed: [stay, churn], nullable: false}\n")
                .toString();
    }
}
