package dev.modeltest.metrics;

import static dev.modeltest.metrics.Direction.HIGHER_IS_BETTER;
import static dev.modeltest.metrics.Direction.LOWER_IS_BETTER;

import org.apiguardian.api.API;

/**
 * A model quality metric, defined as the scikit-learn function named in its description (scikit-learn 1.2).
 *
 * <p>Classes are the ones of {@link dev.modeltest.model.Predictions#classes()}, in that order (scikit-learn's sorted
 * label order). Where scikit-learn's {@code zero_division="warn"} applies, a 0/0 ratio counts as 0, or as {@link
 * MetricOptions#zeroDivision()} says. A metric is
 * {@code NaN} where scikit-learn raises an error or returns {@code nan} on the rows given ({@link #undefinedWhen()}).
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum Metric {
    /**
     * The fraction of rows whose predicted class is the true class: {@code correct / n}. Same as
     * {@code sklearn.metrics.accuracy_score(y_true, y_pred)}.
     */
    ACCURACY(
            "accuracy",
            HIGHER_IS_BETTER,
            LabelFormula.ACCURACY,
            0,
            1,
            "sklearn.metrics.accuracy_score",
            "there are no rows"),

    /**
     * The mean recall of the classes that occur among the true labels: {@code mean_c tp_c / (tp_c + fn_c)}. Same as
     * {@code sklearn.metrics.balanced_accuracy_score(y_true, y_pred)} (classes only predicted are left out, as there).
     */
    BALANCED_ACCURACY(
            "balanced accuracy",
            HIGHER_IS_BETTER,
            LabelFormula.BALANCED_ACCURACY,
            0,
            1,
            "sklearn.metrics.balanced_accuracy_score",
            "there are no rows"),

    /**
     * Balanced accuracy rescaled so that chance is 0: {@code (B − 1/m) / (1 − 1/m)} with {@code B} the balanced
     * accuracy and {@code m} the number of classes that occur among the true labels; 1 is perfect, 0 is what a
     * constant or random prediction scores. Same as {@code sklearn.metrics.balanced_accuracy_score(y_true, y_pred,
     * adjusted=True)}, except that it is NaN where only one class occurs among the true labels (scikit-learn divides
     * by 0 there and returns NaN or −inf).
     *
     * @since 0.2.0
     */
    ADJUSTED_BALANCED_ACCURACY(
            "adjusted balanced accuracy",
            HIGHER_IS_BETTER,
            LabelFormula.ADJUSTED_BALANCED_ACCURACY,
            -1,
            1,
            "sklearn.metrics.balanced_accuracy_score(adjusted=True)",
            "fewer than two classes occur among the true labels (chance level 1, nothing to adjust against)"),

    /**
     * {@code tp / (tp + fp)}, 0 when nothing is predicted positive; averaged per {@link Averaging} over the classes
     * present in the true or predicted labels. Same as {@code sklearn.metrics.precision_score(y_true, y_pred,
     * average=..., pos_label=...)}.
     */
    PRECISION(
            "precision",
            HIGHER_IS_BETTER,
            LabelFormula.PRECISION,
            0,
            1,
            "sklearn.metrics.precision_score",
            "there are no rows"),

    /**
     * {@code tp / (tp + fn)}, 0 when the class never occurs; averaged per {@link Averaging}. Same as
     * {@code sklearn.metrics.recall_score(y_true, y_pred, average=..., pos_label=...)}.
     */
    RECALL("recall", HIGHER_IS_BETTER, LabelFormula.RECALL, 0, 1, "sklearn.metrics.recall_score", "there are no rows"),

    /**
     * The harmonic mean {@code 2·P·R / (P + R)} of precision and recall, 0 when both are 0; averaged per
     * {@link Averaging} (per-class F1 values, or micro from pooled counts). Same as
     * {@code sklearn.metrics.f1_score(y_true, y_pred, average=..., pos_label=...)}.
     */
    F1("F1", HIGHER_IS_BETTER, LabelFormula.F1, 0, 1, "sklearn.metrics.f1_score", "there are no rows"),

    /**
     * The weighted harmonic mean {@code (1 + β²)·P·R / (β²·P + R)} of precision and recall, 0 when the denominator is
     * 0, with {@code β} = {@link MetricOptions#beta()}: recall counts β times as much as precision (F0.5 favours
     * precision, F2 recall; β = 1 is {@link #F1}). Averaged per {@link Averaging} as F1. Same as {@code
     * sklearn.metrics.fbeta_score(y_true, y_pred, beta=..., average=..., pos_label=...)}.
     *
     * @since 0.2.0
     */
    F_BETA("F-beta", HIGHER_IS_BETTER, LabelFormula.F_BETA, 0, 1, "sklearn.metrics.fbeta_score", "there are no rows"),

    /**
     * The Jaccard index (intersection over union) of the rows predicted and the rows truly of a class, {@code tp / (tp
     * + fp + fn)}, 0 when the class is neither true nor predicted; averaged per {@link Averaging} as F1 (per-class
     * values, or micro from pooled counts). Same as {@code sklearn.metrics.jaccard_score(y_true, y_pred, average=...,
     * pos_label=...)}.
     *
     * @since 0.2.0
     */
    JACCARD(
            "Jaccard",
            HIGHER_IS_BETTER,
            LabelFormula.JACCARD,
            0,
            1,
            "sklearn.metrics.jaccard_score",
            "there are no rows"),

    /**
     * The fraction of rows whose predicted class is not the true class, {@code wrong / n = 1 − accuracy}. Same as
     * {@code sklearn.metrics.zero_one_loss(y_true, y_pred)} (with {@code normalize=True}, its default).
     *
     * @since 0.2.0
     */
    ZERO_ONE_LOSS(
            "zero-one loss",
            LOWER_IS_BETTER,
            LabelFormula.ZERO_ONE_LOSS,
            0,
            1,
            "sklearn.metrics.zero_one_loss",
            "there are no rows"),

    /**
     * The fraction of labels predicted wrongly. With one label per row, as here, it is the fraction of rows predicted
     * wrongly and equals {@link #ZERO_ONE_LOSS} (the two differ only on multilabel data, which modeltest does not
     * take). Same as {@code sklearn.metrics.hamming_loss(y_true, y_pred)}.
     *
     * @since 0.2.0
     */
    HAMMING_LOSS(
            "Hamming loss",
            LOWER_IS_BETTER,
            LabelFormula.HAMMING_LOSS,
            0,
            1,
            "sklearn.metrics.hamming_loss",
            "there are no rows"),

    /**
     * Matthews correlation coefficient, in its multiclass form (Gorodkin 2004) from the confusion matrix {@code C}
     * with row sums {@code t}, column sums {@code p}, trace {@code c} and total {@code s}:
     * {@code (c·s − t·p) / sqrt((s² − p·p)(s² − t·t))}, and 0 when the denominator is 0. Same as
     * {@code sklearn.metrics.matthews_corrcoef(y_true, y_pred)}.
     */
    MATTHEWS(
            "Matthews correlation",
            HIGHER_IS_BETTER,
            LabelFormula.MATTHEWS,
            -1,
            1,
            "sklearn.metrics.matthews_corrcoef",
            "there are no rows"),

    /**
     * Cohen's kappa between true and predicted labels, {@code 1 − Σ_{i≠j} C_ij / Σ_{i≠j} E_ij} with the expected
     * counts {@code E = outer(column sums, row sums) / n}. Same as {@code sklearn.metrics.cohen_kappa_score(y_true,
     * y_pred)}.
     */
    COHEN_KAPPA(
            "Cohen's kappa",
            HIGHER_IS_BETTER,
            LabelFormula.COHEN_KAPPA,
            -1,
            1,
            "sklearn.metrics.cohen_kappa_score",
            "every true and predicted label is the same single class (0/0)"),

    /**
     * Cohen's kappa with linear weights for ordinal classes: {@code 1 − Σ w_ij C_ij / Σ w_ij E_ij} with {@code w_ij =
     * |i − j|}, {@code i} and {@code j} the positions of the classes among those present in the true or predicted
     * labels, in class order (so a disagreement by two classes costs twice one by one class). Same as {@code
     * sklearn.metrics.cohen_kappa_score(y_true, y_pred, weights='linear')}. The classes must sort in their ordinal
     * order ({@link dev.modeltest.model.Predictions#classes()}).
     *
     * @since 0.2.0
     */
    COHEN_KAPPA_LINEAR(
            "Cohen's kappa (linear weights)",
            HIGHER_IS_BETTER,
            LabelFormula.COHEN_KAPPA_LINEAR,
            -1,
            1,
            "sklearn.metrics.cohen_kappa_score(weights='linear')",
            "every true and predicted label is the same single class (0/0)"),

    /**
     * Cohen's kappa with quadratic weights {@code w_ij = (i − j)²}, otherwise as {@link #COHEN_KAPPA_LINEAR}: large
     * disagreements cost much more than near misses. Same as {@code sklearn.metrics.cohen_kappa_score(y_true, y_pred,
     * weights='quadratic')}.
     *
     * @since 0.2.0
     */
    COHEN_KAPPA_QUADRATIC(
            "Cohen's kappa (quadratic weights)",
            HIGHER_IS_BETTER,
            LabelFormula.COHEN_KAPPA_QUADRATIC,
            -1,
            1,
            "sklearn.metrics.cohen_kappa_score(weights='quadratic')",
            "every true and predicted label is the same single class (0/0)"),

    /**
     * Area under the ROC curve: the probability that a random positive row scores higher than a random negative
     * one, ties counting one half (the trapezoidal area of scikit-learn's curve, computed exactly from the
     * Mann-Whitney U). Binary: same as {@code sklearn.metrics.roc_auc_score(y_true == positive, p_positive)}; more
     * classes: one-vs-rest, same as {@code roc_auc_score(y_true, proba, multi_class='ovr', average=...,
     * labels=classes)} (macro, weighted or micro), which needs every row's probabilities to sum to 1. With {@link
     * MetricOptions#multiClass()} {@link MultiClass#OVO}: one-vs-one, same as {@code roc_auc_score(y_true, proba,
     * multi_class='ovo', average=..., labels=classes)} (macro or weighted; NaN with fewer than two classes among the
     * true labels). With {@link MetricOptions#maxFpr()} below 1 (one positive class only): the McClish-standardized
     * partial AUC up to that false positive rate, same as {@code roc_auc_score(y_true == positive, p_positive,
     * max_fpr=...)}, 0.5 for a chance ranking and 1 for a perfect one.
     */
    ROC_AUC(
            "ROC AUC",
            HIGHER_IS_BETTER,
            Kernel.Kind.RANKING,
            0,
            1,
            "sklearn.metrics.roc_auc_score",
            "a class scored one-vs-rest has no positive or no negative row (scikit-learn raises ValueError)"),

    /**
     * Average precision, the step-wise (not interpolated) area under the precision-recall curve:
     * {@code Σ_k (R_k − R_{k−1}) P_k} over the distinct score thresholds, tied scores forming one step; 0 when there
     * are no positive rows. Binary: same as {@code sklearn.metrics.average_precision_score(y_true, p_positive,
     * pos_label=positive)}; more classes: one-vs-rest, same as {@code average_precision_score(label_binarize(y_true,
     * classes=classes), proba, average=...)}.
     */
    AVERAGE_PRECISION(
            "average precision",
            HIGHER_IS_BETTER,
            Kernel.Kind.RANKING,
            0,
            1,
            "sklearn.metrics.average_precision_score",
            "there are no rows"),

    /**
     * The fraction of rows whose true class is among the {@code k} classes of highest probability, with {@code k} =
     * {@link MetricOptions#k()} (2 by default, as in scikit-learn); tied probabilities rank the later class first, as
     * scikit-learn's stable sort reversed does. On two classes only {@code k = 1} applies: a row is a hit when the
     * second class's probability is above 0.5 and it is that class, or not above and it is the first. Same as {@code
     * sklearn.metrics.top_k_accuracy_score(y_true, proba, k=..., labels=classes)} (on two classes with the second
     * class's probability as {@code y_score}). A {@code k} of at least the number of classes is refused: every row
     * would be a hit.
     *
     * @since 0.2.0
     */
    TOP_K_ACCURACY(
            "top-k accuracy",
            HIGHER_IS_BETTER,
            Kernel.Kind.TOP_K,
            0,
            1,
            "sklearn.metrics.top_k_accuracy_score",
            "there are no rows"),

    /**
     * Mean negative log-likelihood of the true class, {@code −mean log p̃_true}, where each row's probabilities are
     * clipped to {@code [ε, 1 − ε]} with {@code ε = 2^-52} (NumPy's float64 eps, scikit-learn 1.2's
     * {@code eps="auto"}) and renormalized to sum to 1. Same as {@code sklearn.metrics.log_loss(y_true, proba,
     * labels=classes)}.
     */
    LOG_LOSS(
            "log loss",
            LOWER_IS_BETTER,
            Kernel.Kind.PROBABILITY,
            0,
            Double.POSITIVE_INFINITY,
            "sklearn.metrics.log_loss",
            "there are no rows"),

    /**
     * Mean squared difference between the positive class's probability and the 0/1 outcome,
     * {@code mean (1[y = positive] − p_positive)²}. Same as {@code sklearn.metrics.brier_score_loss(y_true,
     * p_positive, pos_label=positive)}; on more than two classes it needs a positive label (one-vs-rest).
     */
    BRIER(
            "Brier score",
            LOWER_IS_BETTER,
            Kernel.Kind.PROBABILITY,
            0,
            1,
            "sklearn.metrics.brier_score_loss",
            "there are no rows"),

    /**
     * Expected calibration error {@code Σ_b (n_b / n)·|accuracy_b − confidence_b|} over the non-empty confidence bins
     * (Naeini et al. 2015; Guo et al. 2017). With a positive class (two classes, or {@link Averaging#BINARY}) the
     * confidence is that class's probability and the accuracy the fraction of rows of that class: the bins, mean
     * confidences and accuracies are exactly {@code sklearn.calibration.calibration_curve(y_true == positive,
     * p_positive, n_bins=bins, strategy=...)}. On more classes by default it is the top-label form: confidence is the
     * highest probability of the row and accuracy whether that class (NumPy {@code argmax}, first on ties) is the true
     * one. Not in scikit-learn itself.
     */
    EXPECTED_CALIBRATION_ERROR(
            "expected calibration error",
            LOWER_IS_BETTER,
            Kernel.Kind.CALIBRATION,
            0,
            1,
            "sklearn.calibration.calibration_curve (bins), ECE as Guo et al. 2017",
            "there are no rows"),

    /** Mean squared error {@code mean (y − ŷ)²}. Same as {@code sklearn.metrics.mean_squared_error(y, y_hat)}. */
    MSE(
            "mean squared error",
            LOWER_IS_BETTER,
            RegressionFormula.MSE,
            0,
            Double.POSITIVE_INFINITY,
            "sklearn.metrics.mean_squared_error",
            "there are no rows"),

    /**
     * Root mean squared error {@code sqrt(mean (y − ŷ)²)}. Same as {@code sklearn.metrics.mean_squared_error(y, y_hat,
     * squared=False)}.
     */
    RMSE(
            "root mean squared error",
            LOWER_IS_BETTER,
            RegressionFormula.RMSE,
            0,
            Double.POSITIVE_INFINITY,
            "sklearn.metrics.mean_squared_error(squared=False)",
            "there are no rows"),

    /** Mean absolute error {@code mean |y − ŷ|}. Same as {@code sklearn.metrics.mean_absolute_error(y, y_hat)}. */
    MAE(
            "mean absolute error",
            LOWER_IS_BETTER,
            RegressionFormula.MAE,
            0,
            Double.POSITIVE_INFINITY,
            "sklearn.metrics.mean_absolute_error",
            "there are no rows"),

    /**
     * Coefficient of determination {@code 1 − Σ(y − ŷ)² / Σ(y − ȳ)²}. Same as {@code sklearn.metrics.r2_score(y,
     * y_hat)} with its default {@code force_finite=True}: when the true values are all equal it is 1.0 for perfect
     * predictions and 0.0 otherwise; with {@link MetricOptions#forceFinite()} false ({@code force_finite=False}) it is
     * NaN and −∞ there. {@code NaN} on fewer than two rows, as there ("not well-defined with less than two
     * samples").
     */
    R2(
            "R²",
            HIGHER_IS_BETTER,
            RegressionFormula.R2,
            Double.NEGATIVE_INFINITY,
            1,
            "sklearn.metrics.r2_score",
            Metric.FEWER_THAN_TWO_ROWS),

    /**
     * Explained variance {@code 1 − Var(y − ŷ) / Var(y)}. Same as {@code sklearn.metrics.explained_variance_score(y,
     * y_hat)} with {@code force_finite=True} (1.0 or 0.0 when the true values are all equal, as {@link #R2}). {@code
     * NaN} on fewer than two rows as {@link #R2}, where scikit-learn 1.2 gives 1.0 by its rule for equal true values:
     * one row has no variance to explain.
     */
    EXPLAINED_VARIANCE(
            "explained variance",
            HIGHER_IS_BETTER,
            RegressionFormula.EXPLAINED_VARIANCE,
            Double.NEGATIVE_INFINITY,
            1,
            "sklearn.metrics.explained_variance_score",
            Metric.FEWER_THAN_TWO_ROWS),

    /**
     * Mean absolute percentage error as a fraction, {@code mean |y − ŷ| / max(|y|, ε)} with {@code ε = 2^-52}, so a
     * true value of 0 gives a huge but finite term. Same as {@code
     * sklearn.metrics.mean_absolute_percentage_error(y, y_hat)}.
     */
    MAPE(
            "mean absolute percentage error",
            LOWER_IS_BETTER,
            RegressionFormula.MAPE,
            0,
            Double.POSITIVE_INFINITY,
            "sklearn.metrics.mean_absolute_percentage_error",
            "there are no rows"),

    /**
     * The median of {@code |y − ŷ|} (the mean of the two middle values for an even count). Same as {@code
     * sklearn.metrics.median_absolute_error(y, y_hat)}.
     */
    MEDIAN_ABSOLUTE_ERROR(
            "median absolute error",
            LOWER_IS_BETTER,
            RegressionFormula.MEDIAN_ABSOLUTE_ERROR,
            0,
            Double.POSITIVE_INFINITY,
            "sklearn.metrics.median_absolute_error",
            "there are no rows"),

    /** The largest {@code |y − ŷ|}. Same as {@code sklearn.metrics.max_error(y, y_hat)}. */
    MAX_ERROR(
            "max error",
            LOWER_IS_BETTER,
            RegressionFormula.MAX_ERROR,
            0,
            Double.POSITIVE_INFINITY,
            "sklearn.metrics.max_error",
            "there are no rows"),

    /**
     * Mean squared log error {@code mean (log(1 + y) − log(1 + ŷ))²}, for targets that grow exponentially; a negative
     * true or predicted value fails naming the row, as scikit-learn refuses it. Same as {@code
     * sklearn.metrics.mean_squared_log_error(y, y_hat)}.
     *
     * @since 0.2.0
     */
    MEAN_SQUARED_LOG_ERROR(
            "mean squared log error",
            LOWER_IS_BETTER,
            RegressionFormula.MSLE,
            0,
            Double.POSITIVE_INFINITY,
            "sklearn.metrics.mean_squared_log_error",
            "there are no rows"),

    /**
     * The square root of {@link #MEAN_SQUARED_LOG_ERROR}. Same as {@code sklearn.metrics.mean_squared_log_error(y,
     * y_hat, squared=False)}.
     *
     * @since 0.2.0
     */
    ROOT_MEAN_SQUARED_LOG_ERROR(
            "root mean squared log error",
            LOWER_IS_BETTER,
            RegressionFormula.RMSLE,
            0,
            Double.POSITIVE_INFINITY,
            "sklearn.metrics.mean_squared_log_error(squared=False)",
            "there are no rows"),

    /**
     * Mean pinball loss of a quantile model, {@code mean(α·(y − ŷ) where y ≥ ŷ, (1 − α)·(ŷ − y) otherwise)} with
     * {@code α} = {@link MetricOptions#alpha()} (0.5 by default: half the mean absolute error). Same as {@code
     * sklearn.metrics.mean_pinball_loss(y, y_hat, alpha=...)}.
     *
     * @since 0.2.0
     */
    MEAN_PINBALL_LOSS(
            "mean pinball loss",
            LOWER_IS_BETTER,
            RegressionFormula.PINBALL,
            0,
            Double.POSITIVE_INFINITY,
            "sklearn.metrics.mean_pinball_loss",
            "there are no rows"),

    /**
     * Mean Poisson deviance {@code mean 2·(y·log(y/ŷ) − y + ŷ)} (the Tweedie deviance of power 1), for counts; true
     * values must be at least 0 and predictions above 0. Same as {@code sklearn.metrics.mean_poisson_deviance(y,
     * y_hat)}.
     *
     * @since 0.2.0
     */
    MEAN_POISSON_DEVIANCE(
            "mean Poisson deviance",
            LOWER_IS_BETTER,
            RegressionFormula.POISSON_DEVIANCE,
            0,
            Double.POSITIVE_INFINITY,
            "sklearn.metrics.mean_poisson_deviance",
            "there are no rows"),

    /**
     * Mean Gamma deviance {@code mean 2·(log(ŷ/y) + y/ŷ − 1)} (the Tweedie deviance of power 2), for positive targets
     * whose error grows with their size; true and predicted values must be above 0. Same as {@code
     * sklearn.metrics.mean_gamma_deviance(y, y_hat)}.
     *
     * @since 0.2.0
     */
    MEAN_GAMMA_DEVIANCE(
            "mean Gamma deviance",
            LOWER_IS_BETTER,
            RegressionFormula.GAMMA_DEVIANCE,
            0,
            Double.POSITIVE_INFINITY,
            "sklearn.metrics.mean_gamma_deviance",
            "there are no rows"),

    /**
     * Mean Tweedie deviance of power {@code p} = {@link MetricOptions#power()} (0 by default: the mean squared error;
     * 1 Poisson, 2 Gamma, 3 inverse Gaussian, between 1 and 2 compound Poisson; {@code p} in (0, 1) does not exist).
     * The values a power needs: predictions above 0 for {@code p < 0}, true values at least 0 and predictions above 0
     * for {@code 1 ≤ p < 2}, both above 0 for {@code p ≥ 2}. Same as {@code sklearn.metrics.mean_tweedie_deviance(y,
     * y_hat, power=...)}.
     *
     * @since 0.2.0
     */
    MEAN_TWEEDIE_DEVIANCE(
            "mean Tweedie deviance",
            LOWER_IS_BETTER,
            RegressionFormula.TWEEDIE_DEVIANCE,
            0,
            Double.POSITIVE_INFINITY,
            "sklearn.metrics.mean_tweedie_deviance",
            "there are no rows"),

    /**
     * The fraction of Tweedie deviance explained, {@code 1 − Σ dev_p(y, ŷ) / Σ dev_p(y, ȳ)} with the power {@code p} =
     * {@link MetricOptions#power()} (power 0 is R² without its rule for equal true values); NaN on fewer than two rows,
     * and, as in scikit-learn, −∞ or NaN when the true values are all equal. Same as {@code
     * sklearn.metrics.d2_tweedie_score(y, y_hat, power=...)}.
     *
     * @since 0.2.0
     */
    D2_TWEEDIE(
            "D² Tweedie score",
            HIGHER_IS_BETTER,
            RegressionFormula.D2_TWEEDIE,
            Double.NEGATIVE_INFINITY,
            1,
            "sklearn.metrics.d2_tweedie_score",
            Metric.FEWER_THAN_TWO_ROWS + ", or every true value is the same and every prediction right (0/0)"),

    /**
     * The fraction of pinball loss explained, {@code 1 − Σ pinball_α(y, ŷ) / Σ pinball_α(y, q_α)} with {@code q_α} the
     * {@code α} quantile of the true values ({@code numpy.percentile}) and {@code α} = {@link MetricOptions#alpha()};
     * 1.0 when the numerator is 0, 0.0 when only the denominator is; NaN on fewer than two rows. Same as {@code
     * sklearn.metrics.d2_pinball_score(y, y_hat, alpha=...)}.
     *
     * @since 0.2.0
     */
    D2_PINBALL(
            "D² pinball score",
            HIGHER_IS_BETTER,
            RegressionFormula.D2_PINBALL,
            Double.NEGATIVE_INFINITY,
            1,
            "sklearn.metrics.d2_pinball_score",
            Metric.FEWER_THAN_TWO_ROWS),

    /**
     * The fraction of absolute error explained against the median: {@link #D2_PINBALL} at {@code α = 0.5}. Same as
     * {@code sklearn.metrics.d2_absolute_error_score(y, y_hat)}.
     *
     * @since 0.2.0
     */
    D2_ABSOLUTE_ERROR(
            "D² absolute error score",
            HIGHER_IS_BETTER,
            RegressionFormula.D2_ABSOLUTE_ERROR,
            Double.NEGATIVE_INFINITY,
            1,
            "sklearn.metrics.d2_absolute_error_score",
            Metric.FEWER_THAN_TWO_ROWS),

    /**
     * Normalized discounted cumulative gain at {@code k} = {@link MetricOptions#k()}, for ranking models: the rows of
     * one query (the predictions' {@link dev.modeltest.model.Predictions#withQueries query column}) are ranked by the
     * predicted value, the true value is the graded relevance (at least 0), {@code DCG@k = Σ_{i≤k} rel_i / log2(i + 1)}
     * with tied predictions sharing their average relevance (McSherry and Najork 2008), divided by the DCG@k of the
     * ideal order, and 0 for a query with no relevant row. The value is the mean over the queries: per query the same
     * as {@code sklearn.metrics.ndcg_score([rel], [score], k=k)}, as scikit-learn 1.2 computes it. A query of one row
     * is left out (scikit-learn refuses one document: any model ranks it alike).
     *
     * @since 0.2.0
     */
    NDCG(
            "NDCG",
            HIGHER_IS_BETTER,
            Kernel.Kind.QUERIES,
            0,
            1,
            "sklearn.metrics.ndcg_score per query, averaged over queries",
            "no query has two rows"),

    /**
     * Mean average precision at {@code k} = {@link MetricOptions#k()}, for ranking models: within each query (as
     * {@link #NDCG}) a row is relevant when its true value is above 0, the rows are ranked by the predicted value with
     * tied predictions ordered pessimistically (the irrelevant rows of a tie first), and {@code AP@k = Σ_{i≤k} P@i ·
     * rel_i / min(k, R)} with {@code R} the query's relevant rows, 0 for a query with none. The value is the mean over
     * the queries; a query of one row is left out. With {@code k} at least the query's rows and no tied predictions,
     * a query's AP@k is {@code sklearn.metrics.average_precision_score(rel > 0, score)}; scikit-learn has no MAP@k.
     *
     * @since 0.2.0
     */
    MAP(
            "MAP",
            HIGHER_IS_BETTER,
            Kernel.Kind.QUERIES,
            0,
            1,
            "mean over queries of AP@k (sklearn.metrics.average_precision_score per query at full k without ties)",
            "no query has two rows");

    /**
     * When R² and the other scores relative to a baseline are undefined, in scikit-learn's words (a constant, so the
     * constants above may name it, qualified, before its declaration).
     */
    private static final String FEWER_THAN_TWO_ROWS =
            "there are fewer than two rows (scikit-learn: \"not well-defined with less than two samples\")";

    private final String displayName;
    private final Direction direction;
    private final Kernel.Formula formula;
    private final double lowest;
    private final double highest;
    private final String reference;
    private final String undefinedWhen;

    Metric(
            String displayName,
            Direction direction,
            Kernel.Formula formula,
            double lowest,
            double highest,
            String reference,
            String undefinedWhen) {
        this.displayName = displayName;
        this.direction = direction;
        this.formula = formula;
        this.lowest = lowest;
        this.highest = highest;
        this.reference = reference;
        this.undefinedWhen = undefinedWhen;
    }

    /** Returns the name for messages and reports, e.g. {@code ROC AUC}. */
    public String displayName() {
        return displayName;
    }

    /** Returns which way the metric improves. */
    public Direction direction() {
        return direction;
    }

    /** Returns what the metric needs from the predictions. */
    public Requirement requirement() {
        return formula.kind().requirement;
    }

    /** Returns how the metric is computed: its kernel family and, where the family has several, its formula. */
    Kernel.Formula formula() {
        return formula;
    }

    /** Returns the family whose kernel computes the metric. */
    Kernel.Kind kind() {
        return formula.kind();
    }

    /** Returns the smallest value the metric can take (may be negative infinity). */
    public double lowest() {
        return lowest;
    }

    /** Returns the largest value the metric can take (may be positive infinity). */
    public double highest() {
        return highest;
    }

    /** Returns the scikit-learn function this metric matches, e.g. {@code sklearn.metrics.roc_auc_score}. */
    public String reference() {
        return reference;
    }

    /** Returns when the metric is {@code NaN}, in words for messages, e.g. {@code there are no rows}. */
    public String undefinedWhen() {
        return undefinedWhen;
    }

    /** Returns whether the metric judges a classifier (labels or probabilities) rather than a regressor. */
    public boolean isClassification() {
        return requirement() != Requirement.VALUES;
    }

    /**
     * Returns whether {@link MetricOptions#average()} matters: precision, recall, F1, F-beta, Jaccard, ROC AUC,
     * average precision.
     */
    public boolean isAveraged() {
        return switch (this) {
            case PRECISION, RECALL, F1, F_BETA, JACCARD, ROC_AUC, AVERAGE_PRECISION -> true;
            case ACCURACY,
                    BALANCED_ACCURACY,
                    ADJUSTED_BALANCED_ACCURACY,
                    ZERO_ONE_LOSS,
                    HAMMING_LOSS,
                    MATTHEWS,
                    COHEN_KAPPA,
                    COHEN_KAPPA_LINEAR,
                    COHEN_KAPPA_QUADRATIC,
                    TOP_K_ACCURACY,
                    LOG_LOSS,
                    BRIER,
                    EXPECTED_CALIBRATION_ERROR,
                    MSE,
                    RMSE,
                    MAE,
                    R2,
                    EXPLAINED_VARIANCE,
                    MAPE,
                    MEDIAN_ABSOLUTE_ERROR,
                    MAX_ERROR,
                    MEAN_SQUARED_LOG_ERROR,
                    ROOT_MEAN_SQUARED_LOG_ERROR,
                    MEAN_PINBALL_LOSS,
                    MEAN_POISSON_DEVIANCE,
                    MEAN_GAMMA_DEVIANCE,
                    MEAN_TWEEDIE_DEVIANCE,
                    D2_TWEEDIE,
                    D2_PINBALL,
                    D2_ABSOLUTE_ERROR,
                    NDCG,
                    MAP -> false;
        };
    }

    /**
     * Returns whether the metric scores one positive class against the rest ({@link Averaging#BINARY}), so that
     * {@link MetricOptions#positiveLabel()} matters: the averaged metrics, Brier score and expected calibration
     * error.
     */
    public boolean usesPositiveLabel() {
        return isAveraged() || this == BRIER || this == EXPECTED_CALIBRATION_ERROR;
    }
}
