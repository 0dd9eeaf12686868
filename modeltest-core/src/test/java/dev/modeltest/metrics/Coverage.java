package dev.modeltest.metrics;

import dev.modeltest.check.Interval;
import dev.modeltest.model.Predictions;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The coverage simulation of the gates' intervals: seeded populations with known metric values, test sets of n rows
 * drawn from them, and the share of test sets whose 95% interval holds the population's value (two-sided) and whose
 * lower and upper bounds each hold it (one-sided, 97.5% nominal). Run in full by {@code scripts/coverage/run_coverage.sh}
 * (the table in docs/intervals.md); a small seeded version runs in {@code CoverageTest}.
 */
final class Coverage {

    /** The population a test set is drawn from, and its name. */
    record Population(String name, Predictions predictions) {}

    /**
     * One cell of the table.
     *
     * @param sets the simulated test sets with a defined metric
     * @param noInterval sets where the data left no interval (counted as misses)
     * @param undefined sets where the metric itself was undefined (left out)
     */
    record Cell(
            String population,
            String metric,
            String method,
            int n,
            int sets,
            int noInterval,
            int undefined,
            double twoSided,
            double lowerHolds,
            double upperHolds) {

        double standardError() {
            return Math.sqrt(0.95 * 0.05 / Math.max(1, sets));
        }

        boolean inBand() {
            return twoSided >= 0.935 && twoSided <= 0.965;
        }

        String row() {
            return String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %d | %d | %.1f%% | %.1f%% | %.1f%% | %.1f | %s |",
                    population,
                    metric,
                    method,
                    n,
                    sets,
                    100 * twoSided,
                    100 * lowerHolds,
                    100 * upperHolds,
                    100 * standardError(),
                    (inBand() ? "" : "**outside**") + (noInterval > 0 ? " " + noInterval + " without interval" : ""));
        }
    }

    private Coverage() {}

    /** Binary classification: {@code prevalence} positives, scores from a logistic model with a noisy margin. */
    static Population binary(String name, double prevalence, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int[] actual = new int[size];
        int[] predicted = new int[size];
        double[] p1 = new double[size];
        double[] p0 = new double[size];
        for (int i = 0; i < size; i++) {
            actual[i] = random.nextDouble() < prevalence ? 1 : 0;
            double z = 1.6 * actual[i] - 0.8 + random.nextGaussian() + Math.log(prevalence / (1 - prevalence));
            p1[i] = 1 / (1 + Math.exp(-z));
            p0[i] = 1 - p1[i];
            predicted[i] = p1[i] >= 0.5 ? 1 : 0;
        }
        return new Population(
                name,
                Predictions.classification(name, "sim", List.of("0", "1"), actual, predicted, new double[][] {p0, p1}));
    }

    /** Three classes with the given shares; softmax of a noisy one-hot margin. */
    static Population multiclass(String name, double[] shares, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        int k = shares.length;
        int[] actual = new int[size];
        int[] predicted = new int[size];
        double[][] p = new double[k][size];
        for (int i = 0; i < size; i++) {
            double u = random.nextDouble();
            int y = 0;
            double cumulative = shares[0];
            while (u >= cumulative && y < k - 1) {
                y++;
                cumulative += shares[y];
            }
            actual[i] = y;
            double[] logits = new double[k];
            double sum = 0;
            int best = 0;
            for (int c = 0; c < k; c++) {
                logits[c] = Math.exp((c == y ? 1.8 : 0) + random.nextGaussian() + Math.log(shares[c]));
                sum += logits[c];
                if (logits[c] > logits[best]) {
                    best = c;
                }
            }
            for (int c = 0; c < k; c++) {
                p[c][i] = logits[c] / sum;
            }
            predicted[i] = best;
        }
        return new Population(
                name, Predictions.classification(name, "sim", List.of("a", "b", "c"), actual, predicted, p));
    }

    /** Regression with skewed (log-normal) noise: {@code y = 2x + 5 + ε}, {@code ŷ = 1.9x + 5.1}. */
    static Population regression(String name, int size, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] y = new double[size];
        double[] yHat = new double[size];
        for (int i = 0; i < size; i++) {
            double x = random.nextGaussian();
            y[i] = 2 * x + 5 + (Math.exp(0.5 * random.nextGaussian()) - 1.13);
            yHat[i] = 1.9 * x + 5.1;
        }
        return new Population(name, Predictions.regression(name, "sim", y, yHat));
    }

    /**
     * Simulates {@code sets} test sets of {@code n} rows drawn with replacement from the population and measures how
     * often the interval (as the gates make it under {@code method}) holds the population's value.
     */
    static Cell run(
            Population population,
            Metric metric,
            MetricOptions options,
            IntervalMethod method,
            int n,
            int sets,
            int resamples,
            long seed) {
        Predictions all = population.predictions();
        double truth = Metrics.compute(all, metric, options);
        int size = all.size();
        int[] outcome = new int[sets]; // bit 0: lower holds, bit 1: upper holds, 4: no interval, 8: undefined
        String[] methods = new String[sets];
        IntStream.range(0, sets).parallel().forEach(s -> {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + s);
            int[] rows = new int[n];
            for (int j = 0; j < n; j++) {
                rows[j] = random.nextInt(size);
            }
            MetricSample sample = Metrics.sample(all, metric, options, rows);
            if (Double.isNaN(sample.value())) {
                outcome[s] = 8;
                return;
            }
            MetricInterval interval = sample.interval(method, 0.95, seed + s, resamples);
            methods[s] = interval.method();
            Interval i = interval.interval();
            if (i == null) {
                outcome[s] = 4;
                return;
            }
            outcome[s] = (i.lower() <= truth ? 1 : 0) | (i.upper() >= truth ? 2 : 0);
        });
        int defined = 0;
        int none = 0;
        int undefined = 0;
        int both = 0;
        int lower = 0;
        int upper = 0;
        String used = "";
        for (int s = 0; s < sets; s++) {
            if (outcome[s] == 8) {
                undefined++;
                continue;
            }
            defined++;
            if (methods[s] != null && !methods[s].isEmpty() && used.isEmpty()) {
                used = methods[s];
            }
            if (outcome[s] == 4) {
                none++;
                continue;
            }
            lower += outcome[s] & 1;
            upper += (outcome[s] >> 1) & 1;
            both += outcome[s] == 3 ? 1 : 0;
        }
        double d = Math.max(1, defined);
        return new Cell(
                population.name(),
                label(metric, options),
                used,
                n,
                defined,
                none,
                undefined,
                both / d,
                lower / d,
                upper / d);
    }

    private static String label(Metric metric, MetricOptions options) {
        return metric.displayName() + (options.average() == Averaging.MACRO ? " (macro)" : "");
    }

    /** The full table: every population, metric and n; fewer sets where the per-row bootstrap is costly. */
    public static void main(String[] args) {
        int scale = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int resamples = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int population = 200_000;
        List<Population> binaries = List.of(
                binary("binary, balanced", 0.5, population, 1), binary("binary, 5% positive", 0.05, population, 2));
        List<Population> multi = List.of(
                multiclass("3 classes, balanced", new double[] {1 / 3.0, 1 / 3.0, 1 / 3.0}, population, 3),
                multiclass("3 classes, 5% minority", new double[] {0.05, 0.475, 0.475}, population, 4));
        Population reg = regression("regression, skewed noise", population, 5);
        MetricOptions plain = MetricOptions.defaults();
        MetricOptions macro = plain.withAverage(Averaging.MACRO);
        int[] ns = {50, 200, 1000, 10_000};
        List<Cell> cells = new ArrayList<>();
        long start = System.nanoTime();
        System.out.println("| population | metric | method | n | sets | 95% two-sided | lower holds (97.5%) | upper"
                + " holds (97.5%) | MC s.e. (pp) | note |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|");
        for (int n : ns) {
            for (Population p : binaries) {
                for (Metric m : new Metric[] {
                    Metric.ACCURACY,
                    Metric.ROC_AUC,
                    Metric.LOG_LOSS,
                    Metric.BRIER,
                    Metric.F1,
                    Metric.MATTHEWS,
                    Metric.AVERAGE_PRECISION,
                    Metric.EXPECTED_CALIBRATION_ERROR
                }) {
                    cells.add(print(run(p, m, plain, IntervalMethod.AUTO, n, sets(m, n, scale), resamples, 11)));
                }
            }
            for (Population p : multi) {
                cells.add(print(
                        run(p, Metric.F1, macro, IntervalMethod.AUTO, n, sets(Metric.F1, n, scale), resamples, 13)));
                cells.add(print(run(
                        p,
                        Metric.ROC_AUC,
                        macro,
                        IntervalMethod.AUTO,
                        n,
                        sets(Metric.AVERAGE_PRECISION, n, scale),
                        resamples,
                        17)));
            }
            for (Metric m : new Metric[] {
                Metric.MAE, Metric.MSE, Metric.RMSE, Metric.R2, Metric.EXPLAINED_VARIANCE, Metric.MEDIAN_ABSOLUTE_ERROR
            }) {
                cells.add(print(run(reg, m, plain, IntervalMethod.AUTO, n, sets(m, n, scale), resamples, 19)));
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%n%d cells, %d outside [93.5%%, 96.5%%], %.0f s%n",
                cells.size(),
                cells.stream().filter(c -> !c.inBand()).count(),
                (System.nanoTime() - start) / 1e9);
    }

    /** Test sets per cell: {@code scale} where a set is cheap; fewer for the per-row bootstrap at 1000+ rows. */
    static int sets(Metric metric, int n, int scale) {
        boolean perRowBootstrap = switch (metric) {
            case AVERAGE_PRECISION, EXPECTED_CALIBRATION_ERROR, MEDIAN_ABSOLUTE_ERROR -> true;
            default -> false;
        };
        boolean bca = switch (metric) {
            case F1, MATTHEWS -> true;
            default -> false;
        };
        if (perRowBootstrap && n >= 10_000) {
            return Math.max(20, scale / 10);
        }
        if ((perRowBootstrap || bca) && n >= 1000) {
            return Math.max(20, scale / 4);
        }
        return scale;
    }

    private static Cell print(Cell cell) {
        System.out.println(cell.row());
        System.out.flush();
        return cell;
    }
}
