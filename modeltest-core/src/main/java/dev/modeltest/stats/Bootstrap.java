package dev.modeltest.stats;

import dev.modeltest.check.Interval;
import dev.modeltest.check.IntervalPolicy;
import java.util.Arrays;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.RecursiveAction;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apiguardian.api.API;

/**
 * Seeded bootstrap confidence intervals, percentile and BCa (bias-corrected and accelerated; Efron and Tibshirani
 * 1993, <i>An Introduction to the Bootstrap</i>, §13.3 and §14.3), for a statistic of the rows of a sample.
 *
 * <p>A statistic sees a resample as <b>counts</b>: {@code counts[j]} is how often row {@code j} was drawn, and the
 * counts sum to {@code n}. Each replicate draws {@code n} row indexes uniformly with replacement and tallies them
 * (multinomial counts). That is the classic bootstrap and exactly SciPy's resampling, unlike Poisson weights, whose
 * random total adds variance for small samples; it costs O(n) per replicate, as the statistic does, and never copies
 * the data: a metric evaluates weighted rows in one linear pass (see {@code dev.modeltest.metrics.MetricSample}).
 *
 * <p>The intervals follow {@code scipy.stats.bootstrap} (SciPy 1.10): the bias correction {@code z0} comes from the
 * fraction of replicates below the estimate (ties, up to a relative 1e-12 of rounding, counted one half), the acceleration from a jackknife, and the bounds
 * are NumPy's linear percentiles of the replicates. For up to {@value #JACKKNIFE_GROUPS} rows the jackknife leaves out
 * one row at a time, as SciPy does; for more rows it leaves out one of {@value #JACKKNIFE_GROUPS} random groups at a
 * time (the delete-d jackknife), which keeps its cost below that of the replicates. Where BCa is undefined (every
 * replicate on one side of the estimate, or a degenerate jackknife) the percentile interval is returned and
 * {@link Result#method()} says so; SciPy returns NaN there.
 *
 * <p>Replicate {@code b} draws from its own {@link SplittableRandom}, split from the seed in order before any work
 * starts, and replicates are computed in parallel into fixed slots. So the same seed gives the same interval bit for
 * bit on any number of cores (on the same JDK). The statistic is called from several threads at once and must be
 * thread-safe; it must not keep the counts array, which is reused.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class Bootstrap {

    /** The default number of replicates: enough for stable 95% BCa bounds (Efron and Tibshirani recommend ≥ 1000). */
    public static final int DEFAULT_REPLICATES = IntervalPolicy.RESAMPLES;

    /** Above this many rows the jackknife leaves out groups of rows instead of single rows. */
    public static final int JACKKNIFE_GROUPS = 1000;

    /** Relative distance under which a replicate ties the estimate. */
    private static final double TIE = 1e-12;

    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    /** The interval method. */
    public enum Method {
        /** The {@code α/2} and {@code 1 − α/2} percentiles of the replicates. */
        PERCENTILE("percentile bootstrap"),
        /** Bias-corrected and accelerated percentiles (Efron 1987). */
        BCA("BCa bootstrap");

        private final String description;

        Method(String description) {
            this.description = description;
        }

        /** Returns the method's name for reports, e.g. {@code BCa bootstrap}. */
        public String description() {
            return description;
        }
    }

    /** A statistic of a resample given as per-row counts. */
    @FunctionalInterface
    public interface Statistic {

        /**
         * Returns the statistic of the resample in which row {@code j} occurs {@code counts[j]} times, or {@code NaN}
         * where it is undefined on that resample.
         */
        double apply(int[] counts);
    }

    /**
     * A bootstrap interval with what produced it.
     *
     * @param estimate the statistic on the sample itself (every count 1)
     * @param interval the interval; its method names the bootstrap method actually used
     * @param method the method actually used (PERCENTILE where BCa was asked for but is undefined)
     * @param replicates the number of replicates drawn
     * @param undefinedReplicates how many of them gave {@code NaN} and were left out
     * @param standardError the standard deviation of the defined replicates ({@code ddof=1})
     * @param biasCorrection BCa's {@code z0}, or NaN for the percentile method
     * @param acceleration BCa's {@code a}, or NaN for the percentile method
     */
    public record Result(
            double estimate,
            Interval interval,
            Method method,
            int replicates,
            int undefinedReplicates,
            double standardError,
            double biasCorrection,
            double acceleration) {}

    private final long seed;
    private final int replicates;
    private final Method method;

    private Bootstrap(long seed, int replicates, Method method) {
        this.seed = seed;
        this.replicates = replicates;
        this.method = method;
    }

    /** Returns a BCa bootstrap with {@value #DEFAULT_REPLICATES} replicates drawn from {@code seed}. */
    public static Bootstrap seeded(long seed) {
        return new Bootstrap(seed, DEFAULT_REPLICATES, Method.BCA);
    }

    /**
     * Returns this bootstrap with another number of replicates.
     *
     * @throws IllegalArgumentException if {@code newReplicates} is outside {@code [10, 10000000]}
     */
    public Bootstrap withReplicates(int newReplicates) {
        if (newReplicates < 10 || newReplicates > 10_000_000) {
            throw new IllegalArgumentException("replicates must be in [10, 10000000], was " + newReplicates);
        }
        return new Bootstrap(seed, newReplicates, method);
    }

    /** Returns this bootstrap with another interval method. */
    public Bootstrap withMethod(Method newMethod) {
        return new Bootstrap(seed, replicates, Objects.requireNonNull(newMethod, "method"));
    }

    /** Returns the seed. */
    public long seed() {
        return seed;
    }

    /** Returns the number of replicates. */
    public int replicates() {
        return replicates;
    }

    /** Returns the interval method. */
    public Method method() {
        return method;
    }

    /**
     * Computes the interval of {@code statistic} over a sample of {@code n} rows.
     *
     * @param n the number of rows, positive
     * @param statistic the statistic of a resample's counts; thread-safe
     * @param confidence the confidence level, in {@code (0, 1)}
     * @throws IllegalArgumentException if an argument is out of range or the statistic is NaN on the sample itself
     * @throws IllegalStateException if the statistic is NaN on every replicate
     */
    public Result interval(int n, Statistic statistic, double confidence) {
        SplittableRandom root = new SplittableRandom(seed);
        SplittableRandom[] streams = new SplittableRandom[replicates];
        for (int b = 0; b < replicates; b++) {
            streams[b] = root.split();
        }
        SplittableRandom groups = root.split();
        return interval(n, statistic, confidence, (b, counts) -> draw(streams[b], counts), groups);
    }

    /**
     * Computes the interval from given resamples, {@code resamples[b]} holding the {@code n} drawn row indexes of
     * replicate {@code b}: the hook that lets tests feed SciPy's own resamples.
     */
    Result interval(int n, Statistic statistic, double confidence, int[][] resamples) {
        if (resamples.length != replicates) {
            throw new IllegalArgumentException(resamples.length + " resamples for " + replicates + " replicates");
        }
        return interval(
                n,
                statistic,
                confidence,
                (b, counts) -> {
                    Arrays.fill(counts, 0);
                    for (int j : resamples[b]) {
                        counts[j]++;
                    }
                },
                new SplittableRandom(seed));
    }

    /** Fills {@code counts} with one replicate's draw: resample counts, or weights such as the Poisson bootstrap's. */
    interface Resampler {
        void draw(int replicate, int[] counts);
    }

    private static void draw(SplittableRandom random, int[] counts) {
        Arrays.fill(counts, 0);
        int n = counts.length;
        for (int t = 0; t < n; t++) {
            counts[random.nextInt(n)]++;
        }
    }

    private Result interval(
            int n, Statistic statistic, double confidence, Resampler resampler, SplittableRandom groupStream) {
        if (n < 1) {
            throw new IllegalArgumentException("n must be positive, was " + n);
        }
        IntervalPolicy.requireLevel(confidence);
        Objects.requireNonNull(statistic, "statistic");
        int[] ones = new int[n];
        Arrays.fill(ones, 1);
        double estimate = statistic.apply(ones);
        if (Double.isNaN(estimate)) {
            throw new IllegalArgumentException(
                    "the statistic is NaN on the sample itself; there is no estimate to put an interval around");
        }
        double[] all = replicates(n, replicates, statistic, resampler);
        double[] theta = defined(all);
        int undefined = replicates - theta.length;
        if (theta.length == 0) {
            throw new IllegalStateException("the statistic is NaN on all " + replicates + " bootstrap resamples");
        }
        Arrays.sort(theta);
        double standardError = standardDeviation(theta);
        double alpha = (1 - confidence) / 2;
        if (method == Method.BCA) {
            double z0 = STANDARD_NORMAL.inverseCumulativeProbability(percentileOfScore(theta, estimate));
            double a = acceleration(n, statistic, groupStream);
            double zAlpha = STANDARD_NORMAL.inverseCumulativeProbability(alpha);
            double num1 = z0 + zAlpha;
            double alpha1 = STANDARD_NORMAL.cumulativeProbability(z0 + num1 / (1 - a * num1));
            double num2 = z0 - zAlpha;
            double alpha2 = STANDARD_NORMAL.cumulativeProbability(z0 + num2 / (1 - a * num2));
            if (alpha1 >= 0 && alpha2 <= 1 && alpha1 <= alpha2) {
                Interval interval = new Interval(
                        percentile(theta, alpha1 * 100),
                        percentile(theta, alpha2 * 100),
                        confidence,
                        Method.BCA.description());
                return new Result(estimate, interval, Method.BCA, replicates, undefined, standardError, z0, a);
            }
        }
        Interval interval = new Interval(
                percentile(theta, alpha * 100),
                percentile(theta, (1 - alpha) * 100),
                confidence,
                Method.PERCENTILE.description());
        return new Result(
                estimate, interval, Method.PERCENTILE, replicates, undefined, standardError, Double.NaN, Double.NaN);
    }

    /**
     * Evaluates the statistic on {@code replicates} draws of {@code resampler}, in parallel, each into its own slot:
     * the same values whatever the number of threads. One counts buffer per task, reused for its replicates.
     */
    static double[] replicates(int n, int replicates, Statistic statistic, Resampler resampler) {
        double[] all = new double[replicates];
        new Replicates(all, 0, replicates, leaf(replicates), n, statistic, resampler).invoke();
        return all;
    }

    private static int leaf(int tasks) {
        int cores = Runtime.getRuntime().availableProcessors();
        return Math.max(1, tasks / (8 * cores));
    }

    private static double[] defined(double[] values) {
        int count = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                count++;
            }
        }
        double[] out = new double[count];
        int i = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                out[i++] = v;
            }
        }
        return out;
    }

    /**
     * SciPy's {@code _percentile_of_score}: (#below + #at-or-below) / 2B. A replicate within a relative
     * {@value #TIE} of the estimate counts as a tie: it is usually the same number summed in another order (a
     * resample that is a permutation of the rows, or tied values), and rounding noise must not decide the bias
     * correction.
     */
    static double percentileOfScore(double[] values, double score) {
        double tolerance = TIE * Math.abs(score);
        long below = 0;
        long atOrBelow = 0;
        for (double v : values) {
            if (v < score - tolerance) {
                below++;
            }
            if (v <= score + tolerance) {
                atOrBelow++;
            }
        }
        return (below + atOrBelow) / (2.0 * values.length);
    }

    /**
     * {@code numpy.percentile(sorted, q)} with the default linear method; {@code sorted} ascending, {@code q} in
     * percent.
     */
    static double percentile(double[] sorted, double q) {
        int n = sorted.length;
        double virtual = (n - 1) * (q / 100);
        if (virtual >= n - 1) {
            return sorted[n - 1];
        }
        if (virtual < 0) {
            return sorted[0];
        }
        int previous = (int) Math.floor(virtual);
        double t = virtual - previous;
        double a = sorted[previous];
        double b = sorted[previous + 1];
        double diff = b - a;
        return t >= 0.5 ? b - diff * (1 - t) : a + diff * t;
    }

    /** The sample standard deviation ({@code n − 1} in the denominator); NaN below two values. */
    static double standardDeviation(double[] values) {
        int n = values.length;
        if (n < 2) {
            return Double.NaN;
        }
        double mean = 0;
        for (double v : values) {
            mean += v;
        }
        mean /= n;
        double squares = 0;
        for (double v : values) {
            squares += (v - mean) * (v - mean);
        }
        return Math.sqrt(squares / (n - 1));
    }

    /**
     * BCa's acceleration from the jackknife values {@code θ_(i)}, as SciPy's {@code _bca_interval}:
     * {@code U_i = (m − 1)(mean θ − θ_(i))}, {@code a = (ΣU³/m³) / 6 / (ΣU²/m²)^{3/2}}; 0 when every {@code U} is 0.
     */
    private static double acceleration(int n, Statistic statistic, SplittableRandom groupStream) {
        int[][] groups = groups(n, groupStream);
        double[] leftOut = new double[groups.length];
        new Jackknife(leftOut, 0, groups.length, leaf(groups.length), n, statistic, groups).invoke();
        double[] theta = defined(leftOut);
        int m = theta.length;
        if (m < 2) {
            return 0;
        }
        double mean = 0;
        for (double v : theta) {
            mean += v;
        }
        mean /= m;
        double cubes = 0;
        double squares = 0;
        for (double v : theta) {
            double u = (m - 1) * (mean - v);
            cubes += u * u * u;
            squares += u * u;
        }
        if (squares == 0) {
            return 0;
        }
        double m3 = (double) m * m * m;
        double m2 = (double) m * m;
        return 1.0 / 6 * (cubes / m3) / Math.pow(squares / m2, 1.5);
    }

    /** Single rows up to {@value #JACKKNIFE_GROUPS} rows; otherwise that many random groups of near-equal size. */
    private static int[][] groups(int n, SplittableRandom random) {
        if (n <= JACKKNIFE_GROUPS) {
            int[][] groups = new int[n][];
            for (int j = 0; j < n; j++) {
                groups[j] = new int[] {j};
            }
            return groups;
        }
        int[] permutation = new int[n];
        for (int j = 0; j < n; j++) {
            permutation[j] = j;
        }
        for (int j = n - 1; j > 0; j--) {
            int other = random.nextInt(j + 1);
            int swap = permutation[j];
            permutation[j] = permutation[other];
            permutation[other] = swap;
        }
        int[][] groups = new int[JACKKNIFE_GROUPS][];
        for (int g = 0; g < JACKKNIFE_GROUPS; g++) {
            int size = n / JACKKNIFE_GROUPS + (g < n % JACKKNIFE_GROUPS ? 1 : 0);
            groups[g] = new int[size];
        }
        for (int t = 0; t < n; t++) {
            groups[t % JACKKNIFE_GROUPS][t / JACKKNIFE_GROUPS] = permutation[t];
        }
        return groups;
    }

    /** Computes replicates {@code [from, to)} into their own slots, one counts buffer per leaf. */
    private static final class Replicates extends RecursiveAction {

        private static final long serialVersionUID = 1L;

        private final double[] out;
        private final int from;
        private final int to;
        private final int leaf;
        private final int n;
        private final transient Statistic statistic;
        private final transient Resampler resampler;

        Replicates(double[] out, int from, int to, int leaf, int n, Statistic statistic, Resampler resampler) {
            this.out = out;
            this.from = from;
            this.to = to;
            this.leaf = leaf;
            this.n = n;
            this.statistic = statistic;
            this.resampler = resampler;
        }

        @Override
        protected void compute() {
            if (to - from <= leaf) {
                int[] counts = new int[n];
                for (int b = from; b < to; b++) {
                    resampler.draw(b, counts);
                    out[b] = statistic.apply(counts);
                }
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(
                    new Replicates(out, from, mid, leaf, n, statistic, resampler),
                    new Replicates(out, mid, to, leaf, n, statistic, resampler));
        }
    }

    /** Computes the leave-one-group-out values {@code [from, to)}. */
    private static final class Jackknife extends RecursiveAction {

        private static final long serialVersionUID = 1L;

        private final double[] out;
        private final int from;
        private final int to;
        private final int leaf;
        private final int n;
        private final transient Statistic statistic;
        private final int[][] groups;

        Jackknife(double[] out, int from, int to, int leaf, int n, Statistic statistic, int[][] groups) {
            this.out = out;
            this.from = from;
            this.to = to;
            this.leaf = leaf;
            this.n = n;
            this.statistic = statistic;
            this.groups = groups;
        }

        @Override
        protected void compute() {
            if (to - from <= leaf) {
                int[] counts = new int[n];
                Arrays.fill(counts, 1);
                for (int g = from; g < to; g++) {
                    for (int j : groups[g]) {
                        counts[j] = 0;
                    }
                    out[g] = statistic.apply(counts);
                    for (int j : groups[g]) {
                        counts[j] = 1;
                    }
                }
                return;
            }
            int mid = (from + to) >>> 1;
            invokeAll(
                    new Jackknife(out, from, mid, leaf, n, statistic, groups),
                    new Jackknife(out, mid, to, leaf, n, statistic, groups));
        }
    }
}
