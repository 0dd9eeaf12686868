package dev.modeltest.metrics;

import java.io.Serializable;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The mergeable summary of a binary ranking from which ROC AUC and DeLong's interval are computed without the rows,
 * for an engine that ranks the rows itself (Spark: a range partitioning by score, sorted within partitions). The
 * totals of positive and negative rows come first (a first pass); then every group of rows tied on one score is added
 * with the rows of each class that score below it ({@link #group}), in any order and on any split of the groups.
 *
 * <p>It keeps the Mann-Whitney statistic with ties counted one half as an exact integer ({@code 2U}, so the AUC is the
 * rows' to the last bit) and the mean and centred sum of squares of DeLong's placements (merged with Chan, Golub and
 * LeVeque's update): a positive row's {@code V10}, the share of negatives below it plus half those tied with it, and a
 * negative row's {@code V01}, the share of positives above it plus half those tied. DeLong's variance is {@code
 * Σ(V10 − AUC)² / (m(m − 1)) + Σ(V01 − AUC)² / (n(n − 1))}, as {@link dev.modeltest.stats.DeLong} computes it from
 * the rows. Not thread-safe; serializable so that an engine can ship it.
 *
 * @since 0.2.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
public final class RocSummary implements Serializable {

    private static final long serialVersionUID = 1L;

    final String positiveClass;
    final long positives;
    final long negatives;
    long twiceU;
    long positivesSeen;
    long negativesSeen;
    double meanPositive;
    double squaresPositive;
    double meanNegative;
    double squaresNegative;
    /** Average precision's step sum, {@code Σ p_h · precision_h} over the groups with positives. */
    double precisionSum;
    /** Over the groups added, {@code Σ p_h / D_h} and {@code Σ p_h · precision_h / D_h}, {@code D_h} the rows at or above. */
    double influenceA;

    double influenceB;
    /** An influence pass's average precision ({@link #influencePass()}); NaN for a ranking pass. */
    final double averagePrecision;
    /** An influence pass's sum of the rows' squared influences on average precision. */
    double squaredInfluence;
    /** The merged influence pass's sum of squares, once {@link #withInfluence} has added it; NaN before. */
    double averagePrecisionVariance = Double.NaN;

    private RocSummary(String positiveClass, long positives, long negatives, double averagePrecision) {
        this.positiveClass = positiveClass;
        this.positives = positives;
        this.negatives = negatives;
        this.averagePrecision = averagePrecision;
    }

    /**
     * Returns an empty summary of a ranking with these totals.
     *
     * @param positiveClass the class whose rows are the positives, and whose score ranks them
     * @throws IllegalArgumentException if a total is negative
     */
    public static RocSummary forTotals(String positiveClass, long positives, long negatives) {
        if (positives < 0 || negatives < 0) {
            throw new IllegalArgumentException(
                    "negative totals: " + positives + " positive, " + negatives + " negative");
        }
        return new RocSummary(Objects.requireNonNull(positiveClass, "positiveClass"), positives, negatives, Double.NaN);
    }

    /**
     * Adds one group of rows tied on a score.
     *
     * @param groupPositives the group's positive rows
     * @param groupNegatives the group's negative rows
     * @param negativesBelow the negative rows of the whole ranking that score below the group
     * @param positivesBelow the positive rows of the whole ranking that score below the group
     */
    public void group(long groupPositives, long groupNegatives, long negativesBelow, long positivesBelow) {
        requirePass(false);
        if (groupPositives > 0) {
            // As RankSummary and RankOrder: the precision at the group's threshold, over the rows at or above it.
            long rowsAtOrAbove = positives + negatives - negativesBelow - positivesBelow;
            double precision = (positives - positivesBelow) / (double) rowsAtOrAbove;
            precisionSum += groupPositives * precision;
            influenceA += groupPositives / (double) rowsAtOrAbove;
            influenceB += groupPositives * precision / rowsAtOrAbove;
        }
        if (groupPositives > 0) {
            long twice = 2 * negativesBelow + groupNegatives;
            twiceU += groupPositives * twice;
            // As DeLong.components: V10 = twice / 2 / n.
            double v10 = twice / 2.0 / negatives;
            double delta = v10 - meanPositive;
            long total = positivesSeen + groupPositives;
            meanPositive += delta * groupPositives / total;
            squaresPositive += delta * delta * ((double) positivesSeen * groupPositives / total);
            positivesSeen = total;
        }
        if (groupNegatives > 0) {
            long twice = 2 * positivesBelow + groupPositives;
            double v01 = 1 - twice / 2.0 / positives;
            double delta = v01 - meanNegative;
            long total = negativesSeen + groupNegatives;
            meanNegative += delta * groupNegatives / total;
            squaresNegative += delta * delta * ((double) negativesSeen * groupNegatives / total);
            negativesSeen = total;
        }
    }

    /**
     * Adds {@code other}'s groups to this summary and returns this one; {@code other} is unchanged.
     *
     * @throws IllegalArgumentException if the two summarize different rankings
     */
    public RocSummary merge(RocSummary other) {
        if (!positiveClass.equals(other.positiveClass)
                || positives != other.positives
                || negatives != other.negatives
                || Double.compare(averagePrecision, other.averagePrecision) != 0) {
            throw new IllegalArgumentException("summaries of different rankings do not merge");
        }
        twiceU += other.twiceU;
        precisionSum += other.precisionSum;
        influenceA += other.influenceA;
        influenceB += other.influenceB;
        squaredInfluence += other.squaredInfluence;
        if (other.positivesSeen > 0) {
            long total = positivesSeen + other.positivesSeen;
            double delta = other.meanPositive - meanPositive;
            squaresPositive +=
                    other.squaresPositive + delta * delta * ((double) positivesSeen * other.positivesSeen / total);
            meanPositive += delta * other.positivesSeen / total;
            positivesSeen = total;
        }
        if (other.negativesSeen > 0) {
            long total = negativesSeen + other.negativesSeen;
            double delta = other.meanNegative - meanNegative;
            squaresNegative +=
                    other.squaresNegative + delta * delta * ((double) negativesSeen * other.negativesSeen / total);
            meanNegative += delta * other.negativesSeen / total;
            negativesSeen = total;
        }
        return this;
    }

    /**
     * Returns the sums over the groups added that a later group's influence on average precision needs: {@code Σ p_h
     * / D_h} and {@code Σ p_h · precision_h / D_h}, with {@code D_h} the rows scoring at or above group {@code h}.
     * An engine adds those of the groups scoring below a partition to its influence pass ({@link #influence}).
     */
    public double[] influenceSums() {
        return new double[] {influenceA, influenceB};
    }

    /**
     * Returns an empty second walk over the same ranking, for average precision's infinitesimal jackknife: each group
     * added with {@link #influence} adds its rows' squared influences, given this (merged, complete) ranking's average
     * precision.
     *
     * @throws IllegalStateException if this summary does not hold every row, or is itself an influence pass
     */
    public RocSummary influencePass() {
        requirePass(false);
        requireComplete();
        return new RocSummary(positiveClass, positives, negatives, averagePrecision());
    }

    /**
     * Adds one group of rows tied on a score to an influence pass: {@code RankOrder.addAveragePrecisionInfluence}'s
     * terms, a positive row's {@code (precision_h + A_h − B_h − AP) / P} and a negative row's {@code −B_h / P}, with
     * {@code A_h} and {@code B_h} the {@link #influenceSums()} of the groups at or below it.
     *
     * @param sumsBelow the {@link #influenceSums()} of every group of the ranking scoring below this one
     */
    public void influence(
            long groupPositives, long groupNegatives, long negativesBelow, long positivesBelow, double[] sumsBelow) {
        requirePass(true);
        long rowsAtOrAbove = positives + negatives - negativesBelow - positivesBelow;
        double precision = (positives - positivesBelow) / (double) rowsAtOrAbove;
        double a = sumsBelow[0] + groupPositives / (double) rowsAtOrAbove;
        double b = sumsBelow[1] + groupPositives * precision / rowsAtOrAbove;
        double scale = 1.0 / positives;
        double ofPositive = (precision + a - b - averagePrecision) * scale;
        double ofNegative = -b * scale;
        squaredInfluence += groupPositives * (ofPositive * ofPositive) + groupNegatives * (ofNegative * ofNegative);
    }

    /**
     * Takes the merged influence pass's sum of squares, the jackknife's variance of average precision, into this
     * ranking and returns it.
     *
     * @throws IllegalArgumentException if {@code influence} is not an influence pass over this ranking
     */
    public RocSummary withInfluence(RocSummary influence) {
        if (Double.isNaN(influence.averagePrecision)
                || !positiveClass.equals(influence.positiveClass)
                || positives != influence.positives
                || negatives != influence.negatives
                || Double.compare(influence.averagePrecision, averagePrecision()) != 0) {
            throw new IllegalArgumentException("not an influence pass over this ranking");
        }
        averagePrecisionVariance = influence.squaredInfluence;
        return this;
    }

    private void requirePass(boolean influencePass) {
        if (Double.isNaN(averagePrecision) == influencePass) {
            throw new IllegalStateException(
                    influencePass
                            ? "a ranking pass takes group(...), not influence(...)"
                            : "an influence pass takes influence(...), not group(...)");
        }
    }

    private void requireComplete() {
        if (positivesSeen != positives || negativesSeen != negatives) {
            throw new IllegalStateException("the summary holds " + positivesSeen + " of " + positives + " positive and "
                    + negativesSeen + " of " + negatives + " negative rows");
        }
    }

    /** Average precision as {@link RankSummary#averagePrecision()} gives it (the same sum in another order). */
    double averagePrecision() {
        return positives == 0 ? 0.0 : precisionSum / positives;
    }

    /** Returns the class whose rows are the positives. */
    public String positiveClass() {
        return positiveClass;
    }

    /** Returns the number of positive rows. */
    public long positives() {
        return positives;
    }

    /** Returns the number of negative rows. */
    public long negatives() {
        return negatives;
    }

    /** Returns the number of rows, positive and negative. */
    public long count() {
        return positives + negatives;
    }

    /** ROC AUC as {@link RankSummary#auc()} gives it for the rows; NaN without positives or negatives. */
    double auc() {
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        return twiceU / (2.0 * positives * negatives);
    }

    /**
     * DeLong's variance, each side's sum of squares of its placements about the AUC over {@code k(k − 1)} (0 for a
     * side of one row, as {@link dev.modeltest.stats.DeLong.Components#rowTerms} gives it).
     *
     * @throws IllegalStateException if not every row was added
     */
    double deLongVariance() {
        requireComplete();
        double auc = auc();
        // Σ(v − AUC)² = Σ(v − mean)² + k(mean − AUC)²: the mean of V10 is the AUC but for rounding.
        double positive = positives < 2
                ? 0
                : (squaresPositive + positives * (meanPositive - auc) * (meanPositive - auc))
                        / ((double) positives * (positives - 1));
        double negative = negatives < 2
                ? 0
                : (squaresNegative + negatives * (meanNegative - auc) * (meanNegative - auc))
                        / ((double) negatives * (negatives - 1));
        return positive + negative;
    }
}
