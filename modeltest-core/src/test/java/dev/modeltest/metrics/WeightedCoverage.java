package dev.modeltest.metrics;

import dev.modeltest.check.Interval;
import dev.modeltest.model.Predictions;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The coverage simulation of the intervals on weighted rows ({@code scripts/coverage/run_weighted_coverage.sh}, the
 * table in {@code docs/dev/performance-lab.md}). Each row's sample weight is log-normal ({@code exp(N(0, 1))}: skewed,
 * a few rows weigh ten times the median), and whether the row is predicted right, or how large its error is, depends
 * on its weight, so the weighted value differs from the unweighted one:
 *
 * <ul>
 *   <li>weighted accuracy: right with probability 0.95 when {@code w > 1}, 0.75 otherwise; the population's weighted
 *       accuracy {@code E[w·right] / E[w]} is {@code 0.75 + 0.2·Φ(1)}, as {@code E[w·1(w > 1)] / E[w] = Φ(1)} for
 *       {@code w = exp(Z)};
 *   <li>weighted MAE: absolute error exponential with mean 1 when {@code w > 1}, 3 otherwise; the population's value is
 *       {@code 3 − 2·Φ(1)}.
 * </ul>
 *
 * <p>Every test set gets {@link IntervalMethod#AUTO}'s interval at 95%: the bootstrap over rows that carries the
 * weights (BCa below 10 000 rows, the Poisson bootstrap per row from there).
 */
final class WeightedCoverage {

    /** Φ(1), the standard normal distribution function at 1. */
    private static final double PHI_1 = 0.8413447460685429;

    static final double ACCURACY = 0.75 + 0.2 * PHI_1;
    static final double MAE = 3 - 2 * PHI_1;

    private WeightedCoverage() {}

    /** One cell: the share of test sets whose interval holds the population's value, and the mean interval width. */
    record Cell(String metric, int n, int sets, double coverage, double width) {}

    static Predictions sample(Metric metric, int n, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        double[] w = new double[n];
        for (int i = 0; i < n; i++) {
            w[i] = Math.exp(gaussian(random));
        }
        if (metric == Metric.ACCURACY) {
            int[] actual = new int[n];
            int[] predicted = new int[n];
            for (int i = 0; i < n; i++) {
                actual[i] = random.nextInt(2);
                boolean right = random.nextDouble() < (w[i] > 1 ? 0.95 : 0.75);
                predicted[i] = right ? actual[i] : 1 - actual[i];
            }
            return Predictions.classification("sim.csv", "sim", List.of("a", "b"), actual, predicted, null)
                    .withWeights("w", w);
        }
        double[] actual = new double[n];
        double[] predicted = new double[n];
        for (int i = 0; i < n; i++) {
            actual[i] = 10 * random.nextDouble();
            double error = -Math.log(1 - random.nextDouble()) * (w[i] > 1 ? 1 : 3);
            predicted[i] = actual[i] + (random.nextBoolean() ? error : -error);
        }
        return Predictions.regression("sim.csv", "sim", actual, predicted).withWeights("w", w);
    }

    private static double gaussian(SplittableRandom random) {
        // Box-Muller; one of the pair is enough here.
        double u = 1 - random.nextDouble();
        double v = random.nextDouble();
        return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * v);
    }

    static Cell cell(Metric metric, int n, int sets, int resamples) {
        double truth = metric == Metric.ACCURACY ? ACCURACY : MAE;
        int[] held = new int[1];
        double[] widths = new double[sets];
        boolean[] holds = new boolean[sets];
        IntStream.range(0, sets).parallel().forEach(s -> {
            Predictions p = sample(metric, n, 1_000_003L * (s + 1) + n);
            MetricInterval mi = Metrics.sample(p, metric, MetricOptions.defaults())
                    .interval(IntervalMethod.AUTO, 0.95, 42 + s, resamples);
            Interval interval = mi.interval();
            holds[s] = interval != null && interval.contains(truth);
            widths[s] = interval == null ? Double.NaN : interval.upper() - interval.lower();
        });
        double width = 0;
        for (int s = 0; s < sets; s++) {
            held[0] += holds[s] ? 1 : 0;
            width += widths[s];
        }
        return new Cell(metric.displayName(), n, sets, (double) held[0] / sets, width / sets);
    }

    /** Arguments: sets per cell (default 300), resamples (default 1000), row counts (default 50,200,1000,20000). */
    public static void main(String[] args) {
        int sets = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int resamples = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        String rows = args.length > 2 ? args[2] : "50,200,1000,20000";
        System.out.println("| metric | rows | test sets | interval | coverage (95% nominal) | mean width |");
        System.out.println("|---|---|---|---|---|---|");
        for (Metric metric : List.of(Metric.ACCURACY, Metric.MAE)) {
            for (String r : rows.split(",")) {
                int n = Integer.parseInt(r.trim());
                long start = System.nanoTime();
                Cell c = cell(metric, n, sets, resamples);
                double se = Math.sqrt(c.coverage() * (1 - c.coverage()) / sets);
                System.out.printf(
                        Locale.ROOT,
                        "| weighted %s | %d | %d | %s | %.1f%% (± %.1f) | %.4f |%n",
                        c.metric(),
                        n,
                        sets,
                        n < MetricSample.POISSON_FROM_ROWS ? "BCa bootstrap" : "Poisson bootstrap",
                        100 * c.coverage(),
                        100 * 1.96 * se,
                        c.width());
                System.err.printf(
                        Locale.ROOT, "  (%s at %d rows: %.1f s)%n", c.metric(), n, (System.nanoTime() - start) / 1e9);
            }
        }
    }
}
