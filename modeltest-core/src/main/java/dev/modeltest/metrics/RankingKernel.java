package dev.modeltest.metrics;

import dev.modeltest.check.Format;
import dev.modeltest.error.ModelException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * ROC AUC and average precision: one ranking per one-vs-rest column, shared by both metrics. Unweighted evaluations
 * sort the scores in parallel chunks ({@link RankRuns}); weighted ones walk an order sorted once ({@link RankOrder}).
 * One-vs-one and partial ROC AUC always walk orders sorted once: one per ordered pair of classes, or the positive
 * class's.
 */
final class RankingKernel implements Kernel {

    private final Columns columns;
    private final Selection selection;
    private final Map<String, RankOrder> orders = new ConcurrentHashMap<>();
    private volatile boolean sumsChecked;

    RankingKernel(Columns columns, Selection selection) {
        this.columns = columns;
        this.selection = selection;
    }

    @Override
    public double[] values(Metric[] metrics, Resolved[] resolved, int[] counts) {
        double[] out = new double[metrics.length];
        Map<String, RankSummary[]> shared = new HashMap<>();
        for (int i = 0; i < metrics.length; i++) {
            Resolved r = resolved[i];
            if (metrics[i] == Metric.ROC_AUC && columns.k > 2 && r.average != Averaging.BINARY) {
                requireProbabilitiesSumToOne(r.ovo ? "one-vs-one" : "one-vs-rest", r.ovo ? "ovo" : "ovr");
            }
            if (metrics[i] == Metric.ROC_AUC && r.ovo) {
                out[i] = oneVsOne(r.average, counts);
                continue;
            }
            if (metrics[i] == Metric.ROC_AUC && r.maxFpr != MetricOptions.DEFAULT_MAX_FPR) {
                int[] positive = {r.positive};
                out[i] = orders.computeIfAbsent(
                                Arrays.toString(positive), key -> RankOrder.of(columns, selection, positive))
                        .partialAuc(counts, r.maxFpr);
                continue;
            }
            RankSummary[] summaries = shared.computeIfAbsent(r.average + "/" + r.positive, key -> summaries(r, counts));
            out[i] = value(metrics[i], r.average, summaries);
        }
        return out;
    }

    /**
     * The classes ranked together, one set per one-vs-rest column: the positive class; all classes pooled (micro); or
     * each class on its own (macro, weighted). The ranking metrics' values and their intervals share this one reading
     * of the averaging.
     */
    static int[][] columnSets(Resolved r, int k) {
        if (r.average == Averaging.BINARY) {
            return new int[][] {{r.positive}};
        }
        if (r.average == Averaging.MICRO) {
            int[] all = new int[k];
            Arrays.setAll(all, c -> c);
            return new int[][] {all};
        }
        int[][] columnSets = new int[k][];
        for (int c = 0; c < k; c++) {
            columnSets[c] = new int[] {c};
        }
        return columnSets;
    }

    /** One summary per one-vs-rest column ({@link #columnSets}). */
    RankSummary[] summaries(Resolved r, int[] counts) {
        int[][] columnSets = columnSets(r, columns.k);
        RankSummary[] summaries = new RankSummary[columnSets.length];
        if (counts == null && columnSets.length > 1) {
            rankSideBySide(columnSets, summaries);
            return summaries;
        }
        for (int s = 0; s < columnSets.length; s++) {
            int[] classes = columnSets[s];
            summaries[s] = counts == null
                    ? RankRuns.of(columns, selection, classes).summary()
                    : orders.computeIfAbsent(Arrays.toString(classes), key -> RankOrder.of(columns, selection, classes))
                            .summary(counts);
        }
        return summaries;
    }

    /**
     * Ranks one column set per thread rather than one after another with only their sorts in parallel (their merges
     * and walks are sequential). One task per core takes the next column set until none is left, reusing its arrays.
     */
    private void rankSideBySide(int[][] columnSets, RankSummary[] summaries) {
        AtomicInteger next = new AtomicInteger();
        int threads = Math.min(columnSets.length, Runtime.getRuntime().availableProcessors());
        List<ForkJoinTask<?>> tasks = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            tasks.add(ForkJoinTask.adapt(() -> {
                RankRuns.Workspace workspace = new RankRuns.Workspace();
                for (int s = next.getAndIncrement(); s < columnSets.length; s = next.getAndIncrement()) {
                    summaries[s] = RankRuns.sequential(columns, selection, columnSets[s], workspace)
                            .summary();
                }
            }));
        }
        ForkJoinTask.invokeAll(tasks);
    }

    /**
     * One-vs-one ROC AUC as scikit-learn's {@code _average_multiclass_ovo_score}: over the pairs {@code a < b} of the
     * classes that occur among the (counted) true labels, the mean of {@code AUC(a | b)} and {@code AUC(b | a)};
     * macro the plain mean over the pairs, weighted the mean weighted by the rows of {@code a} and {@code b}
     * (scikit-learn's {@code prevalence}, the same weights divided by n). NaN with fewer than two such classes
     * (scikit-learn averages no pairs there). Each ordered pair is sorted once and walked once per evaluation.
     */
    private double oneVsOne(Averaging average, int[] counts) {
        long[] rows = new long[columns.k];
        for (int j = 0; j < selection.size; j++) {
            rows[columns.actual[selection.row(j)]] += counts == null ? 1 : counts[j];
        }
        double sum = 0;
        double weights = 0;
        for (int a = 0; a < columns.k; a++) {
            for (int b = a + 1; b < columns.k && rows[a] > 0; b++) {
                if (rows[b] == 0) {
                    continue;
                }
                double pair = (pair(a, b).summary(counts).auc()
                                + pair(b, a).summary(counts).auc())
                        / 2;
                double weight = average == Averaging.WEIGHTED ? rows[a] + rows[b] : 1;
                sum += weight * pair;
                weights += weight;
            }
        }
        return weights == 0 ? Double.NaN : sum / weights;
    }

    /** The ranking of class {@code positive}'s scores on the rows of {@code positive} and {@code negative}. */
    private RankOrder pair(int positive, int negative) {
        return orders.computeIfAbsent(
                positive + "|" + negative, key -> RankOrder.ofPair(columns, selection, positive, negative));
    }

    private static double value(Metric metric, Averaging average, RankSummary[] summaries) {
        if (summaries[0].positives() + summaries[0].negatives() == 0) {
            // Every row is a positive or a negative of each column: no entries means no rows.
            return Double.NaN;
        }
        boolean auc = metric == Metric.ROC_AUC;
        if (summaries.length == 1) {
            return auc ? summaries[0].auc() : summaries[0].averagePrecision();
        }
        double sum = 0;
        double weightedSum = 0;
        long weights = 0;
        for (RankSummary s : summaries) {
            double v = auc ? s.auc() : s.averagePrecision();
            sum += v;
            weightedSum += v * s.positives();
            weights += s.positives();
        }
        if (average == Averaging.WEIGHTED) {
            return weights == 0 ? 0.0 : weightedSum / weights;
        }
        return sum / summaries.length;
    }

    /** As {@code roc_auc_score(multi_class=...)}: {@code numpy.allclose(1, proba.sum(axis=1))}. */
    void requireProbabilitiesSumToOne(String scheme, String multiClass) {
        if (sumsChecked) {
            return;
        }
        double[][] p = columns.probabilities;
        for (int j = 0; j < selection.size; j++) {
            int i = selection.row(j);
            double sum = 0;
            for (int c = 0; c < columns.k; c++) {
                sum += p[c][i];
            }
            if (!(Math.abs(1 - sum) <= 1e-8 + 1e-5 * Math.abs(sum))) {
                throw new ModelException(scheme + " ROC AUC needs each row's probabilities to"
                        + " sum to 1 (as scikit-learn's roc_auc_score(multi_class='" + multiClass + "') does), but at "
                        + columns.row(i) + " they sum to " + Format.number(sum) + " (model "
                        + columns.predictions.modelName()
                        + ")");
            }
        }
        sumsChecked = true;
    }
}
