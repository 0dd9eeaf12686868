package dev.modeltest.metrics;

import dev.modeltest.check.Format;
import dev.modeltest.error.ModelException;

/**
 * The ranking metrics of a regressor within queries, {@link Metric#NDCG} and {@link Metric#MAP}: each query's value
 * from its rows, then the mean over the queries.
 *
 * <p>The rows are grouped by query once (a counting sort on the query codes), each query's rows are sorted by the
 * predicted value, highest first, and the query's value is read off that order; a query of one row is left out. A
 * re-weighted evaluation counts a row {@code counts[j]} times, as if it had been copied into its query that often.
 * With sample weights (NDCG only: MAP is refused before) each query weighs the weight its rows share, as scikit-learn's
 * {@code ndcg_score(sample_weight=...)} weighs its rows, which are queries.
 */
final class QueryKernel implements Kernel {

    private final Columns columns;
    private final Selection selection;
    private volatile PerQuery cached;

    QueryKernel(Columns columns, Selection selection) {
        this.columns = columns;
        this.selection = selection;
    }

    /**
     * The per-query values of one metric and {@code k} on the selection's rows, each once.
     *
     * @param values the value of each query of at least two rows, in order of the queries' first appearance
     * @param singles the queries of one row, left out
     */
    record PerQuery(Metric metric, int k, double[] values, int singles, double[] weights) {

        PerQuery(Metric metric, int k, double[] values, int singles) {
            this(metric, k, values, singles, null);
        }

        /** Returns the mean of the values (weighted by the queries' weights, if any), {@code NaN} without any. */
        double mean() {
            double sum = 0;
            double total = 0;
            for (int q = 0; q < values.length; q++) {
                double w = weights == null ? 1 : weights[q];
                sum += w * values[q];
                total += w;
            }
            return total == 0 ? Double.NaN : sum / total;
        }

        /**
         * The mean with query {@code q} counted {@code counts[q]} times (times its weight, if any): a bootstrap
         * resample of queries; {@code NaN} when every count is 0.
         */
        double mean(int[] counts) {
            double sum = 0;
            double total = 0;
            for (int q = 0; q < values.length; q++) {
                double w = weights == null ? counts[q] : counts[q] * weights[q];
                sum += w * values[q];
                total += w;
            }
            return total == 0 ? Double.NaN : sum / total;
        }
    }

    @Override
    public double[] values(Metric[] metrics, Resolved[] resolved, int[] counts) {
        double[] out = new double[metrics.length];
        for (int i = 0; i < metrics.length; i++) {
            PerQuery p =
                    counts == null ? perQuery(metrics[i], resolved[i].k) : compute(metrics[i], resolved[i].k, counts);
            out[i] = p.mean();
        }
        return out;
    }

    /** Whether the rows carry sample weights, which weigh whole queries here. */
    boolean weighted() {
        return columns.weighted();
    }

    /** The per-query values on the selection's rows, each once, computed once per metric and {@code k}. */
    PerQuery perQuery(Metric metric, int k) {
        PerQuery p = cached;
        if (p == null || p.metric() != metric || p.k() != k) {
            p = compute(metric, k, null);
            cached = p;
        }
        return p;
    }

    private PerQuery compute(Metric metric, int k, int[] counts) {
        int queryCount = columns.predictions.queryNames().size();
        int[] start = new int[queryCount + 1];
        for (int j = 0; j < selection.size; j++) {
            int i = selection.row(j);
            requireValues(metric, i);
            start[columns.queries[i] + 1] += counts == null ? 1 : counts[j];
        }
        for (int q = 0; q < queryCount; q++) {
            start[q + 1] += start[q];
        }
        int total = start[queryCount];
        double[] relevance = new double[total];
        double[] score = new double[total];
        int[] next = java.util.Arrays.copyOf(start, queryCount);
        int longest = 0;
        for (int j = 0; j < selection.size; j++) {
            int i = selection.row(j);
            int q = columns.queries[i];
            for (int c = counts == null ? 1 : counts[j]; c > 0; c--) {
                relevance[next[q]] = columns.actualValues[i];
                score[next[q]] = columns.predictedValues[i];
                next[q]++;
            }
        }
        int ranked = 0;
        int singles = 0;
        for (int q = 0; q < queryCount; q++) {
            int size = start[q + 1] - start[q];
            longest = Math.max(longest, size);
            if (size >= 2) {
                ranked++;
            } else if (size == 1) {
                singles++;
            }
        }
        // discounts[t] = Σ_{i<t} 1 / log2(i + 2), the discount of the first t ranks, for t up to min(k, longest).
        double[] discounts = new double[Math.min(k, longest) + 1];
        for (int t = 1; t < discounts.length; t++) {
            discounts[t] = discounts[t - 1] + 1 / (Math.log(t + 1) / Math.log(2));
        }
        double[] values = new double[ranked];
        double[] scratch = new double[longest];
        int at = 0;
        for (int q = 0; q < queryCount; q++) {
            int from = start[q];
            int to = start[q + 1];
            if (to - from < 2) {
                continue;
            }
            sort(score, relevance, from, to);
            values[at++] = metric == Metric.NDCG
                    ? ndcg(score, relevance, from, to, k, discounts, scratch)
                    : averagePrecision(relevance, from, to, k);
        }
        return new PerQuery(metric, k, values, singles, columns.weighted() ? queryWeights(start) : null);
    }

    /**
     * Each ranked query's sample weight, as scikit-learn's {@code ndcg_score(sample_weight=...)} takes one weight per
     * query: the weight its rows share. Rows of one query with different weights are refused, naming the query and two
     * of its rows, since no query weight follows from them.
     */
    private double[] queryWeights(int[] start) {
        int queryCount = start.length - 1;
        double[] weight = new double[queryCount];
        int[] first = new int[queryCount];
        java.util.Arrays.fill(first, -1);
        for (int j = 0; j < selection.size; j++) {
            int i = selection.row(j);
            int q = columns.queries[i];
            double w = columns.weights[i];
            if (first[q] < 0) {
                first[q] = i;
                weight[q] = w;
            } else if (w != weight[q]) {
                String query = columns.predictions.queryNames().get(q);
                throw new dev.modeltest.error.ConfigurationException("NDCG weighs whole queries, as scikit-learn's"
                        + " ndcg_score(sample_weight=...): the rows of a query need one weight, but the weight column '"
                        + columns.weightColumn + "' has " + Format.number(weight[q]) + " at "
                        + columns.row(first[q]) + " and " + Format.number(w) + " at " + columns.row(i)
                        + ", both of query '"
                        + query + "' (column '"
                        + columns.predictions.queryColumn().orElseThrow() + "')");
            }
        }
        double[] ranked = new double[queryCount];
        int at = 0;
        for (int q = 0; q < queryCount; q++) {
            if (start[q + 1] - start[q] >= 2) {
                ranked[at++] = weight[q];
            }
        }
        return java.util.Arrays.copyOf(ranked, at);
    }

    /**
     * scikit-learn's {@code _ndcg_sample_scores} on one query sorted by score: the tie-averaged DCG@k ({@code
     * _tie_averaged_dcg}: each group of tied scores gets its mean relevance times the discounts of its ranks) over the
     * DCG@k of the relevances sorted (ties there change nothing), 0 where the latter is 0.
     */
    private static double ndcg(
            double[] score, double[] relevance, int from, int to, int k, double[] discounts, double[] scratch) {
        double gain = 0;
        for (int a = from; a < to && a - from < k; ) {
            int b = a + 1;
            double sum = relevance[a];
            while (b < to && score[b] == score[a]) {
                sum += relevance[b++];
            }
            int first = a - from;
            int last = Math.min(b - from, k);
            gain += sum / (b - a) * (discounts[last] - discounts[first]);
            a = b;
        }
        int m = to - from;
        System.arraycopy(relevance, from, scratch, 0, m);
        java.util.Arrays.sort(scratch, 0, m);
        double ideal = 0;
        for (int r = 0; r < Math.min(k, m); r++) {
            ideal += scratch[m - 1 - r] * (discounts[r + 1] - discounts[r]);
        }
        return ideal == 0 ? 0 : gain / ideal;
    }

    /**
     * AP@k of one query sorted by score (irrelevant rows first among tied scores): {@code Σ_{i≤k} P@i · rel_i / min(k,
     * R)}, 0 when the query has no relevant row.
     */
    private static double averagePrecision(double[] relevance, int from, int to, int k) {
        int relevant = 0;
        for (int i = from; i < to; i++) {
            if (relevance[i] > 0) {
                relevant++;
            }
        }
        if (relevant == 0) {
            return 0;
        }
        double sum = 0;
        int hits = 0;
        for (int i = from; i < to && i - from < k; i++) {
            if (relevance[i] > 0) {
                hits++;
                sum += (double) hits / (i - from + 1);
            }
        }
        return sum / Math.min(k, relevant);
    }

    /** Refuses what scikit-learn refuses: a relevance that is negative or not finite, a score that is not finite. */
    private void requireValues(Metric metric, int i) {
        double relevance = columns.actualValues[i];
        if (!(relevance >= 0) || relevance == Double.POSITIVE_INFINITY) {
            throw new ModelException("the true value at " + columns.row(i) + " is " + Format.number(relevance) + "; "
                    + metric.displayName() + " needs relevance labels that are finite and at least 0 (scikit-learn's"
                    + " ndcg_score refuses negative y_true) (model " + columns.predictions.modelName() + ")");
        }
        double score = columns.predictedValues[i];
        if (!Double.isFinite(score)) {
            throw new ModelException("the predicted value at " + columns.row(i) + " is " + Format.number(score) + "; "
                    + metric.displayName() + " ranks rows by finite predicted scores (model "
                    + columns.predictions.modelName() + ")");
        }
    }

    /** Whether row {@code a} ranks before {@code b}: a higher score, or the same score and only {@code b} relevant. */
    private static int compare(double scoreA, boolean relevantA, double scoreB, boolean relevantB) {
        if (scoreA > scoreB) {
            return -1;
        }
        if (scoreA < scoreB) {
            return 1;
        }
        return relevantA == relevantB ? 0 : relevantA ? 1 : -1;
    }

    /**
     * Sorts {@code [from, to)} of the two parallel arrays by score, highest first, the irrelevant rows first among tied
     * scores: a three-way quicksort (ties are common in ranking scores), insertion sort on short runs.
     */
    static void sort(double[] score, double[] relevance, int from, int to) {
        while (to - from > 16) {
            int mid = (from + to) >>> 1;
            double pivotScore = score[mid];
            boolean pivotRelevant = relevance[mid] > 0;
            int lt = from;
            int i = from;
            int gt = to - 1;
            while (i <= gt) {
                int c = compare(score[i], relevance[i] > 0, pivotScore, pivotRelevant);
                if (c < 0) {
                    swap(score, relevance, lt++, i++);
                } else if (c > 0) {
                    swap(score, relevance, i, gt--);
                } else {
                    i++;
                }
            }
            // The shorter side recursively, the longer one in the loop: the stack stays logarithmic.
            if (lt - from < to - gt - 1) {
                sort(score, relevance, from, lt);
                from = gt + 1;
            } else {
                sort(score, relevance, gt + 1, to);
                to = lt;
            }
        }
        for (int i = from + 1; i < to; i++) {
            for (int j = i;
                    j > from && compare(score[j], relevance[j] > 0, score[j - 1], relevance[j - 1] > 0) < 0;
                    j--) {
                swap(score, relevance, j, j - 1);
            }
        }
    }

    private static void swap(double[] score, double[] relevance, int a, int b) {
        double s = score[a];
        score[a] = score[b];
        score[b] = s;
        double r = relevance[a];
        relevance[a] = relevance[b];
        relevance[b] = r;
    }
}
