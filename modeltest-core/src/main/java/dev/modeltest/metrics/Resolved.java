package dev.modeltest.metrics;

import dev.modeltest.check.Format;
import dev.modeltest.model.Predictions;
import dev.modeltest.model.Task;
import java.util.List;

/**
 * {@link MetricOptions} resolved against one {@link Predictions}: {@link Averaging#AUTO} replaced, the positive label
 * turned into a class index, and every combination that does not apply rejected with a message.
 */
final class Resolved {

    /** How the metric is formed; {@code null} for metrics without averaging. */
    final Averaging average;
    /** The positive class index for {@link Averaging#BINARY}, else -1. */
    final int positive;
    /** Expected calibration error on the top-label confidence rather than one class's probability. */
    final boolean topLabel;

    final int bins;
    final Binning binning;
    /** The beta of F-beta; 1 for every other metric. */
    final double beta;
    /** The k of top-k accuracy; 2 for every other metric. */
    final int k;
    /** The alpha of the pinball metrics; 0.5 for every other metric. */
    final double alpha;
    /** The power of the Tweedie metrics; 0 for every other metric. */
    final double power;
    /** Whether R² and explained variance are forced finite; true for every other metric. */
    final boolean forceFinite;
    /** ROC AUC one-vs-one over more than two classes (on two classes one-vs-one is the binary AUC). */
    final boolean ovo;
    /** The false positive rate limit of ROC AUC (1: the whole curve); 1 for every other metric. */
    final double maxFpr;
    /** What 0/0 is in precision, recall, F1, F-beta and Jaccard; ZERO for every other metric. */
    final ZeroDivision zeroDivision;

    private Resolved(Averaging average, int positive, boolean topLabel, MetricOptions options) {
        this.average = average;
        this.positive = positive;
        this.topLabel = topLabel;
        this.bins = options.bins();
        this.binning = options.binning();
        this.beta = options.beta();
        this.k = options.k();
        this.alpha = options.alpha();
        this.power = options.power();
        this.forceFinite = options.forceFinite();
        this.ovo = options.multiClass() == MultiClass.OVO && average != null && average != Averaging.BINARY;
        this.maxFpr = options.maxFpr();
        this.zeroDivision = options.zeroDivision();
    }

    /**
     * Returns why {@code metric} cannot be computed on these predictions with these options, or {@code null} when it
     * can. Messages name the option as the annotations do ({@code 'average'}, {@code 'positiveLabel'}).
     */
    static String problem(Predictions predictions, Metric metric, MetricOptions options) {
        String name = metric.displayName();
        String model = predictions.modelName();
        if (metric != Metric.F_BETA && options.beta() != MetricOptions.DEFAULT_BETA) {
            return "'beta' applies to F-beta only, not to " + name + ", was " + Format.number(options.beta());
        }
        if (metric != Metric.TOP_K_ACCURACY && !ranksQueries(metric) && options.k() != MetricOptions.DEFAULT_K) {
            return "'k' applies to top-k accuracy, NDCG and MAP only, not to " + name + ", was " + options.k();
        }
        if (!usesAlpha(metric) && options.alpha() != MetricOptions.DEFAULT_ALPHA) {
            return "'alpha' applies to mean pinball loss and D² pinball score only, not to " + name + ", was "
                    + Format.number(options.alpha());
        }
        if (!usesPower(metric) && options.power() != MetricOptions.DEFAULT_POWER) {
            return "'power' applies to mean Tweedie deviance and D² Tweedie score only, not to " + name + ", was "
                    + Format.number(options.power());
        }
        if (!usesForceFinite(metric) && !options.forceFinite()) {
            return "'forceFinite' applies to R² and explained variance only, not to " + name + ", was false";
        }
        if (ranksQueries(metric)) {
            String queries = queryProblem(predictions, name);
            if (queries != null) {
                return queries;
            }
        }
        if (metric != Metric.ROC_AUC && options.multiClass() != MultiClass.OVR) {
            return "'multiClass' applies to ROC AUC only, not to " + name + ", was " + options.multiClass();
        }
        if (metric != Metric.ROC_AUC && options.maxFpr() != MetricOptions.DEFAULT_MAX_FPR) {
            return "'maxFpr' applies to ROC AUC only, not to " + name + ", was " + Format.number(options.maxFpr());
        }
        if (!usesZeroDivision(metric) && options.zeroDivision() != ZeroDivision.ZERO) {
            return "'zeroDivision' applies to precision, recall, F1, F-beta and Jaccard only, not to " + name + ", was "
                    + options.zeroDivision();
        }
        if (metric.isClassification() && predictions.task() != Task.CLASSIFICATION) {
            return name + " applies to classifiers, but " + model
                    + " is a regressor; use a regression metric such as RMSE, MAE or R2";
        }
        if (!metric.isClassification()) {
            if (predictions.task() != Task.REGRESSION) {
                return name + " applies to regressors, but " + model
                        + " is a classifier; use a classification metric such as ACCURACY, F1 or ROC_AUC";
            }
            if (options.average() != Averaging.AUTO) {
                return "'average' does not apply to " + name + ", was " + options.average();
            }
            if (options.positiveLabel() != null) {
                return "'positiveLabel' does not apply to " + name + ", was \"" + options.positiveLabel() + "\"";
            }
            return null;
        }
        List<String> classes = predictions.classes();
        int k = classes.size();
        if (metric.requirement() == Requirement.PROBABILITIES) {
            if (!predictions.hasProbabilities()) {
                return name + " needs class probabilities, but " + model + " gives none";
            }
            if (k < 2) {
                return name + " needs at least two classes, but the predictions have one " + classes;
            }
        }
        if (metric == Metric.TOP_K_ACCURACY && options.k() >= k) {
            return "'k' must be below the number of classes, " + k + " " + classes + ": with k = " + options.k()
                    + " every row's true class is among the top " + options.k()
                    + " and top-k accuracy is 1 whatever the model, was " + options.k();
        }
        String label = options.positiveLabel();
        if (label != null && !classes.contains(label)) {
            return "'positiveLabel' is \"" + label + "\", which is not one of the classes " + classes;
        }
        if (!metric.usesPositiveLabel()) {
            if (options.average() != Averaging.AUTO) {
                return "'average' does not apply to " + name + " (it has no per-class form), was " + options.average();
            }
            if (label != null) {
                return "'positiveLabel' does not apply to " + name + ", was \"" + label + "\"";
            }
            return null;
        }
        Averaging average = options.average();
        if (metric == Metric.ROC_AUC && k > 2) {
            String roc = rocProblem(classes, options);
            if (roc != null) {
                return roc;
            }
        }
        if (!metric.isAveraged() && average != Averaging.AUTO && average != Averaging.BINARY) {
            return "'average' for " + name + " must be AUTO or BINARY, was " + average;
        }
        if (label != null && average != Averaging.AUTO && average != Averaging.BINARY) {
            return "'positiveLabel' applies only with 'average' BINARY, but 'average' is " + average;
        }
        if (average == Averaging.BINARY && label == null && k != 2) {
            return "'average' BINARY on the " + k + " classes " + classes
                    + " needs a 'positiveLabel': the class scored against the rest";
        }
        if (metric == Metric.BRIER && label == null && k != 2) {
            return name + " scores one class's probability; on the " + k + " classes " + classes
                    + " give a 'positiveLabel' to score that class against the rest";
        }
        return null;
    }

    /** Resolves the options, or throws {@link IllegalArgumentException} with {@link #problem}'s message. */
    static Resolved of(Predictions predictions, Metric metric, MetricOptions options) {
        String problem = problem(predictions, metric, options);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (options.average() == Averaging.NONE) {
            throw new IllegalArgumentException("'average' NONE gives one value per class, not one number: use"
                    + " Metrics.perClass for the values, or a check, which judges every class");
        }
        int k = predictions.classes().size();
        if (!metric.isClassification() || !metric.usesPositiveLabel()) {
            return new Resolved(null, -1, false, options);
        }
        String label = options.positiveLabel();
        int positive = label != null ? predictions.classes().indexOf(label) : k == 2 ? 1 : -1;
        Averaging average = options.average();
        if (average == Averaging.AUTO) {
            average = positive >= 0 ? Averaging.BINARY : Averaging.MACRO;
        }
        boolean ranking = metric == Metric.ROC_AUC || metric == Metric.AVERAGE_PRECISION;
        if (ranking && k == 2) {
            // roc_auc_score and average_precision_score ignore 'average' when y_true is binary.
            average = Averaging.BINARY;
            positive = positive >= 0 ? positive : 1;
        }
        boolean topLabel = metric == Metric.EXPECTED_CALIBRATION_ERROR && average != Averaging.BINARY;
        if (average != Averaging.BINARY) {
            positive = -1;
        }
        if (!metric.isAveraged()) {
            average = topLabel ? null : Averaging.BINARY;
        }
        return new Resolved(average, positive, topLabel, options);
    }

    /** Whether the metric ranks the rows of each query ({@link Kernel.Kind#QUERIES}): NDCG and MAP. */
    static boolean ranksQueries(Metric metric) {
        return metric.kind() == Kernel.Kind.QUERIES;
    }

    /** A ranking metric needs a regressor's scores and a query column with a query of at least two rows. */
    private static String queryProblem(Predictions predictions, String name) {
        if (predictions.task() != Task.REGRESSION) {
            return name + " ranks rows by a predicted score, so it needs a regressor's values (or a predictions column"
                    + " of scores) and the graded relevance as the label, but " + predictions.modelName()
                    + " is a classifier (a predictions column of whole numbers reads as classes unless task is"
                    + " REGRESSION)";
        }
        if (predictions.queryColumn().isEmpty()) {
            return name + " ranks the rows of each query, but no query column was given for " + predictions.dataName()
                    + "; give 'query', the column that names each row's query";
        }
        int queries = predictions.queryNames().size();
        if (queries == predictions.size()) {
            return "'query' must name a column in which some query has at least two rows, but each of the " + queries
                    + " queries of " + predictions.dataName() + " has one row, and " + name
                    + " of one row is the same whatever the model, was '"
                    + predictions.queryColumn().get() + "'";
        }
        return null;
    }

    /**
     * What scikit-learn's {@code roc_auc_score} refuses on more than two classes: {@code max_fpr} unless one positive
     * class is scored against the rest ({@code y_true == positive}, a binary target there), and one-vs-one with a
     * positive class or micro averaging.
     */
    private static String rocProblem(List<String> classes, MetricOptions options) {
        boolean oneClass = options.average() == Averaging.BINARY || options.positiveLabel() != null;
        if (options.maxFpr() != MetricOptions.DEFAULT_MAX_FPR && !oneClass) {
            return "'maxFpr' (partial ROC AUC) applies to one positive class, but the predictions have the "
                    + classes.size() + " classes " + classes
                    + " (scikit-learn's roc_auc_score refuses max_fpr on more than two classes); leave it at 1 or"
                    + " give 'average' BINARY and a 'positiveLabel', was " + Format.number(options.maxFpr());
        }
        if (options.multiClass() == MultiClass.OVO && oneClass) {
            return "'multiClass' OVO averages over pairs of classes, but "
                    + (options.positiveLabel() != null
                            ? "'positiveLabel' \"" + options.positiveLabel() + "\" asks"
                            : "'average' BINARY asks")
                    + " for one class against the rest; use OVR for that";
        }
        if (options.multiClass() == MultiClass.OVO && options.average() == Averaging.NONE) {
            return "'average' NONE does not apply with 'multiClass' OVO: one value per class is one-vs-rest, as"
                    + " scikit-learn's roc_auc_score takes average=None with multi_class='ovr' only";
        }
        if (options.multiClass() == MultiClass.OVO && options.average() == Averaging.MICRO) {
            return "'average' MICRO does not apply with 'multiClass' OVO: one-vs-one ROC AUC averages its pairs of"
                    + " classes MACRO or WEIGHTED, as scikit-learn's roc_auc_score(multi_class='ovo')";
        }
        return null;
    }

    /** Whether {@link MetricOptions#alpha()} matters to the metric. */
    static boolean usesAlpha(Metric metric) {
        return metric == Metric.MEAN_PINBALL_LOSS || metric == Metric.D2_PINBALL;
    }

    /** Whether {@link MetricOptions#power()} matters to the metric. */
    static boolean usesPower(Metric metric) {
        return metric == Metric.MEAN_TWEEDIE_DEVIANCE || metric == Metric.D2_TWEEDIE;
    }

    /** Whether {@link MetricOptions#zeroDivision()} matters to the metric: the set-wise label metrics. */
    static boolean usesZeroDivision(Metric metric) {
        return metric.kind() == Kernel.Kind.LABELS && metric.isAveraged();
    }

    /** Whether {@link MetricOptions#forceFinite()} matters to the metric. */
    static boolean usesForceFinite(Metric metric) {
        return metric == Metric.R2 || metric == Metric.EXPLAINED_VARIANCE;
    }
}
