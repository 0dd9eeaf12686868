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

    /**
     * How a {@link Metric} constant is computed: the family whose kernel computes it and, for the families with
     * several formulas on one state ({@link LabelFormula}, {@link RegressionFormula}), which formula. The families
     * whose kernels tell their few metrics apart by the metric itself (ranking, probability, calibration, top-k) are their
     * own formula.
     */
    sealed interface Formula permits Kind, LabelFormula, RegressionFormula {

        /** Returns the family whose kernel computes the metric. */
        Kind kind();
    }

    /** The kinds of kernel, one per family of metrics that share one state. */
    enum Kind implements Formula {
        LABELS(Requirement.LABELS),
        RANKING(Requirement.PROBABILITIES),
        PROBABILITY(Requirement.PROBABILITIES),
        CALIBRATION(Requirement.PROBABILITIES),
        TOP_K(Requirement.PROBABILITIES),
        REGRESSION(Requirement.VALUES),
        /** The ranking metrics of a regressor's values within queries (NDCG, MAP). */
        QUERIES(Requirement.VALUES);

        /** What every metric of the family needs from the predictions. */
        final Requirement requirement;

        Kind(Requirement requirement) {
            this.requirement = requirement;
        }

        @Override
        public Kind kind() {
            return this;
        }

        Kernel kernel(Columns columns, Selection selection) {
            if (columns.weighted() && this != QUERIES) {
                // The query metrics weigh whole queries (QueryKernel's query weights); the rest weigh rows here.
                return new WeightedKernel(this, columns, selection);
            }
            return switch (this) {
                case LABELS -> new LabelKernel(columns, selection);
                case RANKING -> new RankingKernel(columns, selection);
                case PROBABILITY -> new ProbabilityKernel(columns, selection);
                case CALIBRATION -> new CalibrationKernel(columns, selection);
                case TOP_K -> new TopKernel(columns, selection);
                case REGRESSION -> new RegressionKernel(columns, selection);
                case QUERIES -> new QueryKernel(columns, selection);
            };
        }
    }
}
