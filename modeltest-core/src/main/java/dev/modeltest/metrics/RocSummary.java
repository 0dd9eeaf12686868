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

    private RocSummary(String positiveClass, long positives, long negatives) {
        this.positiveClass = positiveClass;
        this.positives = positives;
        this.negatives = negatives;
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
        return new RocSummary(Objects.requireNonNull(positiveClass, "positiveClass"), positives, negatives);
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
                || negatives != other.negatives) {
            throw new IllegalArgumentException("summaries of different rankings do not merge");
        }
        twiceU += other.twiceU;
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

    /** Returns the class whose rows are the positives. */
    public String positiveClass() {
        return positiveClass;
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
        if (positivesSeen != positives || negativesSeen != negatives) {
            throw new IllegalStateException("the summary holds " + positivesSeen + " of " + positives + " positive and "
                    + negativesSeen + " of " + negatives + " negative rows");
        }
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
