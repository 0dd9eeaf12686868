package dev.modeltest.metrics;

import dev.modeltest.stats.PoissonBootstrap;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.apache.commons.statistics.distribution.PoissonDistribution;

/**
 * The Poisson bootstrap of expected calibration error with fixed bins, per cell instead of per row.
 * A row's bin and whether it is a hit do not depend on the weights, so the rows fall into cells (bin × hit). Under
 * per-row Poisson(1) weights a cell's total weight is exactly Poisson({@code N_c}), drawn here keyed by {@code (seed,
 * cell, replicate)}; given that total {@code T}, the weighted sum of the cell's confidences is the sum of {@code T}
 * draws with replacement from them (Poisson counts conditioned on their total are multinomial). Cells of fewer than
 * {@value #EXACT_BELOW} rows draw those {@code T} confidences one by one; larger ones draw the sum from its normal
 * approximation with the exact mean {@code T·μ} and variance {@code T·σ²} (the CLT on at least about a thousand
 * draws of values that lie within one bin's width). So a replicate costs {@code O(bins)} for large cells instead of
 * {@code O(n)}.
 */
final class CalibrationCells {

    /** Cells with fewer rows draw their confidences one by one. */
    static final int EXACT_BELOW = 1000;

    private static final long DRAW_SALT = 0x5DEECE66DL;
    private static final long NORMAL_SALT = 0x2545F4914F6CDD1DL;
    private static final NormalDistribution STANDARD_NORMAL = NormalDistribution.of(0, 1);

    private final int bins;
    private final long[] counts;
    private final double[] means;
    private final double[] deviations;
    private final double[][] values;
    private final PoissonDistribution[] totals;

    private CalibrationCells(int bins, long[] counts, double[] means, double[] deviations, double[][] values) {
        this.bins = bins;
        this.counts = counts;
        this.means = means;
        this.deviations = deviations;
        this.values = values;
        this.totals = new PoissonDistribution[counts.length];
        for (int c = 0; c < counts.length; c++) {
            totals[c] = counts[c] == 0 ? null : PoissonDistribution.of(counts[c]);
        }
    }

    /**
     * Sorts the selection's rows into cells {@code 2·bin + hit}, the bins those of the kernel's edges on the
     * selection as it is: equal-width, or equal-mass with the edges at the sample's percentiles, which then stay fixed
     * in every replicate (a per-row replicate would move them a little with its weights).
     */
    static CalibrationCells of(Columns columns, Selection selection, Resolved resolved, CalibrationKernel kernel) {
        Confidence confidence = CalibrationKernel.confidence(resolved);
        int bins = resolved.bins;
        double[] edges = kernel.edges(resolved, confidence, null);
        double[] inner = java.util.Arrays.copyOfRange(edges, 1, edges.length - 1);
        CalibrationBins binner = new CalibrationBins(columns, selection, confidence, inner);
        int cells = 2 * bins;
        long[] counts = new long[cells];
        double[] sums = new double[cells];
        int n = selection.size;
        int[] cellOf = new int[n];
        double[] conf = new double[n];
        for (int j = 0; j < n; j++) {
            int i = selection.row(j);
            int cls = confidence.classOf(columns, i);
            conf[j] = columns.probabilities[cls][i];
            cellOf[j] = 2 * binner.bin(conf[j]) + (columns.actual[i] == cls ? 1 : 0);
            counts[cellOf[j]]++;
            sums[cellOf[j]] += conf[j];
        }
        double[] means = new double[cells];
        double[] squares = new double[cells];
        double[][] values = new double[cells][];
        int[] filled = new int[cells];
        for (int c = 0; c < cells; c++) {
            means[c] = counts[c] == 0 ? 0 : sums[c] / counts[c];
            if (counts[c] < EXACT_BELOW) {
                values[c] = new double[(int) counts[c]];
            }
        }
        for (int j = 0; j < n; j++) {
            int c = cellOf[j];
            double d = conf[j] - means[c];
            squares[c] += d * d;
            if (values[c] != null) {
                values[c][filled[c]++] = conf[j];
            }
        }
        double[] deviations = new double[cells];
        for (int c = 0; c < cells; c++) {
            deviations[c] = counts[c] == 0 ? 0 : Math.sqrt(squares[c] / counts[c]);
        }
        return new CalibrationCells(bins, counts, means, deviations, values);
    }

    /** Returns the expected calibration error of replicate {@code b}; NaN when its total weight is 0. */
    double replicate(long seed, int b) {
        long total = 0;
        double ece = 0;
        long[] weight = new long[bins];
        long[] hits = new long[bins];
        double[] confidence = new double[bins];
        for (int c = 0; c < counts.length; c++) {
            if (totals[c] == null) {
                continue;
            }
            int t = totals[c].inverseCumulativeProbability(PoissonBootstrap.uniform(seed, c, b));
            if (t == 0) {
                continue;
            }
            double sum;
            if (values[c] != null) {
                sum = 0;
                double[] v = values[c];
                for (int k = 0; k < t; k++) {
                    long key = ((long) c << 32) | k;
                    sum += v[(int) (PoissonBootstrap.uniform(seed ^ DRAW_SALT, key, b) * v.length)];
                }
            } else {
                double z = STANDARD_NORMAL.inverseCumulativeProbability(
                        Math.max(0x1.0p-53, PoissonBootstrap.uniform(seed ^ NORMAL_SALT, c, b)));
                sum = t * means[c] + Math.sqrt(t) * deviations[c] * z;
            }
            int bin = c / 2;
            weight[bin] += t;
            confidence[bin] += sum;
            hits[bin] += (c & 1) == 1 ? t : 0;
            total += t;
        }
        if (total == 0) {
            return Double.NaN;
        }
        for (int bin = 0; bin < bins; bin++) {
            if (weight[bin] > 0) {
                ece += Math.abs(hits[bin] - confidence[bin]) / total;
            }
        }
        return ece;
    }
}
