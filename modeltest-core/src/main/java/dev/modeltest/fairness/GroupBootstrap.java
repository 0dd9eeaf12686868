package dev.modeltest.fairness;

import dev.modeltest.check.Interval;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.apache.commons.statistics.descriptive.Quantile;

/**
 * A seeded, group-stratified bootstrap of a statistic of per-group confusion counts, with a percentile interval.
 *
 * <p>The textbook way resamples rows: each group's {@code n} rows are drawn again, with replacement, from that group
 * (stratified, so every group keeps its size). Every statistic here depends on a group's rows only through its four
 * confusion counts (TP, FP, FN, TN), and drawing {@code n} rows with replacement from a group makes those counts a
 * multinomial draw with the group's observed cell proportions. So this class draws the multinomial directly, as three
 * conditional binomials (positives ~ Bin(n, P/n), then TP ~ Bin(positives, TP/P) and FP ~ Bin(n − positives, FP/N)):
 * the same distribution as row resampling, at a cost that grows with the square root of a group's size rather than
 * with its size.
 *
 * <p>The binomial draws are inversions of the binomial CDF ({@link BinomialSampler}) at uniform deviates from
 * {@link SplittableRandom} (the SplitMix64 generator, whose output for a seed is fixed by its specification), taken
 * in a fixed order (resample by resample, group by group, three per group), so the same seed gives the same interval
 * bit for bit.
 *
 * <p>The interval is the percentile interval: the {@code (1 − c)/2} and {@code (1 + c)/2} quantiles of the resampled
 * statistics, with the Hyndman–Fan type 7 estimator (NumPy's default {@code 'linear'} method). Resamples in which the
 * statistic is undefined (a judged group drew no positive rows, say) are dropped and counted.
 *
 * <p><b>With sample weights</b> ({@link #runWeighted}) the rows of a group no longer weigh alike within a confusion
 * cell, so the four counts do not determine a resample's statistic. The resample is still the group's rows drawn with
 * replacement, each drawn row carrying its weight (a row drawn m times weighs m·w): the three binomials give how many
 * rows each cell draws, exactly as above, and each cell's draws are then picked uniformly among the cell's rows
 * ({@link SplittableRandom#nextInt(int)}), their weights summed. Drawing a cell first and a row within it uniformly is
 * drawing a row of the group uniformly, so this is row resampling, at a cost that grows with the group's size. Rows
 * of weight 0 are in no group's rows (they are in no weighted figure) and are never drawn.
 */
final class GroupBootstrap {

    /** A statistic of per-group counts: {@code NaN} when undefined. */
    @FunctionalInterface
    interface Statistic {
        /**
         * @param groups the counts of every group, in table order
         * @param overall the counts of all rows
         */
        double of(Counts[] groups, Counts overall);
    }

    /**
     * The outcome.
     *
     * @param interval the percentile interval, or {@code null} when every resample was undefined
     * @param resamples the number of resamples drawn
     * @param undefined how many of them left the statistic undefined (and were dropped)
     * @param seed the seed
     */
    record Result(Interval interval, int resamples, int undefined, long seed) {}

    private GroupBootstrap() {}

    static Result run(Counts[] groups, Statistic statistic, int resamples, long seed, double confidence) {
        return run(groups, null, statistic, resamples, seed, confidence, "");
    }

    /**
     * Runs the bootstrap over rows that carry sample weights.
     *
     * @param groups the counts of every group (row counts of the rows of positive weight, and weight sums)
     * @param cellWeights per group, per confusion cell (TP, FP, FN, TN), the weights of its rows
     * @param weightColumn the weight column, named in the interval's method
     */
    static Result runWeighted(
            Counts[] groups,
            double[][][] cellWeights,
            String weightColumn,
            Statistic statistic,
            int resamples,
            long seed,
            double confidence) {
        return run(
                groups,
                cellWeights,
                statistic,
                resamples,
                seed,
                confidence,
                "rows weighted by '" + weightColumn + "', ");
    }

    private static Result run(
            Counts[] groups,
            double[][][] cellWeights,
            Statistic statistic,
            int resamples,
            long seed,
            double confidence,
            String weighting) {
        SplittableRandom random = new SplittableRandom(seed);
        int k = groups.length;
        // Per group: the share of positive rows, the TPR and the FPR drive the three draws.
        BinomialSampler[] positives = new BinomialSampler[k];
        BinomialSampler[] truePositives = new BinomialSampler[k];
        BinomialSampler[] falsePositives = new BinomialSampler[k];
        for (int g = 0; g < k; g++) {
            Counts c = groups[g];
            // A group without rows (with weights: whose rows all weigh 0) draws none.
            positives[g] = new BinomialSampler(c.n() == 0 ? 0 : (double) c.positives() / c.n());
            truePositives[g] = new BinomialSampler(c.positives() == 0 ? 0 : (double) c.tp() / c.positives());
            falsePositives[g] = new BinomialSampler(c.negatives() == 0 ? 0 : (double) c.fp() / c.negatives());
        }
        double[][] same = cellWeights == null ? null : sameWeights(cellWeights);
        double[] values = new double[resamples];
        int defined = 0;
        Counts[] drawn = new Counts[k];
        for (int b = 0; b < resamples; b++) {
            Counts overall = Counts.ZERO;
            for (int g = 0; g < k; g++) {
                // Resample the group's rows (with replacement, same size) as a multinomial draw of its four counts.
                int n = toInt(groups[g].n());
                int p = positives[g].sample(n, random.nextDouble());
                int tp = truePositives[g].sample(p, random.nextDouble());
                int fp = falsePositives[g].sample(n - p, random.nextDouble());
                int fn = p - tp;
                int tn = n - p - fp;
                drawn[g] = cellWeights == null
                        ? new Counts(tp, fp, fn, tn)
                        : new Counts(
                                tp,
                                fp,
                                fn,
                                tn,
                                draw(cellWeights[g][0], same[g][0], tp, random),
                                draw(cellWeights[g][1], same[g][1], fp, random),
                                draw(cellWeights[g][2], same[g][2], fn, random),
                                draw(cellWeights[g][3], same[g][3], tn, random));
                overall = overall.plus(drawn[g]);
            }
            double v = statistic.of(drawn, overall);
            if (!Double.isNaN(v)) {
                values[defined++] = v;
            }
        }
        String method = "bootstrap percentile, " + weighting + resamples + " resamples, seed " + seed;
        if (defined == 0) {
            return new Result(null, resamples, resamples, seed);
        }
        double[] kept = Arrays.copyOf(values, defined);
        double[] bounds = Quantile.withDefaults()
                .with(Quantile.EstimationMethod.HF7)
                .withCopy(false)
                .evaluate(kept, (1 - confidence) / 2, (1 + confidence) / 2);
        return new Result(new Interval(bounds[0], bounds[1], confidence, method), resamples, resamples - defined, seed);
    }

    /**
     * Returns the summed weight of {@code draws} rows drawn uniformly, with replacement, from a cell's rows. When they
     * all weigh the same ({@code same}, else {@code NaN}) the sum is known without drawing, so weights that are all
     * 1 draw the very deviates of the unweighted bootstrap and give its interval bit for bit.
     */
    private static double draw(double[] weights, double same, int draws, SplittableRandom random) {
        if (!Double.isNaN(same)) {
            return draws * same;
        }
        double sum = 0;
        for (int i = 0; i < draws; i++) {
            sum += weights[random.nextInt(weights.length)];
        }
        return sum;
    }

    /** Per group and cell, the weight every row of the cell has, or {@code NaN} when they differ (or it is empty). */
    private static double[][] sameWeights(double[][][] cellWeights) {
        double[][] same = new double[cellWeights.length][4];
        for (int g = 0; g < cellWeights.length; g++) {
            for (int c = 0; c < 4; c++) {
                double[] weights = cellWeights[g][c];
                double first = weights.length == 0 ? Double.NaN : weights[0];
                for (double w : weights) {
                    if (w != first) {
                        first = Double.NaN;
                        break;
                    }
                }
                same[g][c] = first;
            }
        }
        return same;
    }

    private static int toInt(long n) {
        // Predictions hold at most Integer.MAX_VALUE rows, so a group's size always fits.
        return Math.toIntExact(n);
    }
}
