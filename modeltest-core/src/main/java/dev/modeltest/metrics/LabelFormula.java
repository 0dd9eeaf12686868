package dev.modeltest.metrics;

/** The formulas of the label metrics, each computed from one confusion-count table ({@link LabelMetrics}). */
enum LabelFormula implements Kernel.Formula {
    ACCURACY,
    BALANCED_ACCURACY,
    ADJUSTED_BALANCED_ACCURACY,
    PRECISION,
    RECALL,
    F1,
    F_BETA,
    JACCARD,
    ZERO_ONE_LOSS,
    HAMMING_LOSS,
    MATTHEWS,
    COHEN_KAPPA,
    COHEN_KAPPA_LINEAR,
    COHEN_KAPPA_QUADRATIC;

    @Override
    public Kernel.Kind kind() {
        return Kernel.Kind.LABELS;
    }
}
