package dev.modeltest.stats;

import dev.modeltest.check.Interval;
import dev.modeltest.check.IntervalPolicy;
import java.util.Arrays;
import java.util.Objects;
import java.util.function.ToDoubleFunction;
import org.apache.commons.statistics.distribution.PoissonDistribution;
import org.apiguardian.api.API;

/**
 * The seeded Poisson bootstrap (Hanley and MacGibbon 2006; Chamandy et al. 2012, the resampling of TFMA and other
 * one-pass evaluators): in replicate {@code b}, row {@code j} counts {@code w_jb} times, {@code w_jb} an independent
 * Poisson(1) draw. The interval is the percentile interval of the replicates (NumPy's linear percentiles), NaN
 * replicates left out.
 *
 * <p>Each weight is a pure function of {@code (seed, row, replicate)}: a SplitMix64 hash (Steele, Lea and Flood
 * 2014) of the three turned into a uniform with 53 bits and then into a Poisson(1) count by its inverse CDF. No weight
 * depends on another, so replicates can be computed in any order, on any number of threads, over any chunking of the
 * rows (or partitions of a cluster) and give the same result bit for bit. Memory is one weight buffer per worker
 * thread, never {@code replicates × n}.
 *
 * <p>For a statistic of a table of counts (a confusion matrix), {@link #ofCells} draws one Poisson({@code N_c}) per
 * cell and replicate instead: the sum of {@code N_c} independent Poisson(1) weights is exactly Poisson({@code N_c}), so
 * the cell totals of a per-row replicate and of a per-cell one have the same joint distribution (cells hold disjoint
 * rows, so their totals are independent either way), at {@code O(cells × replicates)} cost.
 *
 * <p>Unlike the multinomial bootstrap ({@link Bootstrap}) the total weight of a replicate is random (mean {@code n},
 * standard deviation {@code √n}); from {@value #RECOMMENDED_FROM_ROWS} rows on that adds under 1% to the spread, which
 * is why modeltest's checks switch to it from there.
 *
 * @since 0.2.0
 */
@API(status = API.Status.INTERNAL, since = "0.2.0")
public final class PoissonBootstrap {

    /** The row count from which modeltest's checks use the Poisson bootstrap instead of BCa. */
    public static final int RECOMMENDED_FROM_ROWS = 10_000;

    /** The method's name for messages. */
    public static final String NAME = "Poisson bootstrap";

    private static final long GOLDEN = 0x9E3779B97F4A7C15L;

    /** P(W ≤ k) for W ~ Poisson(1), up to where it rounds to 1. */
    private static final double[] CDF = poissonOneCdf();

    /**
     * A Poisson bootstrap interval.
     *
     * @param interval the percentile interval
     * @param replicates the number of replicates
     * @param undefinedReplicates how many gave NaN and were left out
     * @param standardError the standard deviation of the defined replicates ({@code ddof = 1})
     */
    public record Result(Interval interval, int replicates, int undefinedReplicates, double standardError) {}

    private PoissonBootstrap() {}

    /** Returns the Poisson(1) weight of {@code row} in {@code replicate}. */
    public static int weight(long seed, long row, int replicate) {
        return poissonOne(uniform(seed, row, replicate));
    }

    /**
     * Returns a uniform in {@code [0, 1)} with 53 random bits, a pure function of the three keys: the SplitMix64 output
     * number {@code replicate + 1} of a stream whose state is the hash of {@code (seed, key)}.
     */
    public static double uniform(long seed, long key, int replicate) {
        return unit(mix64(streamKey(seed, key) + (replicate + 1L) * GOLDEN));
    }

    /** Fills {@code weights} with the Poisson(1) weights of rows {@code 0..n-1} in {@code replicate}. */
    public static void weights(long seed, int replicate, int[] weights) {
        weights(streamKeys(seed, weights.length), replicate, weights);
    }

    /** The per-row stream states, computed once per interval so that a weight costs one hash. */
    private static long[] streamKeys(long seed, int n) {
        long[] keys = new long[n];
        for (int j = 0; j < n; j++) {
            keys[j] = streamKey(seed, j);
        }
        return keys;
    }

    private static void weights(long[] keys, int replicate, int[] weights) {
        long step = (replicate + 1L) * GOLDEN;
        for (int j = 0; j < weights.length; j++) {
            weights[j] = poissonOne(unit(mix64(keys[j] + step)));
        }
    }

    private static long streamKey(long seed, long key) {
        return mix64(seed ^ mix64(key * GOLDEN + 0x632BE59BD9B4E019L));
    }

    private static double unit(long h) {
        return (h >>> 11) * 0x1.0p-53;
    }

    /**
     * Computes the interval of a statistic of per-row weights.
     *
     * @param n the number of rows
     * @param statistic thread-safe; must not keep the weights array, which is reused
     * @throws IllegalStateException if the statistic is NaN on every replicate
     */
    public static Result ofRows(int n, Bootstrap.Statistic statistic, double level, long seed, int replicates) {
        requireArguments(level, replicates);
        Objects.requireNonNull(statistic, "statistic");
        long[] keys = streamKeys(seed, n);
        return result(Bootstrap.replicates(n, replicates, statistic, (b, weights) -> weights(keys, b, weights)), level);
    }

    /**
     * Computes the interval of a statistic of a table of counts, drawing one Poisson({@code cells[c]}) per cell and
     * replicate keyed by {@code (seed, c, replicate)}.
     *
     * @param cells the table's counts, each at least 0
     * @param statistic the statistic of a replicate's table; thread-safe, must not keep the array
     * @throws IllegalStateException if the statistic is NaN on every replicate
     */
    public static Result ofCells(
            long[] cells, ToDoubleFunction<long[]> statistic, double level, long seed, int replicates) {
        requireArguments(level, replicates);
        PoissonDistribution[] distributions = new PoissonDistribution[cells.length];
        for (int c = 0; c < cells.length; c++) {
            if (cells[c] < 0) {
                throw new IllegalArgumentException("cell " + c + " has a negative count " + cells[c]);
            }
            distributions[c] = cells[c] == 0 ? null : PoissonDistribution.of(cells[c]);
        }
        double[] out = new double[replicates];
        java.util.stream.IntStream.range(0, replicates).parallel().forEach(b -> {
            long[] table = new long[cells.length];
            for (int c = 0; c < cells.length; c++) {
                table[c] = distributions[c] == null
                        ? 0
                        : distributions[c].inverseCumulativeProbability(uniform(seed, c, b));
            }
            out[b] = statistic.applyAsDouble(table);
        });
        return result(out, level);
    }

    /**
     * Computes the interval from replicates made by {@code replicate} (replicate index to statistic), in parallel into
     * fixed slots: for statistics that draw their own keyed Poisson counts, such as per-cell ones.
     */
    public static Result ofReplicates(java.util.function.IntToDoubleFunction replicate, double level, int replicates) {
        requireArguments(level, replicates);
        double[] out = new double[replicates];
        java.util.stream.IntStream.range(0, replicates).parallel().forEach(b -> out[b] = replicate.applyAsDouble(b));
        return result(out, level);
    }

    /** An order statistic of a multiset: what {@link #ofOrderStatistic} bootstraps. */
    public enum OrderStatistic {
        /** The median, the mean of the two middle values for an even count (as {@code numpy.median}). */
        MEDIAN,
        /** The largest value. */
        MAXIMUM
    }

    /**
     * Computes the interval of an order statistic of {@code n} values under per-row Poisson(1) weights, at {@code
     * O(√n)} per replicate instead of {@code O(n)}, with the same distribution of replicates as drawing every row's
     * weight. The sorted values fall into blocks of about {@code √n} consecutive rows. A block's total weight is the
     * sum of its rows' independent Poisson(1) weights, exactly Poisson(rows), drawn keyed by {@code (seed, block,
     * replicate)}; the order statistic of a replicate lies in the block where the cumulative totals reach its rank,
     * and only that block's rows need weights: given their total {@code T}, independent Poisson weights are
     * multinomial, so {@code T} uniform picks among the block's rows (keyed by {@code (seed, block, pick,
     * replicate)}) give them. Like every draw here, the result does not depend on the thread count.
     *
     * @param sorted the values in ascending order, not modified
     * @throws IllegalArgumentException if {@code sorted} is empty or not ascending
     */
    public static Result ofOrderStatistic(
            double[] sorted, OrderStatistic statistic, double level, long seed, int replicates) {
        requireArguments(level, replicates);
        Objects.requireNonNull(statistic, "statistic");
        int n = sorted.length;
        if (n == 0) {
            throw new IllegalArgumentException("no values");
        }
        for (int j = 1; j < n; j++) {
            if (!(sorted[j - 1] <= sorted[j])) {
                throw new IllegalArgumentException("values not in ascending order at " + j);
            }
        }
        OrderBlocks blocks = new OrderBlocks(sorted, seed);
        double[] out = new double[replicates];
        java.util.stream.IntStream.range(0, replicates)
                .parallel()
                .forEach(b -> out[b] = blocks.replicate(statistic, b));
        return result(out, level);
    }

    /** The blocks of {@link #ofOrderStatistic}, with the Poisson CDFs of their sizes tabulated once. */
    private static final class OrderBlocks {

        private static final long PICK_SALT = 0x3C6EF372FE94F82AL;

        private final double[] sorted;
        private final long seed;
        private final int size;
        private final int blocks;
        private final double[] fullCdf;
        private final double[] lastCdf;

        OrderBlocks(double[] sorted, long seed) {
            this.sorted = sorted;
            this.seed = seed;
            int n = sorted.length;
            this.size = (int) Math.ceil(Math.sqrt(n));
            this.blocks = (n + size - 1) / size;
            this.fullCdf = poissonCdf(size);
            this.lastCdf = poissonCdf(n - (blocks - 1) * size);
        }

        int rows(int block) {
            return block == blocks - 1 ? sorted.length - block * size : size;
        }

        double replicate(OrderStatistic statistic, int b) {
            int[] totals = new int[blocks];
            long weight = 0;
            for (int k = 0; k < blocks; k++) {
                totals[k] = inverse(k == blocks - 1 ? lastCdf : fullCdf, uniform(seed, k, b));
                weight += totals[k];
            }
            if (weight == 0) {
                return Double.NaN;
            }
            if (statistic == OrderStatistic.MAXIMUM) {
                int k = blocks - 1;
                while (totals[k] == 0) {
                    k--;
                }
                int[] counts = counts(k, totals[k], b);
                int r = counts.length - 1;
                while (counts[r] == 0) {
                    r--;
                }
                return sorted[k * size + r];
            }
            return (valueAt((weight - 1) / 2, totals, b) + valueAt(weight / 2, totals, b)) / 2;
        }

        /** The value of rank {@code rank} (0-based) of the replicate's multiset. */
        private double valueAt(long rank, int[] totals, int b) {
            int k = 0;
            long before = 0;
            while (before + totals[k] <= rank) {
                before += totals[k++];
            }
            int[] counts = counts(k, totals[k], b);
            long within = rank - before;
            int r = 0;
            while (within >= counts[r]) {
                within -= counts[r++];
            }
            return sorted[k * size + r];
        }

        /** The weights of block {@code k}'s rows given their total: {@code total} uniform picks among them. */
        private int[] counts(int k, int total, int b) {
            int rows = rows(k);
            int[] counts = new int[rows];
            for (int t = 0; t < total; t++) {
                long key = ((long) k << 32) | t;
                counts[(int) (uniform(seed ^ PICK_SALT, key, b) * rows)]++;
            }
            return counts;
        }
    }

    /**
     * P(X ≤ k) for X ~ Poisson(mean), mean at least 1, for k from 0 to 40 standard deviations above the mean (where it
     * is 1 in double precision), from Commons Statistics.
     */
    static double[] poissonCdf(int mean) {
        PoissonDistribution poisson = PoissonDistribution.of(mean);
        int last = (int) Math.ceil(mean + 40 * Math.sqrt(mean) + 40);
        double[] cdf = new double[last + 1];
        for (int k = 0; k < last; k++) {
            cdf[k] = poisson.cumulativeProbability(k);
        }
        cdf[last] = 1.0;
        return cdf;
    }

    /** The smallest k with {@code cdf[k] > u}. */
    static int inverse(double[] cdf, double u) {
        int lo = 0;
        int hi = cdf.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cdf[mid] > u) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo;
    }

    private static void requireArguments(double level, int replicates) {
        IntervalPolicy.requireLevel(level);
        if (replicates < 10 || replicates > 10_000_000) {
            throw new IllegalArgumentException("replicates must be in [10, 10000000], was " + replicates);
        }
    }

    private static Result result(double[] all, double level) {
        double[] theta = Arrays.stream(all).filter(v -> !Double.isNaN(v)).toArray();
        if (theta.length == 0) {
            throw new IllegalStateException(
                    "the statistic is NaN on all " + all.length + " Poisson bootstrap replicates");
        }
        Arrays.sort(theta);
        double alpha = (1 - level) / 2;
        Interval interval = new Interval(
                Bootstrap.percentile(theta, alpha * 100), Bootstrap.percentile(theta, (1 - alpha) * 100), level, NAME);
        return new Result(interval, all.length, all.length - theta.length, Bootstrap.standardDeviation(theta));
    }

    /** Poisson(1)'s inverse CDF: the smallest k with {@code P(W ≤ k) > u}. */
    static int poissonOne(double u) {
        int k = 0;
        while (k < CDF.length - 1 && u >= CDF[k]) {
            k++;
        }
        return k;
    }

    private static double[] poissonOneCdf() {
        double[] cdf = new double[24];
        double pmf = Math.exp(-1);
        double sum = 0;
        for (int k = 0; k < cdf.length; k++) {
            sum += pmf;
            cdf[k] = sum;
            pmf /= k + 1;
        }
        cdf[cdf.length - 1] = 1.0;
        return cdf;
    }

    /** SplitMix64's finalizer (Stafford's variant 13), as {@link java.util.SplittableRandom} uses it. */
    static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }
}
