package dev.modeltest.gate;

import dev.modeltest.check.Format;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.Binning;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricOptions;
import dev.modeltest.metrics.MultiClass;
import dev.modeltest.model.Predictions;
import java.util.List;
import java.util.Locale;

/** Names and validations shared by the checks' messages. */
final class MetricCheckText {

    private MetricCheckText() {}

    /**
     * Names a metric with how it is computed, as a reader needs it: {@code F1 (macro)}, {@code ROC AUC (positive
     * class 'b')}, {@code expected calibration error (10 equal-width bins)}. Averaging {@code AUTO} is shown as what
     * it resolves to (binary on two classes or with a positive label, macro otherwise), as the metrics resolve it; ROC AUC
     * and average precision on two classes are always of the positive class, whatever the averaging.
     */
    static String label(Metric metric, MetricOptions options, Predictions predictions) {
        // F-beta is named by its beta, as F1 is: F0.5, F2.
        // Top-k accuracy by its k: top-3 accuracy.
        String name = metric == Metric.F_BETA
                ? "F" + Format.number(options.beta())
                : metric == Metric.TOP_K_ACCURACY ? "top-" + options.k() + " accuracy" : metric.displayName();
        if (!metric.isClassification()) {
            // The ranking metrics by their cut-off: NDCG@10, MAP@5.
            if (metric == Metric.NDCG || metric == Metric.MAP) {
                return name + "@" + options.k();
            }
            // The regression metrics with a parameter are named with it: mean pinball loss (alpha 0.9).
            if (metric == Metric.MEAN_PINBALL_LOSS || metric == Metric.D2_PINBALL) {
                return name + " (alpha " + Format.number(options.alpha()) + ")";
            }
            if (metric == Metric.MEAN_TWEEDIE_DEVIANCE || metric == Metric.D2_TWEEDIE) {
                return name + " (power " + Format.number(options.power()) + ")";
            }
            return options.forceFinite() ? name : name + " (not forced finite)";
        }
        List<String> classes = predictions.classes();
        String positive =
                options.positiveLabel() != null ? options.positiveLabel() : classes.size() == 2 ? classes.get(1) : null;
        Averaging average = options.average();
        if (metric.isAveraged()) {
            boolean ranking = metric == Metric.ROC_AUC || metric == Metric.AVERAGE_PRECISION;
            // A 0/0 other than scikit-learn's default 0 is named with the averaging: F1 (macro, 0/0 as NaN).
            String zero = switch (options.zeroDivision()) {
                case ZERO -> "";
                case ONE -> ", 0/0 as 1";
                case NAN -> ", 0/0 as NaN";
            };
            if (average == Averaging.NONE) {
                return name + " (" + (ranking ? "one-vs-rest, " : "") + "per class" + zero + ")";
            }
            if (average == Averaging.AUTO || (ranking && classes.size() == 2)) {
                // On two classes the ranking metrics ignore the averaging, as scikit-learn's do on binary y_true.
                average = positive != null ? Averaging.BINARY : Averaging.MACRO;
            }
            if (average == Averaging.BINARY) {
                // Partial ROC AUC is named with its limit: partial ROC AUC (FPR ≤ 0.1, McClish, positive class 'b').
                return options.maxFpr() != MetricOptions.DEFAULT_MAX_FPR
                        ? "partial " + name + " (FPR ≤ " + Format.number(options.maxFpr())
                                + ", McClish, positive class '" + positive + "')"
                        : name + " (positive class '" + positive + "'" + zero + ")";
            }
            String scheme = options.multiClass() == MultiClass.OVO ? "one-vs-one, " : "one-vs-rest, ";
            return name + " (" + (ranking ? scheme : "") + average.name().toLowerCase(Locale.ROOT) + zero + ")";
        }
        if (metric == Metric.BRIER) {
            return name + " (positive class '" + positive + "')";
        }
        if (metric == Metric.EXPECTED_CALIBRATION_ERROR) {
            String bins = options.bins() + (options.binning() == Binning.EQUAL_WIDTH ? " equal-width" : " equal-mass")
                    + " bins";
            boolean ofClass = average == Averaging.BINARY || options.positiveLabel() != null || classes.size() == 2;
            return name + " (" + bins + (ofClass ? ", positive class '" + positive + "'" : ", top label") + ")";
        }
        return name;
    }

    static void requireThreshold(String where, String attribute, Metric metric, double value) {
        boolean finiteLow = Double.isFinite(metric.lowest());
        boolean finiteHigh = Double.isFinite(metric.highest());
        boolean ok = Double.isFinite(value) && value >= metric.lowest() && value <= metric.highest();
        if (ok) {
            return;
        }
        String rule;
        if (finiteLow && finiteHigh) {
            rule = "must be in [" + Format.number(metric.lowest()) + ", " + Format.number(metric.highest()) + "] for "
                    + metric.displayName();
        } else if (finiteLow) {
            rule = "must be a finite number of at least " + Format.number(metric.lowest()) + " for "
                    + metric.displayName();
        } else {
            rule = "must be a finite number of at most " + Format.number(metric.highest()) + " for "
                    + metric.displayName();
        }
        throw ConfigurationException.badAttribute(where, attribute, rule, Format.number(value));
    }

    /** Pads {@code text} with spaces to {@code width} characters. */
    static String pad(String text, int width) {
        return text.length() >= width ? text : text + " ".repeat(width - text.length());
    }
}
