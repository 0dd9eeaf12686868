package dev.modeltest.metrics;

import dev.modeltest.check.Format;
import dev.modeltest.check.Interval;
import dev.modeltest.stats.Bootstrap;
import dev.modeltest.stats.DeLong;
import dev.modeltest.stats.DeltaMethod;
import dev.modeltest.stats.PoissonBootstrap;
import dev.modeltest.stats.StudentT;
import dev.modeltest.stats.Wilson;
import java.util.function.DoubleBinaryOperator;
import org.apache.commons.statistics.distribution.NormalDistribution;

/**
 * Chooses and computes a metric's interval: the exact or analytic one where theory gives it, the bootstrap otherwise
 * (docs/intervals.md has the table and the coverage evidence).
 */
final class Intervals {

    static final String WILSON = "Wilson";
    static final String DELONG = "DeLong (logit)";
    static final String STUDENT_T = "Student-t";
    static final String STUDENT_T_ROOT = "Student-t (square root)";
    static final String DELTA = "delta method (log ratio)";
    static final String JACKKNIFE = "infinitesimal jackknife (logit)";

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private Intervals() {}

    /** The exact or analytic interval a metric can have, before its rows and options are known. */
    enum Exact {
        /** Wilson, when the metric as resolved is a plain proportion of rows (accuracy; binary or micro P and R). */
        WILSON_WHEN_PROPORTION,
        /**
         * DeLong on the logit scale, when ROC AUC is of one positive class or a (macro or weighted) average of
         * one-vs-rest AUCs; not for the micro average, whose pooled (row, class) entries are not independent, nor for
         * one-vs-one or partial AUC (the bootstrap takes those).
         */
        DELONG_UNLESS_MICRO,
        /** Student-t on the per-row losses. */
        STUDENT_T,
        /** Student-t on the squared errors, square-rooted (RMSE). */
        STUDENT_T_ROOT,
        /** The delta method on {@code log(A/B)} (R², explained variance). */
        DELTA,
        /** Student-t on the per-query values of a mean over queries (NDCG, MAP). */
        STUDENT_T_QUERIES,
        /** None: the bootstrap only. */
        NONE
    }

    /** The one table of which metric has which exact or analytic interval. */
    static Exact exactKind(Metric metric) {
        return switch (metric) {
            case ACCURACY, PRECISION, RECALL, ZERO_ONE_LOSS, HAMMING_LOSS, TOP_K_ACCURACY ->
                Exact.WILSON_WHEN_PROPORTION;
            case ROC_AUC -> Exact.DELONG_UNLESS_MICRO;
            case LOG_LOSS,
                    BRIER,
                    MSE,
                    MAE,
                    MAPE,
                    MEAN_SQUARED_LOG_ERROR,
                    MEAN_PINBALL_LOSS,
                    MEAN_POISSON_DEVIANCE,
                    MEAN_GAMMA_DEVIANCE,
                    MEAN_TWEEDIE_DEVIANCE -> Exact.STUDENT_T;
            case RMSE, ROOT_MEAN_SQUARED_LOG_ERROR -> Exact.STUDENT_T_ROOT;
            case R2, EXPLAINED_VARIANCE, D2_TWEEDIE, D2_PINBALL, D2_ABSOLUTE_ERROR -> Exact.DELTA;
            case NDCG, MAP -> Exact.STUDENT_T_QUERIES;
            case BALANCED_ACCURACY,
                    ADJUSTED_BALANCED_ACCURACY,
                    COHEN_KAPPA_LINEAR,
                    COHEN_KAPPA_QUADRATIC,
                    F1,
                    F_BETA,
                    JACCARD,
                    MATTHEWS,
                    COHEN_KAPPA,
                    AVERAGE_PRECISION,
                    EXPECTED_CALIBRATION_ERROR,
                    MEDIAN_ABSOLUTE_ERROR,
                    MAX_ERROR -> Exact.NONE;
        };
    }

    /**
     * Whether no rows can give the metric an exact interval under this averaging: the metrics without one, and the
     * averaged ones averaged over classes (macro, weighted).
     */
    static boolean neverExact(Metric metric, MetricOptions options) {
        Averaging average = options.average();
        return switch (exactKind(metric)) {
            case NONE -> true;
            case WILSON_WHEN_PROPORTION ->
                metric.isAveraged() && (average == Averaging.MACRO || average == Averaging.WEIGHTED);
            case DELONG_UNLESS_MICRO -> average == Averaging.MICRO || options.maxFpr() != MetricOptions.DEFAULT_MAX_FPR;
            case STUDENT_T, STUDENT_T_ROOT, DELTA, STUDENT_T_QUERIES -> false;
        };
    }

    /** Returns the exact or analytic method for the metric as resolved, or {@code null} when there is none. */
    static String exactMethod(Metric metric, Resolved resolved, Kernel kernel) {
        if (kernel instanceof WeightedKernel || kernel instanceof QueryKernel queries && queries.weighted()) {
            // Wilson, DeLong, Student-t and the delta method count rows; with sample weights only the bootstrap over
            // rows, which carries each row's weight, applies.
            return null;
        }
        return switch (exactKind(metric)) {
            case WILSON_WHEN_PROPORTION -> kernel.proportion(metric, resolved, null) != null ? WILSON : null;
            case DELONG_UNLESS_MICRO ->
                resolved.average != Averaging.MICRO && !resolved.ovo && resolved.maxFpr == MetricOptions.DEFAULT_MAX_FPR
                        ? DELONG
                        : null;
            case STUDENT_T, STUDENT_T_QUERIES -> STUDENT_T;
            case STUDENT_T_ROOT -> STUDENT_T_ROOT;
            case DELTA -> DELTA;
            case NONE -> null;
        };
    }

    /** The exact interval; the metric is defined on the rows and {@link #exactMethod} is not null. */
    static MetricInterval exact(
            Metric metric, Resolved resolved, Kernel kernel, Columns columns, Selection selection, double level) {
        if (kernel instanceof MergedRankingKernel merged) {
            return merged.deLong(level);
        }
        if (kernel instanceof MergedRegressionKernel merged) {
            // Sums merged from elsewhere: the same interval from the merged moments instead of the rows.
            return exactKind(metric) == Exact.DELTA ? merged.delta(metric, level) : merged.studentT(metric, level);
        }
        return switch (exactKind(metric)) {
            case WILSON_WHEN_PROPORTION -> wilson(kernel.proportion(metric, resolved, null), level);
            case DELONG_UNLESS_MICRO -> deLong(resolved, columns, selection, level);
            case STUDENT_T -> studentT(metric, perRow(metric, resolved, kernel, columns, selection), level, false);
            case STUDENT_T_ROOT ->
                studentT(
                        metric,
                        perRow(
                                metric == Metric.ROOT_MEAN_SQUARED_LOG_ERROR ? Metric.MEAN_SQUARED_LOG_ERROR : metric,
                                resolved,
                                kernel,
                                columns,
                                selection),
                        level,
                        true);
            case DELTA ->
                metric == Metric.R2 || metric == Metric.EXPLAINED_VARIANCE
                        ? delta(metric, columns, selection, level)
                        : deltaD2(metric, resolved, columns, selection, level);
            case STUDENT_T_QUERIES ->
                studentTOverQueries(metric, ((QueryKernel) kernel).perQuery(metric, resolved.k), resolved, level);
            case NONE -> throw new IllegalStateException(metric + " has no exact interval");
        };
    }

    /**
     * The seeded bootstrap over weighted rows: BCa below {@link PoissonBootstrap#RECOMMENDED_FROM_ROWS} rows, the
     * Poisson bootstrap per row from there; a replicate weighs each row by its sample weight times the number of times
     * it is drawn.
     */
    private static MetricInterval weightedBootstrap(MetricSample sample, double level, long seed, int resamples) {
        int n = sample.size();
        String tail = ", " + resamples + " resamples, seed " + seed + ", rows weighted by their sample weight";
        try {
            if (n < PoissonBootstrap.RECOMMENDED_FROM_ROWS) {
                Bootstrap.Result result =
                        Bootstrap.seeded(seed).withReplicates(resamples).interval(n, sample::value, level);
                // The coverage run (docs/intervals.md, sample weights) found weighted accuracy's 95% interval at
                // 89-91% on 50 to 1000 rows with skewed weights, inside the band only at 20 000 rows.
                return spread(
                        result.interval(),
                        result.method().description()
                                + tail
                                + approximate("a bootstrap over fewer than " + PoissonBootstrap.RECOMMENDED_FROM_ROWS
                                        + " rows with sample weights (" + n + ") covers less than its level when"
                                        + " the weights are skewed"));
            }
            PoissonBootstrap.Result result = PoissonBootstrap.ofRows(n, sample::value, level, seed, resamples);
            return spread(result.interval(), PoissonBootstrap.NAME + tail);
        } catch (IllegalStateException undefinedEverywhere) {
            return MetricInterval.none("bootstrap", "the metric is undefined on every bootstrap resample");
        }
    }

    /**
     * The seeded bootstrap: BCa below {@link PoissonBootstrap#RECOMMENDED_FROM_ROWS} rows; from there the Poisson
     * bootstrap, per confusion-matrix cell for the label metrics, per (bin, hit) cell for expected calibration error
     * ({@link CalibrationCells}), per block of sorted errors for the median and max absolute error ({@link
     * PoissonBootstrap#ofOrderStatistic}) and per row otherwise. From there too, unless the bootstrap is
     * {@code forced} ({@link IntervalMethod#BOOTSTRAP}), average precision takes the bootstrap's normal limit instead
     * ({@link #averagePrecision}): the same spread at a million rows in one sort instead of {@code resamples} passes.
     */
    static MetricInterval bootstrap(
            MetricSample sample,
            Kernel kernel,
            Resolved resolved,
            Columns columns,
            double level,
            long seed,
            int resamples,
            boolean forced) {
        int n = sample.size();
        if (kernel instanceof MergedRankingKernel merged) {
            // MetricGate refuses the rest (fewer rows, or a forced bootstrap): they need the rows.
            return merged.averagePrecision(level);
        }
        if (kernel instanceof QueryKernel queries) {
            return bootstrapQueries(queries.perQuery(sample.metric(), resolved.k), level, seed, resamples);
        }
        if (kernel instanceof WeightedKernel) {
            // Every shortcut below counts rows (confusion cells, sorted errors, the jackknife of unweighted average
            // precision): with sample weights, each replicate draws row multiplicities and weighs each row by its
            // sample
            // weight times its multiplicity.
            return weightedBootstrap(sample, level, seed, resamples);
        }
        if (n >= PoissonBootstrap.RECOMMENDED_FROM_ROWS && !forced && sample.metric() == Metric.AVERAGE_PRECISION) {
            return averagePrecision(resolved, columns, sample.selection(), level);
        }
        String tail =
                ", " + resamples + " resamples, seed " + seed + bootstrapCaveat(sample, kernel, resolved, columns);
        try {
            if (n < PoissonBootstrap.RECOMMENDED_FROM_ROWS) {
                Bootstrap.Result result =
                        Bootstrap.seeded(seed).withReplicates(resamples).interval(n, sample::value, level);
                return spread(result.interval(), result.method().description() + tail);
            }
            PoissonBootstrap.Result result;
            if (kernel instanceof ConfusionKernel labels) {
                // The counts and the seed alone draw every replicate: counts merged from elsewhere give the same.
                long[] cells = labels.counts();
                int k = labels.classCount();
                Metric metric = sample.metric();
                result = PoissonBootstrap.ofCells(
                        cells, table -> LabelMetrics.value(metric, table, k, resolved), level, seed, resamples);
            } else if (kernel instanceof CalibrationKernel calibration) {
                CalibrationCells cells = CalibrationCells.of(columns, sample.selection(), resolved, calibration);
                result = PoissonBootstrap.ofReplicates(b -> cells.replicate(seed, b), level, resamples);
            } else if (sample.metric() == Metric.MEDIAN_ABSOLUTE_ERROR || sample.metric() == Metric.MAX_ERROR) {
                result = PoissonBootstrap.ofOrderStatistic(
                        absoluteErrors(columns, sample.selection()),
                        sample.metric() == Metric.MAX_ERROR
                                ? PoissonBootstrap.OrderStatistic.MAXIMUM
                                : PoissonBootstrap.OrderStatistic.MEDIAN,
                        level,
                        seed,
                        resamples);
            } else {
                result = PoissonBootstrap.ofRows(n, sample::value, level, seed, resamples);
            }
            return spread(result.interval(), PoissonBootstrap.NAME + tail);
        } catch (IllegalStateException undefinedEverywhere) {
            // NaN on every resample (e.g. ROC AUC on a slice with one row of a class): no interval to give.
            return MetricInterval.none("bootstrap", "the metric is undefined on every bootstrap resample");
        }
    }

    /**
     * The bootstrap of a mean over queries resamples the queries, not the rows: the rows of one query are ranked
     * together and are not independent. BCa below {@link PoissonBootstrap#RECOMMENDED_FROM_ROWS} queries, the Poisson
     * bootstrap (one weight per query) from there.
     */
    private static MetricInterval bootstrapQueries(
            QueryKernel.PerQuery perQuery, double level, long seed, int resamples) {
        int queries = perQuery.values().length;
        String tail = " over " + queries + " queries, " + resamples + " resamples, seed " + seed + singles(perQuery);
        if (perQuery.weights() != null) {
            tail += ", queries weighted by their sample weight";
        }
        try {
            if (queries < PoissonBootstrap.RECOMMENDED_FROM_ROWS) {
                Bootstrap.Result result =
                        Bootstrap.seeded(seed).withReplicates(resamples).interval(queries, perQuery::mean, level);
                return spread(
                        result.interval(),
                        result.method().description()
                                + tail
                                + (perQuery.weights() == null
                                        ? ""
                                        : approximate("a bootstrap over fewer than "
                                                + PoissonBootstrap.RECOMMENDED_FROM_ROWS
                                                + " queries with sample weights (" + queries
                                                + ") covers less than its level when the weights are skewed")));
            }
            PoissonBootstrap.Result result = PoissonBootstrap.ofRows(queries, perQuery::mean, level, seed, resamples);
            return spread(result.interval(), PoissonBootstrap.NAME + tail);
        } catch (IllegalStateException undefinedEverywhere) {
            return MetricInterval.none("bootstrap", "the metric is undefined on every bootstrap resample");
        }
    }

    /**
     * Student-t on the per-query values: the metric is their mean and the queries are the independent units. Bounds
     * are clipped to [0, 1].
     */
    private static MetricInterval studentTOverQueries(
            Metric metric, QueryKernel.PerQuery perQuery, Resolved resolved, double level) {
        double[] values = perQuery.values();
        String label = metric.displayName() + "@" + resolved.k;
        if (values.length < 2) {
            return MetricInterval.none(STUDENT_T, "one query has no spread to estimate" + singles(perQuery));
        }
        StudentT.Result t = StudentT.mean(values, level);
        if (t.standardError() == 0) {
            return MetricInterval.none(
                    STUDENT_T,
                    "every query's " + label + " is " + Format.value(values[0])
                            + ", so there is no spread to estimate");
        }
        double lower = Math.max(metric.lowest(), t.lower());
        double upper = Math.min(metric.highest(), t.upper());
        return MetricInterval.of(
                new Interval(lower, upper, level, STUDENT_T),
                STUDENT_T + " over " + values.length + " queries, " + t.degreesOfFreedom() + " df"
                        + singles(perQuery)
                        + skewCaveat(values, "query", "queries"));
    }

    /** Names the queries of one row left out, for the interval's description. */
    private static String singles(QueryKernel.PerQuery perQuery) {
        int singles = perQuery.singles();
        return singles == 0 ? "" : " (" + singles + (singles == 1 ? " query" : " queries") + " of one row left out)";
    }

    /** The selection's absolute errors in ascending order. */
    private static double[] absoluteErrors(Columns columns, Selection selection) {
        double[] errors = new double[selection.size];
        for (int j = 0; j < errors.length; j++) {
            int i = selection.row(j);
            errors[j] = Math.abs(columns.actualValues[i] - columns.predictedValues[i]);
        }
        java.util.Arrays.sort(errors);
        return errors;
    }

    /** A bootstrap interval of zero width means every resample gave the estimate: no spread to estimate, say so. */
    private static MetricInterval spread(Interval interval, String how) {
        if (interval.lower() == interval.upper()) {
            return MetricInterval.none(
                    interval.method(),
                    "every bootstrap resample gives " + Format.value(interval.lower())
                            + ", so there is no spread to estimate");
        }
        return MetricInterval.of(interval, how);
    }

    /** The ranking bootstrap under-covers with fewer rows of the rarer class (docs/intervals.md). */
    static final int RARER_CLASS_ROWS = 20;

    /**
     * DeLong's interval covers 92.8% with 50 rows of the rarer class (1000 rows, 5% positive) and runs above 96.5% with
     * 25 of each (docs/intervals.md).
     */
    static final int DELONG_RARER_CLASS_ROWS = 60;

    /** The confusion-matrix bootstrap under-covers with fewer true positives of a class that counts. */
    static final int TRUE_POSITIVES = 10;

    /** Equal-mass ECE covers 92.9% at 10 000 rows with 5% positives (500 rows), 95.2% balanced (docs/intervals.md). */
    static final int EQUAL_MASS_RARER_CLASS_ROWS = 1000;

    /** Rows per squared skewness that a mean needs before its t interval is trusted: Cochran's 25, times 4. */
    static final double SKEW_FACTOR = 100;

    /** The bootstrap of average precision covers 92-93% at 50 and 200 rows, even balanced (docs/intervals.md). */
    static final int AVERAGE_PRECISION_ROWS = 500;

    /** Expected calibration error's estimate is biased upwards below this many rows; the interval does not fix that. */
    static final int CALIBRATION_ROWS = 10_000;

    /** Below this many trials a proportion takes few values and Wilson's coverage swings around the nominal level. */
    static final int WILSON_TRIALS = 100;

    private static MetricInterval wilson(long[] proportion, double level) {
        if (proportion[1] == 0) {
            // Precision with no row predicted positive: scikit-learn's value is 0, but there is no trial to count.
            return MetricInterval.none(
                    WILSON,
                    "it is a proportion of 0 rows (none in its denominator), so there is" + " nothing to estimate");
        }
        Interval interval = Wilson.interval(proportion[0], proportion[1], level);
        // The simulation found 97% at 50 rows, conservative, but outside [93.5%, 96.5%]; Brown, Cai and DasGupta
        // (2001) show the swing both ways on small n, so the message says so (docs/intervals.md).
        String caveat = proportion[1] < WILSON_TRIALS
                ? approximate("fewer than " + WILSON_TRIALS + " trials (" + proportion[1] + ")")
                : "";
        return MetricInterval.of(interval, WILSON + ", " + proportion[0] + " of " + proportion[1] + caveat);
    }

    /** Where the simulation found the bootstrap's coverage outside [93.5%, 96.5%], the caveat for the message. */
    private static String bootstrapCaveat(MetricSample sample, Kernel kernel, Resolved resolved, Columns columns) {
        Metric metric = sample.metric();
        int n = sample.size();
        if (metric == Metric.MAX_ERROR) {
            return approximate("a resample never holds an error above the sample's largest, so the bootstrap cannot"
                    + " see how far the largest error of new data may reach");
        }
        if (metric == Metric.AVERAGE_PRECISION && n < AVERAGE_PRECISION_ROWS) {
            return approximate("fewer than " + AVERAGE_PRECISION_ROWS + " rows (" + n + ")");
        }
        if (metric == Metric.EXPECTED_CALIBRATION_ERROR && n < CALIBRATION_ROWS) {
            return approximate("expected calibration error is biased upwards below " + CALIBRATION_ROWS
                    + " rows and the interval does not correct that");
        }
        if (metric == Metric.EXPECTED_CALIBRATION_ERROR && resolved.binning == Binning.EQUAL_MASS) {
            long rarer = rarerClassRows(resolved, columns, sample.selection());
            if (rarer < EQUAL_MASS_RARER_CLASS_ROWS) {
                return approximate("expected calibration error with equal-mass bins is biased upwards with fewer than "
                        + EQUAL_MASS_RARER_CLASS_ROWS + " rows of the rarer class (" + rarer + ")");
            }
        }
        if (kernel instanceof ConfusionKernel labels
                && (resolved.average == Averaging.MACRO || resolved.average == Averaging.WEIGHTED)) {
            long fewestRows = fewestRowsOfAClass(labels);
            if (fewestRows < RARER_CLASS_ROWS) {
                return approximate("fewer than " + RARER_CLASS_ROWS + " rows of a class (" + fewestRows + ")");
            }
        }
        if (kernel instanceof ConfusionKernel labels) {
            long[] cells = labels.counts();
            int k = labels.classCount();
            long fewest = Long.MAX_VALUE;
            for (int c = 0; c < k; c++) {
                if (resolved.average == Averaging.BINARY && c != resolved.positive) {
                    continue;
                }
                fewest = Math.min(fewest, cells[c * k + c]);
            }
            if (fewest < TRUE_POSITIVES) {
                return approximate("fewer than " + TRUE_POSITIVES + " true positives of a class (" + fewest + ")");
            }
        }
        if (kernel instanceof RankingKernel || metric == Metric.ROC_AUC) {
            long rarer = rarerClassRows(resolved, columns, sample.selection());
            if (rarer < RARER_CLASS_ROWS) {
                return approximate("fewer than " + RARER_CLASS_ROWS + " rows of the rarer class (" + rarer + ")");
            }
            if (resolved.maxFpr != MetricOptions.DEFAULT_MAX_FPR) {
                // Partial AUC rests on the negatives scored above the cut: about maxFpr of them.
                long negatives = sample.size() - positiveRows(resolved, columns, sample.selection());
                long within = (long) Math.floor(resolved.maxFpr * negatives);
                if (within < RARER_CLASS_ROWS) {
                    return approximate("fewer than " + RARER_CLASS_ROWS + " negative rows within the false positive"
                            + " rate limit (" + Format.number(resolved.maxFpr) + " of " + negatives + ")");
                }
            }
        }
        return "";
    }

    /**
     * The true rows of the smallest class, a class with none included, from the confusion counts: what {@link
     * #rarerClassRows} counts from the rows under a macro or weighted average.
     */
    private static long fewestRowsOfAClass(ConfusionKernel labels) {
        long[] cells = labels.counts();
        int k = labels.classCount();
        long fewest = Long.MAX_VALUE;
        for (int c = 0; c < k; c++) {
            fewest = Math.min(fewest, LabelMetrics.rowSum(cells, k, c));
        }
        return fewest;
    }

    private static String approximate(String why) {
        return "; approximate here: " + why + ", see docs/intervals.md";
    }

    /** The rows of the positive class. */
    private static long positiveRows(Resolved resolved, Columns columns, Selection selection) {
        long positives = 0;
        for (int j = 0; j < selection.size; j++) {
            positives += columns.actual[selection.row(j)] == resolved.positive ? 1 : 0;
        }
        return positives;
    }

    /** The rows of the rarer side: positives or negatives for one class, the smallest class otherwise. */
    private static long rarerClassRows(Resolved resolved, Columns columns, Selection selection) {
        long[] perClass = new long[columns.k];
        for (int j = 0; j < selection.size; j++) {
            perClass[columns.actual[selection.row(j)]]++;
        }
        if (resolved.average == Averaging.BINARY) {
            long positives = perClass[resolved.positive];
            return Math.min(positives, selection.size - positives);
        }
        long fewest = Long.MAX_VALUE;
        for (long c : perClass) {
            // A class with no row counts too: one-vs-one then leaves it out, and so measures fewer pairs than the
            // model's population has (the simulation's sets without the 5% class covered 89%).
            fewest = Math.min(fewest, c);
        }
        return fewest;
    }

    /**
     * Cochran's rule for the CLT on a mean of skewed values, {@code n > 25·g1²} with {@code g1} the sample skewness
     * (Cochran 1977, §2.15; Boos and Hughes-Oliver 2000), with the skewness doubled: {@code n > 100·g1²}. Where the
     * rule fails the t (and delta-method) interval under-covers on the long tail's side. The doubling is what the
     * coverage simulation asks for: on heavy-tailed values (squared errors of skewed noise, deviances) the samples
     * that missed the tail show a low skewness and a low mean at once, so at 25·g1² the intervals the rule let through
     * covered 75-87% at 1000 rows (docs/intervals.md).
     */
    private static String skewCaveat(double[] values) {
        return skewCaveat(values, "row", "rows");
    }

    /** As {@link #skewCaveat(double[])}, with the values {@code per} one {@code unit} (of which {@code units}). */
    private static String skewCaveat(double[] values, String unit, String units) {
        int n = values.length;
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double m2 = 0;
        double m3 = 0;
        for (double v : values) {
            double d = v - mean;
            m2 += d * d;
            m3 += d * d * d;
        }
        return skewCaveat(n, m2 / n, m3 / n, unit, units);
    }

    /** {@link #skewCaveat(double[])} from the values' count and second and third central moments (divided by n). */
    static String skewCaveat(long n, double m2, double m3) {
        return skewCaveat(n, m2, m3, "row", "rows");
    }

    private static String skewCaveat(long n, double m2, double m3, String unit, String units) {
        if (!(m2 > 0)) {
            return "";
        }
        double g1 = m3 / Math.pow(m2, 1.5);
        double needed = SKEW_FACTOR * g1 * g1;
        if (n >= needed) {
            return "";
        }
        return approximate("the per-" + unit + " values are skewed (skewness " + Format.number(g1) + "), and Cochran's"
                + " rule with the skewness doubled asks for " + (long) Math.ceil(needed) + " " + units);
    }

    /**
     * DeLong's variance of the AUC on the logit scale, {@code logit(AUC) ± z·√V / (AUC(1 − AUC))} mapped back with the
     * logistic function, so the bounds stay inside (0, 1) (Pepe 2003, §5.2; Qin and Hotilovac 2008). A macro or
     * weighted average of one-vs-rest AUCs, {@code Σ c_k·AUC_k}, takes the variance of the combination from each
     * row's DeLong terms summed over the classes ({@link DeLong.Components#rowTerms}), so the covariances between the
     * classes' AUCs, which share every row, are in it; with one class it is DeLong's variance exactly.
     */
    private static MetricInterval deLong(Resolved resolved, Columns columns, Selection selection, double level) {
        int n = selection.size;
        // Binary, macro or weighted (never micro, see Exact.DELONG_UNLESS_MICRO): one class per column set.
        int[] classes = java.util.Arrays.stream(RankingKernel.columnSets(resolved, columns.k))
                .mapToInt(set -> set[0])
                .toArray();
        // One class per task: each sorts its own scores, so the classes run side by side on the cores.
        DeLong.Components[] components = new DeLong.Components[classes.length];
        boolean[][] positives = new boolean[classes.length][];
        java.util.stream.IntStream.range(0, classes.length).parallel().forEach(k -> {
            double[] p = columns.probabilities[classes[k]];
            boolean[] positive = new boolean[n];
            double[] scores = new double[n];
            for (int j = 0; j < n; j++) {
                int i = selection.row(j);
                positive[j] = columns.actual[i] == classes[k];
                scores[j] = p[i];
            }
            positives[k] = positive;
            components[k] = DeLong.components(positive, scores);
        });
        double auc = 0;
        double[] terms = new double[n];
        int rarer = Integer.MAX_VALUE;
        for (int k = 0; k < classes.length; k++) {
            int m = components[k].v10().length;
            rarer = Math.min(rarer, Math.min(m, n - m));
            double weight = resolved.average == Averaging.WEIGHTED ? m / (double) n : 1.0 / classes.length;
            double[] classTerms = components[k].rowTerms(positives[k]);
            for (int j = 0; j < n; j++) {
                terms[j] += weight * classTerms[j];
            }
            auc += weight * components[k].auc();
        }
        double variance = 0;
        for (double t : terms) {
            variance += t * t;
        }
        String rows = classes.length == 1
                ? components[0].v10().length + " positive and " + components[0].v01().length + " negative rows"
                : "one-vs-rest over " + classes.length + " classes, " + n + " rows";
        return deLong(auc, variance, rows, rarer, level);
    }

    /**
     * DeLong's logit interval from the AUC, its variance, the rows for the description and the rows of the rarer class:
     * from the rows' terms, or from a ranking's merged moments ({@link MergedRankingKernel#deLong}).
     */
    static MetricInterval deLong(double auc, double variance, String rows, long rarer, double level) {
        if (auc >= 1 || auc <= 0) {
            return MetricInterval.none(
                    DELONG,
                    "every positive row scores " + (auc >= 1 ? "above" : "below") + " every negative one (AUC "
                            + Format.value(auc) + "), so DeLong's variance is 0");
        }
        if (!(variance > 0)) {
            return MetricInterval.none(DELONG, "DeLong's variance is 0 on these " + rows);
        }
        double z = STANDARD_NORMAL.inverseSurvivalProbability((1 - level) / 2);
        double logit = Math.log(auc / (1 - auc));
        double se = Math.sqrt(variance) / (auc * (1 - auc));
        double lower = 1 / (1 + Math.exp(-(logit - z * se)));
        double upper = 1 / (1 + Math.exp(-(logit + z * se)));
        String caveat = rarer < DELONG_RARER_CLASS_ROWS
                ? approximate("fewer than " + DELONG_RARER_CLASS_ROWS + " rows of the rarer class (" + rarer + ")")
                : "";
        return MetricInterval.of(new Interval(lower, upper, level, DELONG), DELONG + ", " + rows + caveat);
    }

    /**
     * Average precision from {@link PoissonBootstrap#RECOMMENDED_FROM_ROWS} rows on: the infinitesimal jackknife's
     * variance (the sum of the rows' squared influences, {@link RankOrder#addAveragePrecisionInfluence}), which is
     * the variance the Poisson bootstrap's replicates converge to, on the logit scale as DeLong's so that the bounds
     * stay inside (0, 1). Averages over classes sum each row's influences over the classes first, so the
     * covariances between the classes' values are in the variance.
     */
    static MetricInterval averagePrecision(Resolved resolved, Columns columns, Selection selection, double level) {
        int n = selection.size;
        int[][] columnSets = RankingKernel.columnSets(resolved, columns.k);
        long[] positives = new long[columnSets.length];
        long allPositives = 0;
        for (int j = 0; j < n; j++) {
            int actual = columns.actual[selection.row(j)];
            for (int s = 0; s < columnSets.length; s++) {
                for (int c : columnSets[s]) {
                    if (c == actual) {
                        positives[s]++;
                        allPositives++;
                    }
                }
            }
        }
        double[] terms = new double[n];
        double ap = 0;
        for (int s = 0; s < columnSets.length; s++) {
            double weight = resolved.average == Averaging.WEIGHTED
                    ? positives[s] / (double) allPositives
                    : 1.0 / columnSets.length;
            ap += weight * RankOrder.of(columns, selection, columnSets[s]).addAveragePrecisionInfluence(weight, terms);
        }
        double variance = 0;
        for (double t : terms) {
            variance += t * t;
        }
        return averagePrecision(ap, variance, n, rarerClassRows(resolved, columns, selection), level);
    }

    /**
     * Average precision's jackknife interval from the value, the sum of the rows' squared influences, the rows and the
     * rows of the rarer class: from the rows' influences, or from a ranking's merged influence pass ({@link
     * MergedRankingKernel#averagePrecision}).
     */
    static MetricInterval averagePrecision(double ap, double variance, long n, long rarer, double level) {
        if (ap >= 1) {
            return MetricInterval.none(
                    JACKKNIFE,
                    "every positive row scores above every negative one (average precision 1.0000), so there is no"
                            + " spread to estimate");
        }
        if (!(ap > 0) || !(variance > 0)) {
            return MetricInterval.none(JACKKNIFE, "the rows' influences on average precision are all 0");
        }
        double z = STANDARD_NORMAL.inverseSurvivalProbability((1 - level) / 2);
        double logit = Math.log(ap / (1 - ap));
        double se = Math.sqrt(variance) / (ap * (1 - ap));
        double lower = 1 / (1 + Math.exp(-(logit - z * se)));
        double upper = 1 / (1 + Math.exp(-(logit + z * se)));
        String caveat = rarer < RARER_CLASS_ROWS
                ? approximate("fewer than " + RARER_CLASS_ROWS + " rows of the rarer class (" + rarer + ")")
                : "";
        return MetricInterval.of(new Interval(lower, upper, level, JACKKNIFE), JACKKNIFE + ", " + n + " rows" + caveat);
    }

    /** The names of the per-row losses of MSE and RMSE, MAE and MAPE, in messages. */
    static final String SQUARED_ERROR = "squared error";

    static final String ABSOLUTE_ERROR = "absolute error";
    static final String RELATIVE_ERROR = "relative error";

    /** The per-row losses a mean-loss metric averages, with their name for messages. */
    private record Losses(double[] values, String name) {}

    /** Each selection position's loss: log loss, Brier term, squared, absolute or relative error. */
    private static Losses perRow(
            Metric metric, Resolved resolved, Kernel kernel, Columns columns, Selection selection) {
        int n = selection.size;
        if (metric == Metric.LOG_LOSS) {
            return new Losses(((ProbabilityKernel) kernel).logLosses(), "log loss");
        }
        double[] out = new double[n];
        if (metric == Metric.BRIER) {
            double[] p = columns.probabilities[resolved.positive];
            for (int j = 0; j < n; j++) {
                int i = selection.row(j);
                double d = (columns.actual[i] == resolved.positive ? 1 : 0) - p[i];
                out[j] = d * d;
            }
            return new Losses(out, "squared error of the positive class's probability");
        }
        RegressionFormula formula = (RegressionFormula) metric.formula();
        if (formula.isLoss()) {
            return new Losses(
                    RegressionLosses.perRow(metric, resolved, columns, selection), RegressionLosses.lossName(metric));
        }
        // A row's loss from its true value and its residual.
        record RowLoss(String name, DoubleBinaryOperator of) {}
        RowLoss loss = switch (formula) {
            case MSE, RMSE -> new RowLoss(SQUARED_ERROR, (a, r) -> r * r);
            case MAE -> new RowLoss(ABSOLUTE_ERROR, (a, r) -> Math.abs(r));
            case MAPE ->
                new RowLoss(RELATIVE_ERROR, (a, r) -> Math.abs(r) / Math.max(Math.abs(a), ProbabilitySums.EPS));
            case MAX_ERROR,
                    R2,
                    EXPLAINED_VARIANCE,
                    MEDIAN_ABSOLUTE_ERROR,
                    MSLE,
                    RMSLE,
                    PINBALL,
                    POISSON_DEVIANCE,
                    GAMMA_DEVIANCE,
                    TWEEDIE_DEVIANCE,
                    D2_TWEEDIE,
                    D2_PINBALL,
                    D2_ABSOLUTE_ERROR ->
                throw new IllegalArgumentException(metric + " is not a mean of per-row losses");
        };
        for (int j = 0; j < n; j++) {
            int i = selection.row(j);
            double a = columns.actualValues[i];
            out[j] = loss.of().applyAsDouble(a, a - columns.predictedValues[i]);
        }
        return new Losses(out, loss.name());
    }

    /**
     * Student-t on the per-row losses; for RMSE ({@code root}) the interval of the mean squared error, square-rooted
     * (a monotone transform keeps the coverage). Bounds are clipped to the metric's range.
     */
    private static MetricInterval studentT(Metric metric, Losses perRow, double level, boolean root) {
        double[] losses = perRow.values();
        if (losses.length < 2) {
            return MetricInterval.none(root ? STUDENT_T_ROOT : STUDENT_T, "one row has no spread to estimate");
        }
        return studentT(
                metric, StudentT.mean(losses, level), perRow.name(), losses[0], level, root, () -> skewCaveat(losses));
    }

    /**
     * The Student-t interval from its parts: the mean's {@code t} result, the losses' name and one loss for the
     * message when they are all equal, and the skewness caveat, made only when there is an interval.
     */
    static MetricInterval studentT(
            Metric metric,
            StudentT.Result t,
            String lossName,
            double someLoss,
            double level,
            boolean root,
            java.util.function.Supplier<String> caveat) {
        String method = root ? STUDENT_T_ROOT : STUDENT_T;
        if (t.standardError() == 0) {
            return MetricInterval.none(
                    method,
                    "every row's " + lossName + " is " + Format.value(someLoss)
                            + ", so there is no spread to estimate");
        }
        double lower = Math.max(0, t.lower());
        double upper = t.upper();
        if (root) {
            lower = Math.sqrt(lower);
            upper = Math.sqrt(upper);
        }
        lower = Math.max(metric.lowest(), lower);
        upper = Math.min(metric.highest(), upper);
        return MetricInterval.of(
                new Interval(lower, upper, level, method), method + ", " + t.degreesOfFreedom() + " df" + caveat.get());
    }

    /**
     * R² and explained variance, {@code 1 − A/B} with {@code A} the mean squared (centred, for explained variance)
     * residual and {@code B} the mean squared deviation of the true values: the delta method on {@code log(A/B)}.
     */
    private static MetricInterval delta(Metric metric, Columns columns, Selection selection, double level) {
        int n = selection.size;
        if (n < 2) {
            return MetricInterval.none(DELTA, "one row has no spread to estimate");
        }
        double[] y = columns.actualValues;
        double[] yHat = columns.predictedValues;
        double meanY = 0;
        double meanR = 0;
        for (int j = 0; j < n; j++) {
            int i = selection.row(j);
            meanY += y[i];
            meanR += y[i] - yHat[i];
        }
        meanY /= n;
        meanR /= n;
        boolean centred = metric == Metric.EXPLAINED_VARIANCE;
        double[] a = new double[n];
        double[] b = new double[n];
        double sumA = 0;
        double sumB = 0;
        for (int j = 0; j < n; j++) {
            int i = selection.row(j);
            double r = y[i] - yHat[i] - (centred ? meanR : 0);
            double d = y[i] - meanY;
            a[j] = r * r;
            b[j] = d * d;
            sumA += a[j];
            sumB += b[j];
        }
        return delta(metric, n, sumA, sumB, () -> DeltaMethod.logRatio(a, b, level), () -> skewCaveat(a), level);
    }

    /**
     * R²'s and explained variance's delta-method interval from {@code Σa} and {@code Σb} (each 0 exactly when every
     * term is) and the delta method's result, made only when both are positive: from the rows' terms or from their
     * merged moments ({@link MergedRegressionKernel#delta}).
     */
    static MetricInterval delta(
            Metric metric,
            long n,
            double sumA,
            double sumB,
            java.util.function.Supplier<DeltaMethod.Result> logRatio,
            java.util.function.Supplier<String> caveat,
            double level) {
        boolean centred = metric == Metric.EXPLAINED_VARIANCE;
        if (sumB == 0) {
            return MetricInterval.none(
                    DELTA,
                    "every true value is the same, so " + metric.displayName()
                            + " is fixed by definition and has no spread to estimate");
        }
        if (sumA == 0) {
            return MetricInterval.none(
                    DELTA, "every residual is " + (centred ? "the same" : "0") + ", so there is no spread to estimate");
        }
        DeltaMethod.Result d = logRatio.get();
        double lower = Math.max(metric.lowest(), 1 - d.upperRatio());
        double upper = Math.min(metric.highest(), 1 - d.lowerRatio());
        return MetricInterval.of(new Interval(lower, upper, level, DELTA), DELTA + ", " + n + " rows" + caveat.get());
    }

    /**
     * The D² scores, {@code 1 − A/B} with {@code A} the model's mean loss and {@code B} the null model's (the mean or
     * the {@code α} quantile of the true values, taken as fixed, as R² takes the mean): the delta method on {@code
     * log(A/B)}, as R²'s.
     */
    private static MetricInterval deltaD2(
            Metric metric, Resolved resolved, Columns columns, Selection selection, double level) {
        if (selection.size < 2) {
            return MetricInterval.none(DELTA, "one row has no spread to estimate");
        }
        double[][] terms = RegressionLosses.d2Terms(metric, resolved, columns, selection);
        double sumA = 0;
        double sumB = 0;
        for (int j = 0; j < selection.size; j++) {
            sumA += terms[0][j];
            sumB += terms[1][j];
        }
        if (sumB == 0) {
            return MetricInterval.none(
                    DELTA,
                    "the null model's loss is 0 on every row, so " + metric.displayName()
                            + " is fixed by definition and has no spread to estimate");
        }
        if (sumA == 0) {
            return MetricInterval.none(DELTA, "the model's loss is 0 on every row, so there is no spread to estimate");
        }
        DeltaMethod.Result d = DeltaMethod.logRatio(terms[0], terms[1], level);
        double lower = Math.max(metric.lowest(), 1 - d.upperRatio());
        double upper = Math.min(metric.highest(), 1 - d.lowerRatio());
        return MetricInterval.of(
                new Interval(lower, upper, level, DELTA),
                DELTA + ", " + selection.size + " rows" + skewCaveat(terms[0]));
    }
}
