package dev.modeltest.metrics;

import org.apiguardian.api.API;

/**
 * How {@link Metric#ROC_AUC} scores more than two classes, as scikit-learn's {@code multi_class} parameter of {@code
 * roc_auc_score}. On two classes both are the plain binary AUC, as there.
 *
 * @since 0.2.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
public enum MultiClass {
    /**
     * One-vs-rest: each class's AUC against all other rows, averaged per {@link Averaging} (macro, weighted by the
     * class's rows, or micro over the pooled scores). {@code multi_class='ovr'}; the default.
     */
    OVR,
    /**
     * One-vs-one (Hand and Till 2001): for each unordered pair of classes {@code (a, b)} that occur among the true
     * labels, on the rows of {@code a} and {@code b} only, the mean of {@code AUC(a | b)} (scored by the probability of
     * {@code a}) and {@code AUC(b | a)} (by that of {@code b}); macro is the unweighted mean over the pairs, weighted
     * weighs each pair by its share of the rows. {@code multi_class='ovo'}; insensitive to class imbalance. Micro and
     * one positive class do not apply.
     */
    OVO
}
