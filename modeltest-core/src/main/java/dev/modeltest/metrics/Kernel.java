package dev.modeltest.metrics;

/**
 * The computation behind a family of metrics, prepared for one fixed selection of rows. It may keep what does not
 * depend on the multiplicities (sorted scores, sorted errors), so that re-weighted evaluations are linear.
 * Implementations are safe for concurrent use: bootstrap replicates call them from several threads.
 */
interface Kernel {

    /**
     * Computes {@code metrics[i]} under {@code resolved[i]} with each selection position counted {@code counts[j]}
     * times ({@code null}: once), sharing one pass where the metrics share a state.
     */
    double[] values(Metric[] metrics, Resolved[] resolved, int[] counts);

    /** Returns {successes, trials} when the metric is a plain proportion, else {@code null}. */
    default long[] proportion(Metric metric, Resolved resolved, int[] counts) {
        return null;
    }

    /** The families whose metrics share one state. */
    enum Family {
        LABELS,
        RANKING,
        PROBABILITY,
        CALIBRATION,
        REGRESSION;

        static Family of(Metric metric) {
            return switch (metric) {
                case ACCURACY, BALANCED_ACCURACY, PRECISION, RECALL, F1, MATTHEWS, COHEN_KAPPA -> LABELS;
                case ROC_AUC, AVERAGE_PRECISION -> RANKING;
                case LOG_LOSS, BRIER -> PROBABILITY;
                case EXPECTED_CALIBRATION_ERROR -> CALIBRATION;
                default -> REGRESSION;
            };
        }

        Kernel kernel(Columns columns, Selection selection) {
            return switch (this) {
                case LABELS -> new LabelKernel(columns, selection);
                case RANKING -> new RankingKernel(columns, selection);
                case PROBABILITY -> new ProbabilityKernel(columns, selection);
                case CALIBRATION -> new CalibrationKernel(columns, selection);
                case REGRESSION -> new RegressionKernel(columns, selection);
            };
        }
    }
}
