package dev.modeltest.metrics;

import dev.modeltest.internal.RadixSort;

/**
 * The one-vs-rest scores of a fixed selection sorted once, so that ROC AUC and average precision can be recomputed
 * for any multiplicities of the rows in one linear walk: a bootstrap replicate costs O(n), not a sort.
 *
 * <p>Entry {@code t} in ascending score order is the selection position {@code j} of a negative row or {@code ~j} of
 * a positive one.
 */
final class RankOrder {

    private final long[] keys;
    private final int[] entries;

    private RankOrder(long[] keys, int[] entries) {
        this.keys = keys;
        this.entries = entries;
    }

    static RankOrder of(Columns columns, Selection selection, int[] classes) {
        int size = selection.size;
        long length = (long) size * classes.length;
        if (length > Integer.MAX_VALUE - 8) {
            throw new IllegalArgumentException("too many scores to rank at once: " + length);
        }
        long[] keys = new long[(int) length];
        int[] entries = new int[(int) length];
        int t = 0;
        for (int c : classes) {
            double[] scores = columns.probabilities[c];
            for (int j = 0; j < size; j++) {
                int i = selection.row(j);
                double s = scores[i];
                if (!Double.isFinite(s)) {
                    throw columns.badProbability(i, c, "ranking metrics need finite scores");
                }
                keys[t] = RadixSort.key(s);
                entries[t] = columns.actual[i] == c ? ~j : j;
                t++;
            }
        }
        RadixSort.Sorted sorted = RadixSort.sort(keys, entries, t);
        return new RankOrder(sorted.keys(), sorted.payload());
    }

    /**
     * The scores of class {@code positive} on the rows of {@code positive} and {@code negative} only: one ordered pair
     * of one-vs-one ROC AUC, {@code AUC(positive | negative)}.
     */
    static RankOrder ofPair(Columns columns, Selection selection, int positive, int negative) {
        int size = selection.size;
        double[] scores = columns.probabilities[positive];
        long[] keys = new long[size];
        int[] entries = new int[size];
        int t = 0;
        for (int j = 0; j < size; j++) {
            int i = selection.row(j);
            int actual = columns.actual[i];
            if (actual != positive && actual != negative) {
                continue;
            }
            double s = scores[i];
            if (!Double.isFinite(s)) {
                throw columns.badProbability(i, positive, "ranking metrics need finite scores");
            }
            keys[t] = RadixSort.key(s);
            entries[t] = actual == positive ? ~j : j;
            t++;
        }
        RadixSort.Sorted sorted = RadixSort.sort(keys, entries, t);
        return new RankOrder(java.util.Arrays.copyOf(sorted.keys(), t), java.util.Arrays.copyOf(sorted.payload(), t));
    }

    /**
     * The McClish-standardized partial ROC AUC up to the false positive rate {@code maxFpr}, each entry counted {@code
     * counts[j]} times ({@code null}: once), as scikit-learn's {@code _binary_roc_auc_score(max_fpr=...)}: the
     * trapezoidal area under the ROC curve (its points at each distinct score, from (0, 0), rates as fractions of all
     * positives and negatives) up to {@code maxFpr}, the last segment cut at {@code maxFpr} by linear interpolation
     * ({@code numpy.interp}), then {@code 0.5·(1 + (A − min)/(max − min))} with {@code min = maxFpr²/2} (the area of
     * the chance diagonal) and {@code max = maxFpr} (of a perfect ranking) (McClish 1989). Points the curve passes
     * straight through, which {@code roc_curve(drop_intermediate=True)} drops, change no area; a vertical run of
     * points at {@code maxFpr} itself ends at its top, as {@code searchsorted(side='right')} picks it.
     *
     * @return the standardized partial AUC, NaN without positive or negative rows
     */
    double partialAuc(int[] counts, double maxFpr) {
        long positives = 0;
        long negatives = 0;
        for (int e : entries) {
            int sign = e >> 31;
            int w = counts == null ? 1 : counts[e ^ sign];
            positives += w & sign;
            negatives += w & ~sign;
        }
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double area = 0;
        double fpr = 0;
        double tpr = 0;
        long fp = 0;
        long tp = 0;
        int t = entries.length - 1;
        while (t >= 0) {
            long key = keys[t];
            while (t >= 0 && keys[t] == key) {
                int e = entries[t--];
                int sign = e >> 31;
                int w = counts == null ? 1 : counts[e ^ sign];
                tp += w & sign;
                fp += w & ~sign;
            }
            double nextFpr = (double) fp / negatives;
            double nextTpr = (double) tp / positives;
            if (nextFpr > maxFpr) {
                double cut = (nextTpr - tpr) / (nextFpr - fpr) * (maxFpr - fpr) + tpr;
                area += (maxFpr - fpr) * (cut + tpr) / 2;
                break;
            }
            area += (nextFpr - fpr) * (nextTpr + tpr) / 2;
            fpr = nextFpr;
            tpr = nextTpr;
        }
        double min = 0.5 * maxFpr * maxFpr;
        return 0.5 * (1 + (area - min) / (maxFpr - min));
    }

    /**
     * As {@link #partialAuc(int[], double)} with each entry weighted by {@code weights[j]} (a sample weight times a
     * multiplicity), as {@code roc_auc_score(max_fpr=..., sample_weight=...)}.
     */
    double partialAuc(double[] weights, double maxFpr) {
        double positives = 0;
        double negatives = 0;
        for (int e : entries) {
            if (e < 0) {
                positives += weights[~e];
            } else {
                negatives += weights[e];
            }
        }
        if (positives == 0 || negatives == 0) {
            return Double.NaN;
        }
        double area = 0;
        double fpr = 0;
        double tpr = 0;
        double fp = 0;
        double tp = 0;
        int t = entries.length - 1;
        while (t >= 0) {
            long key = keys[t];
            while (t >= 0 && keys[t] == key) {
                int e = entries[t--];
                if (e < 0) {
                    tp += weights[~e];
                } else {
                    fp += weights[e];
                }
            }
            double nextFpr = fp / negatives;
            double nextTpr = tp / positives;
            if (nextFpr > maxFpr) {
                double cut = (nextTpr - tpr) / (nextFpr - fpr) * (maxFpr - fpr) + tpr;
                area += (maxFpr - fpr) * (cut + tpr) / 2;
                break;
            }
            area += (nextFpr - fpr) * (nextTpr + tpr) / 2;
            fpr = nextFpr;
            tpr = nextTpr;
        }
        double min = 0.5 * maxFpr * maxFpr;
        return 0.5 * (1 + (area - min) / (maxFpr - min));
    }

    /**
     * ROC AUC and average precision with each entry weighted by {@code weights[j]} (a sample weight times a
     * multiplicity), as {@code roc_auc_score} and {@code average_precision_score} with {@code sample_weight}: the
     * weighted Mann-Whitney statistic with ties counted one half (the area under the weighted trapezoidal ROC curve),
     * and the step sum of the weighted precision at each tie group with positives. Entries of weight 0 are not there,
     * as {@code _binary_clf_curve} drops them.
     *
     * @return {@code {weighted positives, weighted negatives, ROC AUC (NaN without either), average precision (0
     *     without positives)}}
     */
    double[] weighted(double[] weights) {
        double positives = 0;
        double negatives = 0;
        for (int e : entries) {
            if (e < 0) {
                positives += weights[~e];
            } else {
                negatives += weights[e];
            }
        }
        double u = 0;
        double precisionSum = 0;
        double tp = 0;
        double fp = 0;
        int t = entries.length - 1;
        while (t >= 0) {
            long key = keys[t];
            double pos = 0;
            double neg = 0;
            while (t >= 0 && keys[t] == key) {
                int e = entries[t--];
                if (e < 0) {
                    pos += weights[~e];
                } else {
                    neg += weights[e];
                }
            }
            if (pos > 0) {
                // The negatives below this group, and half of those tied with it.
                u += pos * ((negatives - fp - neg) + neg / 2);
                precisionSum += pos * ((tp + pos) / (tp + pos + fp + neg));
            }
            tp += pos;
            fp += neg;
        }
        double auc = positives == 0 || negatives == 0 ? Double.NaN : u / (positives * negatives);
        double ap = positives == 0 ? 0.0 : precisionSum / positives;
        return new double[] {positives, negatives, auc, ap};
    }

    /**
     * The tie groups in descending score order with the cumulative weights of the negatives and positives, as
     * {@code _binary_clf_curve(sample_weight=w)}: entries of weight 0 are not there, so a score held only by rows of
     * weight 0 is no threshold. The ROC curve keeps every threshold ({@code drop_intermediate=False}): on sums of
     * fractional weights, whether three points lie on a line depends on rounding.
     */
    RankRuns.Groups weightedGroups(double[] weights) {
        int capacity = 16;
        double[] thresholds = new double[capacity];
        double[] fps = new double[capacity];
        double[] tps = new double[capacity];
        int size = 0;
        double tp = 0;
        double fp = 0;
        int t = entries.length - 1;
        while (t >= 0) {
            long key = keys[t];
            double pos = 0;
            double neg = 0;
            while (t >= 0 && keys[t] == key) {
                int e = entries[t--];
                if (e < 0) {
                    pos += weights[~e];
                } else {
                    neg += weights[e];
                }
            }
            if (pos + neg == 0) {
                continue;
            }
            tp += pos;
            fp += neg;
            if (size == capacity) {
                capacity *= 2;
                thresholds = java.util.Arrays.copyOf(thresholds, capacity);
                fps = java.util.Arrays.copyOf(fps, capacity);
                tps = java.util.Arrays.copyOf(tps, capacity);
            }
            thresholds[size] = RadixSort.value(key);
            fps[size] = fp;
            tps[size] = tp;
            size++;
        }
        return new RankRuns.Groups(
                java.util.Arrays.copyOf(thresholds, size),
                java.util.Arrays.copyOf(fps, size),
                java.util.Arrays.copyOf(tps, size),
                false);
    }

    /** Walks the tie groups from the highest score down, each entry counted {@code counts[j]} times ({@code null}: once). */
    RankSummary summary(int[] counts) {
        RankSummary summary = new RankSummary();
        int t = entries.length - 1;
        while (t >= 0) {
            long key = keys[t];
            long pos = 0;
            long neg = 0;
            while (t >= 0 && keys[t] == key) {
                int e = entries[t--];
                // Without a branch on the label, which is a coin toss per entry: sign is -1 for a positive, else 0.
                int sign = e >> 31;
                int w = counts == null ? 1 : counts[e ^ sign];
                pos += w & sign;
                neg += w & ~sign;
            }
            if (pos + neg > 0) {
                // Rows drawn zero times are not there at all: they must not form a group.
                summary.group(pos, neg);
            }
        }
        return summary;
    }

    /**
     * Adds {@code coefficient} times each row's influence on average precision to {@code terms} (indexed by selection
     * position) and returns the average precision. The influence of row {@code j} is the derivative of average
     * precision with respect to that row's weight at equal weights: with the tie groups {@code h} from the highest
     * score down, {@code p_h} and {@code q_h} their positives and negatives, {@code C_h} and {@code D_h} the positives
     * and rows down to and including {@code h}, {@code P} all positives and {@code AP = Σ p_h·C_h/D_h / P}, a row of
     * group {@code g} has influence {@code (C_g/D_g + Σ_{h≥g} p_h/D_h − Σ_{h≥g} p_h·C_h/D_h² − AP) / P} when positive
     * and {@code −Σ_{h≥g} p_h·C_h/D_h² / P} when negative. The sum of the squared influences is the infinitesimal
     * jackknife's variance (Jaeckel 1972; Efron 1982, §6), the variance a Poisson bootstrap converges to.
     *
     * @return the average precision, 0 without positives (and then nothing is added)
     */
    double addAveragePrecisionInfluence(double coefficient, double[] terms) {
        int length = entries.length;
        int[] groupEnd = new int[length];
        long[] pos = new long[length];
        long[] neg = new long[length];
        int groups = 0;
        int t = length - 1;
        while (t >= 0) {
            long key = keys[t];
            long p = 0;
            long q = 0;
            while (t >= 0 && keys[t] == key) {
                if (entries[t--] < 0) {
                    p++;
                } else {
                    q++;
                }
            }
            pos[groups] = p;
            neg[groups] = q;
            groupEnd[groups] = t; // entries (t, previous end] form the group
            groups++;
        }
        long positives = 0;
        double[] precision = new double[groups];
        double sum = 0;
        long rows = 0;
        for (int h = 0; h < groups; h++) {
            positives += pos[h];
            rows += pos[h] + neg[h];
            precision[h] = positives / (double) rows;
            sum += pos[h] * precision[h];
        }
        if (positives == 0) {
            return 0.0;
        }
        double ap = sum / positives;
        double[] suffixA = new double[groups + 1];
        double[] suffixB = new double[groups + 1];
        long cumulativeRows = rows;
        for (int h = groups - 1; h >= 0; h--) {
            double d = cumulativeRows;
            suffixA[h] = suffixA[h + 1] + pos[h] / d;
            suffixB[h] = suffixB[h + 1] + pos[h] * precision[h] / d;
            cumulativeRows -= pos[h] + neg[h];
        }
        double scale = coefficient / positives;
        int end = length - 1;
        for (int h = 0; h < groups; h++) {
            double ofPositive = (precision[h] + suffixA[h] - suffixB[h] - ap) * scale;
            double ofNegative = -suffixB[h] * scale;
            for (int u = end; u > groupEnd[h]; u--) {
                int e = entries[u];
                if (e < 0) {
                    terms[~e] += ofPositive;
                } else {
                    terms[e] += ofNegative;
                }
            }
            end = groupEnd[h];
        }
        return ap;
    }
}
