package dev.modeltest.metrics;

/** The formulas of the label metrics, each computed from one confusion-count table ({@link LabelMetrics}). */
enum LabelFormula implements Kernel.Formula {
    ACCURACY,
    BALANCED_ACCURACY,
    PRECISION,
    RECALL,
    F1,
    F_BETA,
    JACCARD,
    MATTHEWS,
    COHEN_KAPPA;

    @Override
    public Kernel.Kind kind() {
        return Kernel.Kind.LABELS;
    }
}
