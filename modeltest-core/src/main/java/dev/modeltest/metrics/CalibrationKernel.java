package dev.modeltest.metrics;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Expected calibration error and its reliability curve. Equal-width edges are fixed; equal-mass edges are the
 * percentiles of the confidences, found on confidences sorted once per selection.
 */
final class CalibrationKernel implements Kernel {

    private final Columns columns;
    private final Selection selection;
    private final Map<Integer, SortedValues> sortedConfidences = new ConcurrentHashMap<>();

    CalibrationKernel(Columns columns, Selection selection) {
        this.columns = columns;
        this.selection = selection;
    }

    static Confidence confidence(Resolved resolved) {
        return resolved.topLabel ? Confidence.topLabel() : Confidence.ofClass(resolved.positive);
    }

    @Override
    public double[] values(Metric[] metrics, Resolved[] resolved, int[] counts) {
        double[] out = new double[metrics.length];
        for (int i = 0; i < metrics.length; i++) {
            out[i] = bins(resolved[i], counts).expectedCalibrationError();
        }
        return out;
    }

    CalibrationBins bins(Resolved resolved, int[] counts) {
        Confidence confidence = confidence(resolved);
        double[] edges = edges(resolved, confidence, counts);
        double[] inner = java.util.Arrays.copyOfRange(edges, 1, edges.length - 1);
        return CalibrationBins.of(columns, selection.withCounts(counts), confidence, inner);
    }

    /**
     * All {@code bins + 1} edges: {@code numpy.linspace(0, 1, bins + 1)}, or {@code numpy.percentile(confidences,
     * linspace(0, 1, bins + 1) * 100)} as {@code calibration_curve(strategy='quantile')} computes them.
     */
    double[] edges(Resolved resolved, Confidence confidence, int[] counts) {
        int bins = resolved.bins;
        double step = 1.0 / bins;
        double[] q = new double[bins + 1];
        for (int b = 0; b < bins; b++) {
            q[b] = b * step;
        }
        q[bins] = 1.0;
        if (resolved.binning == Binning.EQUAL_WIDTH) {
            return q;
        }
        double[] percent = new double[bins + 1];
        for (int b = 0; b <= bins; b++) {
            // np.percentile divides the percentages (quantiles * 100) by 100 again: keep that rounding.
            percent[b] = q[b] * 100 / 100;
        }
        SortedValues sorted = sortedConfidences.computeIfAbsent(confidence.positive(), key -> sort(confidence));
        return sorted.quantiles(percent, counts);
    }

    private SortedValues sort(Confidence confidence) {
        double[] values = new double[selection.size];
        for (int j = 0; j < values.length; j++) {
            int i = selection.row(j);
            values[j] = columns.probabilities[confidence.classOf(columns, i)][i];
        }
        return SortedValues.of(values);
    }
}
