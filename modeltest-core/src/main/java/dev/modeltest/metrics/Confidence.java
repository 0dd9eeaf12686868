package dev.modeltest.metrics;

/**
 * What expected calibration error bins: one class's probability against "is that class" (sklearn's
 * {@code calibration_curve} setting), or the top-label confidence against "the top class is right" (Guo et al. 2017).
 * Either way a row contributes the probability of one class, and it is a hit when that class is the true one.
 */
final class Confidence {

    private final int positive;

    private Confidence(int positive) {
        this.positive = positive;
    }

    /** The probability of class {@code positive}. */
    static Confidence ofClass(int positive) {
        return new Confidence(positive);
    }

    /** The highest probability of the row. */
    static Confidence topLabel() {
        return new Confidence(-1);
    }

    int positive() {
        return positive;
    }

    /**
     * Returns the class whose probability is the row's confidence: the positive class, or NumPy's {@code argmax} (the
     * first class with the highest probability). Probabilities must be in [0, 1] ({@link
     * Columns#probability}), as {@code calibration_curve} requires.
     */
    int classOf(Columns columns, int row) {
        if (positive >= 0) {
            columns.probability(row, positive, "calibration");
            return positive;
        }
        int best = 0;
        double max = Double.NEGATIVE_INFINITY;
        for (int c = 0; c < columns.k; c++) {
            double v = columns.probability(row, c, "calibration");
            if (v > max) {
                max = v;
                best = c;
            }
        }
        return best;
    }
}
