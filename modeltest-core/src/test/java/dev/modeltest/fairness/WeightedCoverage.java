package dev.modeltest.fairness;

import dev.modeltest.check.Interval;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * The coverage simulation of the fairness checks' bootstrap interval on rows with sample weights, beside the same
 * simulation of the unweighted bootstrap: two groups drawn from known populations, the check's statistic and its 95%
 * percentile interval on each simulated test set, and the share of sets whose interval holds the population's value.
 * Run in full by {@code scripts/coverage/run_fairness_weights_coverage.sh} (the table in
 * docs/dev/fairness-weights-coverage.md); a small seeded version runs in {@code WeightedCoverageTest}.
 *
 * <p>The population of group g: a row weighs 0 with probability 0.1, else {@code w = exp(0.8·Z)} (log-normal);
 * {@code P(y = pos | w) = σ(a_g + 0.5·ln w)} and {@code P(ŷ = pos | y, w) = σ(b_g + 2·y + c_g·ln w)}, so heavy rows
 * are more often positive (and, where {@code c_g > 0}, more often selected), and weighted and unweighted rates and
 * their differences differ. The population's weighted
 * rates are ratios of expectations ({@code E[w·ŷ] / E[w]} and so on), computed by quadrature over Z; the unweighted
 * ones the same with w = 1 in the ratio (the rows are still drawn as above).
 */
final class WeightedCoverage {

    /** Z's grid for the quadrature: ±10 standard deviations in steps of 0.001. */
    private static final double Z_MAX = 10;

    private static final double Z_STEP = 0.001;

    private static final double ZERO_SHARE = 0.1;

    private static final double SIGMA = 0.8;

    /** One group's population. */
    record Group(double a, double b, double c) {

        double positive(double lnW) {
            return sigmoid(a + 0.5 * lnW);
        }

        double selected(double y, double lnW) {
            return sigmoid(b + 2 * y + c * lnW);
        }

        /**
         * Returns the population's rates {selection rate, TPR, FPR, accuracy}, weighted ({@code weighted}) or not:
         * ratios of expectations over w (rows of weight 0 included; they add nothing to a weighted sum).
         */
        double[] rates(boolean weighted) {
            double sw = 0;
            double sel = 0;
            double pos = 0;
            double tp = 0;
            double fp = 0;
            double correct = 0;
            // Rows of weight 0: in the unweighted figures only.
            if (!weighted) {
                double p = positive(0);
                double zero = ZERO_SHARE / (1 - ZERO_SHARE);
                // Their y and ŷ do not depend on ln w = −∞ in a way that matters: give them ln w = 0's rates, as drawn.
                sw += zero;
                pos += zero * p;
                tp += zero * p * selected(1, 0);
                fp += zero * (1 - p) * selected(0, 0);
                correct += zero * (p * selected(1, 0) + (1 - p) * (1 - selected(0, 0)));
                sel += zero * (p * selected(1, 0) + (1 - p) * selected(0, 0));
            }
            for (double z = -Z_MAX; z <= Z_MAX + 1e-9; z += Z_STEP) {
                double density = Math.exp(-z * z / 2) / Math.sqrt(2 * Math.PI) * Z_STEP;
                double lnW = SIGMA * z;
                double w = weighted ? Math.exp(lnW) : 1;
                double p = positive(lnW);
                double s1 = selected(1, lnW);
                double s0 = selected(0, lnW);
                sw += density * w;
                pos += density * w * p;
                tp += density * w * p * s1;
                fp += density * w * (1 - p) * s0;
                sel += density * w * (p * s1 + (1 - p) * s0);
                correct += density * w * (p * s1 + (1 - p) * (1 - s0));
            }
            return new double[] {sel / sw, tp / pos, fp / (sw - pos), correct / sw};
        }

        /** Draws one row: {weight, y, ŷ}. Rows of weight 0 are drawn with ln w = 0's probabilities. */
        double[] draw(SplittableRandom random) {
            boolean zero = random.nextDouble() < ZERO_SHARE;
            double lnW = zero ? 0 : SIGMA * gaussian(random);
            double y = random.nextDouble() < positive(lnW) ? 1 : 0;
            double yHat = random.nextDouble() < selected(y, lnW) ? 1 : 0;
            return new double[] {zero ? 0 : Math.exp(lnW), y, yHat};
        }
    }

    /** A statistic of two groups' counts, with its population value from the groups' population rates. */
    enum Statistic {
        /** Group B's selection rate minus group A's, signed: a smooth statistic, to calibrate the resampling itself. */
        SIGNED_DIFFERENCE("selection-rate difference B − A (signed)", true) {
            @Override
            GroupCheck check() {
                return null;
            }

            @Override
            double of(Counts[] groups) {
                return groups[1].selectionRate() - groups[0].selectionRate();
            }

            @Override
            double truth(double[] a, double[] b) {
                return b[0] - a[0];
            }
        },
        /** Group A's TPR alone, to calibrate the resampling of a rate among positives. */
        TPR_A("TPR of group A", false) {
            @Override
            GroupCheck check() {
                return null;
            }

            @Override
            double of(Counts[] groups) {
                return groups[0].truePositiveRate();
            }

            @Override
            double truth(double[] a, double[] b) {
                return a[1];
            }
        },
        /** Group A's accuracy alone, the calibration row of the lowest-accuracy statistic. */
        ACCURACY_A("accuracy of group A", false) {
            @Override
            GroupCheck check() {
                return null;
            }

            @Override
            double of(Counts[] groups) {
                return groups[0].accuracy();
            }

            @Override
            double truth(double[] a, double[] b) {
                return a[3];
            }
        },
        DP_DIFFERENCE("demographic parity difference", true) {
            @Override
            GroupCheck check() {
                return new DemographicParityCheck("coverage", FairnessOptions.of("g"), 1, Double.NaN);
            }

            @Override
            double truth(double[] a, double[] b) {
                return Math.abs(a[0] - b[0]);
            }
        },
        DP_RATIO("demographic parity ratio", false) {
            @Override
            GroupCheck check() {
                return new DemographicParityCheck("coverage", FairnessOptions.of("g"), Double.NaN, 0);
            }

            @Override
            double truth(double[] a, double[] b) {
                return Math.min(a[0], b[0]) / Math.max(a[0], b[0]);
            }
        },
        EO_DIFFERENCE("equal opportunity (TPR) difference", true) {
            @Override
            GroupCheck check() {
                return new EqualOpportunityCheck("coverage", FairnessOptions.of("g"), 1);
            }

            @Override
            double truth(double[] a, double[] b) {
                return Math.abs(a[1] - b[1]);
            }
        },
        EQUALIZED_ODDS("equalized odds difference", true) {
            @Override
            GroupCheck check() {
                return new EqualizedOddsCheck("coverage", FairnessOptions.of("g"), 1);
            }

            @Override
            double truth(double[] a, double[] b) {
                return Math.max(Math.abs(a[1] - b[1]), Math.abs(a[2] - b[2]));
            }
        },
        MIN_ACCURACY("lowest group accuracy", false) {
            @Override
            GroupCheck check() {
                return new GroupMetricAtLeastCheck("coverage", FairnessOptions.of("g"), GroupMetric.ACCURACY, 0);
            }

            @Override
            double truth(double[] a, double[] b) {
                return Math.min(a[3], b[3]);
            }
        };

        final String label;
        /** Whether the check bounds the statistic from above (a FAIL is a lower bound over the limit). */
        final boolean atMost;

        Statistic(String label, boolean atMost) {
            this.label = label;
            this.atMost = atMost;
        }

        /** The check whose statistic this is, or {@code null} for the calibration statistics. */
        abstract GroupCheck check();

        /** The statistic of two groups' counts; {@code NaN} when undefined. */
        double of(Counts[] groups) {
            return check().statistic(null, groups, new int[] {0, 1}, groups[0].plus(groups[1]));
        }

        abstract double truth(double[] a, double[] b);
    }

    /**
     * One cell of the table.
     *
     * @param sets test sets with a defined statistic and an interval
     * @param twoSided the share whose interval holds the population's value
     * @param lowerHolds the share whose lower bound is at most the value
     * @param upperHolds the share whose upper bound is at least the value
     * @param meanWidth the mean width of the interval
     * @param limit the limit of the decision column: the population value, or 0.05 past it on the passing side
     * @param falseFail the share of sets a check decided on the interval would FAIL although the value passes the
     *     limit (the whole interval on the failing side; nominal at most 2.5%)
     */
    record Cell(
            String scenario,
            Statistic statistic,
            boolean weighted,
            int n,
            double truth,
            int sets,
            double twoSided,
            double lowerHolds,
            double upperHolds,
            double meanWidth,
            double limit,
            double falseFail) {

        String row() {
            double se = Math.sqrt(twoSided * (1 - twoSided) / sets);
            return String.format(
                    Locale.ROOT,
                    "| %s | %s | %s | %d | %.4f | %d | %.1f%% | %.1f | %.1f%% | %.1f%% | %.3f | %s %.4f: %.1f%% |",
                    scenario,
                    statistic.label,
                    weighted ? "weighted" : "unweighted",
                    n,
                    truth,
                    sets,
                    100 * twoSided,
                    100 * se,
                    100 * lowerHolds,
                    100 * upperHolds,
                    meanWidth,
                    statistic.atMost ? "≤" : "≥",
                    limit,
                    100 * falseFail);
        }
    }

    private WeightedCoverage() {}

    /**
     * Runs one cell.
     *
     * @param a the first group's population
     * @param b the second group's population
     * @param n rows drawn per group (rows of weight 0 included)
     * @param sets test sets
     * @param resamples bootstrap resamples per set
     * @param seed the seed of the test sets
     */
    static Cell run(
            String scenario,
            Group a,
            Group b,
            Statistic statistic,
            boolean weighted,
            int n,
            double margin,
            int sets,
            int resamples,
            long seed) {
        double truth = statistic.truth(a.rates(weighted), b.rates(weighted));
        double limit = statistic.atMost ? truth + margin : truth - margin;
        double[][] outcome = new double[sets][];
        IntStream.range(0, sets).parallel().forEach(s -> {
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + s);
            Counts[] groups = new Counts[2];
            double[][][] cells = new double[2][][];
            for (int g = 0; g < 2; g++) {
                Group population = g == 0 ? a : b;
                List<List<Double>> byCell =
                        List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
                for (int i = 0; i < n; i++) {
                    double[] row = population.draw(random);
                    double w = weighted ? row[0] : 1;
                    if (w == 0) {
                        continue;
                    }
                    int cell = row[1] == 1 ? (row[2] == 1 ? 0 : 2) : (row[2] == 1 ? 1 : 3);
                    byCell.get(cell).add(w);
                }
                cells[g] = new double[4][];
                double[] sums = new double[4];
                for (int c = 0; c < 4; c++) {
                    cells[g][c] = byCell.get(c).stream()
                            .mapToDouble(Double::doubleValue)
                            .toArray();
                    for (double w : cells[g][c]) {
                        sums[c] += w;
                    }
                }
                groups[g] = new Counts(
                        cells[g][0].length,
                        cells[g][1].length,
                        cells[g][2].length,
                        cells[g][3].length,
                        sums[0],
                        sums[1],
                        sums[2],
                        sums[3]);
            }
            if (Double.isNaN(statistic.of(groups))) {
                return;
            }
            GroupBootstrap.Statistic of = (counts, all) -> statistic.of(counts);
            GroupBootstrap.Result result = weighted
                    ? GroupBootstrap.runWeighted(groups, cells, "w", of, resamples, seed + s, 0.95)
                    : GroupBootstrap.run(groups, of, resamples, seed + s, 0.95);
            Interval interval = result.interval();
            if (interval != null) {
                outcome[s] = new double[] {interval.lower(), interval.upper()};
            }
        });
        int defined = 0;
        int both = 0;
        int lower = 0;
        int upper = 0;
        double width = 0;
        int fails = 0;
        for (double[] o : outcome) {
            if (o == null) {
                continue;
            }
            defined++;
            boolean lo = o[0] <= truth + 1e-12;
            boolean hi = o[1] >= truth - 1e-12;
            lower += lo ? 1 : 0;
            upper += hi ? 1 : 0;
            both += lo && hi ? 1 : 0;
            width += o[1] - o[0];
            fails += (statistic.atMost ? o[0] > limit + GroupCheck.TOLERANCE : o[1] < limit - GroupCheck.TOLERANCE)
                    ? 1
                    : 0;
        }
        return new Cell(
                scenario,
                statistic,
                weighted,
                n,
                truth,
                defined,
                (double) both / defined,
                (double) lower / defined,
                (double) upper / defined,
                width / defined,
                limit,
                (double) fails / defined);
    }

    /** The two scenarios: groups apart (differences of 0.1 to 0.2), and groups alike (every difference 0). */
    static List<Group[]> scenarios() {
        return List.of(
                new Group[] {new Group(-0.3, -1.3, 1.0), new Group(0.2, -0.2, 0)},
                new Group[] {new Group(-0.1, -1.0, 0.7), new Group(-0.1, -1.0, 0.7)});
    }

    static final List<String> SCENARIO_NAMES = List.of("apart", "alike");

    /** Per scenario, how far on the passing side of the population's value the decision column's limit lies. */
    static final double[] MARGINS = {0, 0.05};

    /**
     * Prints the Markdown table: {@code [sets per cell] [resamples] [n,n,...]}, defaults 1000, 1000 and 50,200,1000.
     */
    public static void main(String[] args) {
        int sets = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int resamples = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int[] sizes = args.length > 2
                ? java.util.Arrays.stream(args[2].split(","))
                        .mapToInt(Integer::parseInt)
                        .toArray()
                : new int[] {50, 200, 1000};
        long start = System.nanoTime();
        System.out.println("| scenario | statistic | rows | n per group | population value | sets | 95% two-sided"
                + " | MC s.e. | lower holds | upper holds | mean width | false FAIL at limit |");
        System.out.println("|---|---|---|---|---|---|---|---|---|---|---|---|");
        long seed = 1;
        for (int sc = 0; sc < scenarios().size(); sc++) {
            Group[] groups = scenarios().get(sc);
            for (Statistic statistic : Statistic.values()) {
                if (sc == 1
                        && statistic != Statistic.DP_DIFFERENCE
                        && statistic != Statistic.DP_RATIO
                        && statistic != Statistic.SIGNED_DIFFERENCE) {
                    continue;
                }
                for (int n : sizes) {
                    for (boolean weighted : new boolean[] {true, false}) {
                        Cell cell = run(
                                SCENARIO_NAMES.get(sc),
                                groups[0],
                                groups[1],
                                statistic,
                                weighted,
                                n,
                                MARGINS[sc],
                                sets,
                                resamples,
                                seed++);
                        System.out.println(cell.row());
                    }
                }
            }
        }
        System.out.printf(Locale.ROOT, "%.0f s%n", (System.nanoTime() - start) / 1e9);
    }

    private static double sigmoid(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    private static double gaussian(SplittableRandom random) {
        // Box–Muller: the same deviates on every JDK.
        return Math.sqrt(-2 * Math.log(1 - random.nextDouble())) * Math.cos(2 * Math.PI * random.nextDouble());
    }
}
