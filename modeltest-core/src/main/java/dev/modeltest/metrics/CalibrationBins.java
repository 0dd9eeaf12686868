package dev.modeltest.metrics;

/**
 * The mergeable state of expected calibration error for fixed bin edges: per bin the row count, the sum of the
 * confidences and the number of hits. Rows go to bins as {@code numpy.searchsorted(inner_edges, confidence)} puts
 * them (a confidence equal to an edge falls in the lower bin), exactly as {@code calibration_curve}.
 */
final class CalibrationBins implements Chunks.Accumulator<CalibrationBins> {

    private final Columns columns;
    private final Selection selection;
    private final Confidence confidence;
    private final double[] inner;
    private final boolean uniform;
    final long[] counts;
    final double[] confidenceSums;
    final long[] hits;

    CalibrationBins(Columns columns, Selection selection, Confidence confidence, double[] inner) {
        this.columns = columns;
        this.selection = selection;
        this.confidence = confidence;
        this.inner = inner;
        this.uniform = isUniform(inner);
        int bins = inner.length + 1;
        this.counts = new long[bins];
        this.confidenceSums = new double[bins];
        this.hits = new long[bins];
    }

    static CalibrationBins of(Columns columns, Selection selection, Confidence confidence, double[] inner) {
        return Chunks.reduce(
                selection.size, Chunks.LEAF, () -> new CalibrationBins(columns, selection, confidence, inner));
    }

    @Override
    public void absorb(int from, int to) {
        for (int j = from; j < to; j++) {
            // Rows drawn zero times add nothing below: no branch on the weight, which is a coin toss per row.
            int w = selection.count(j);
            int i = selection.row(j);
            int cls = confidence.classOf(columns, i);
            double conf = columns.probabilities[cls][i];
            int b = bin(conf);
            counts[b] += w;
            confidenceSums[b] += w * conf;
            hits[b] += columns.actual[i] == cls ? w : 0;
        }
    }

    /** The number of inner edges strictly below {@code conf}: {@code searchsorted(inner, conf, side='left')}. */
    int bin(double conf) {
        if (uniform) {
            // Equal-width edges are i / bins up to rounding: start there and step at most an edge either way, which
            // avoids the unpredictable branches of a binary search on the hot path.
            int b = Math.min((int) (conf * (inner.length + 1)), inner.length);
            while (b > 0 && inner[b - 1] >= conf) {
                b--;
            }
            while (b < inner.length && inner[b] < conf) {
                b++;
            }
            return b;
        }
        int lo = 0;
        int hi = inner.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (inner[mid] < conf) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static boolean isUniform(double[] inner) {
        int bins = inner.length + 1;
        for (int i = 0; i < inner.length; i++) {
            if (Math.abs(inner[i] - (i + 1.0) / bins) > 1e-12) {
                return false;
            }
        }
        return true;
    }

    @Override
    public CalibrationBins merge(CalibrationBins other) {
        for (int b = 0; b < counts.length; b++) {
            counts[b] += other.counts[b];
            confidenceSums[b] += other.confidenceSums[b];
            hits[b] += other.hits[b];
        }
        return this;
    }

    /** {@code Σ_b (n_b / n)·|hits_b / n_b − confidence_b / n_b|} over non-empty bins; NaN without rows. */
    double expectedCalibrationError() {
        long total = 0;
        for (long c : counts) {
            total += c;
        }
        if (total == 0) {
            return Double.NaN;
        }
        double ece = 0;
        for (int b = 0; b < counts.length; b++) {
            long n = counts[b];
            if (n > 0) {
                double accuracy = (double) hits[b] / n;
                double meanConfidence = confidenceSums[b] / n;
                ece += (double) n / total * Math.abs(accuracy - meanConfidence);
            }
        }
        return ece;
    }
}
