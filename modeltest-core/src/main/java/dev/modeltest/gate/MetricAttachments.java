package dev.modeltest.gate;

import dev.modeltest.check.Attachment;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Format;
import dev.modeltest.metrics.ConfusionMatrix;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricOptions;
import dev.modeltest.metrics.Metrics;
import dev.modeltest.metrics.PrecisionRecallCurve;
import dev.modeltest.metrics.RocCurve;
import dev.modeltest.model.Predictions;
import dev.modeltest.model.Task;
import dev.modeltest.report.Charts;
import dev.modeltest.report.CsvTable;
import java.util.ArrayList;
import java.util.List;

/**
 * The tables and charts a metric check offers reports on a classifier: the confusion matrix as CSV and, with
 * probabilities, the ROC and precision-recall curves as CSV and PNG (one-vs-rest per class on more than two classes).
 * Everything is computed only when a report asks for it.
 */
final class MetricAttachments {

    /** The name of the confusion matrix table; differs from the report's own heat map of the same counts. */
    static final String CONFUSION_CSV = "confusion matrix counts";

    static final String ROC_CSV = "ROC curve data";
    static final String PR_CSV = "precision-recall curve data";
    static final String ROC_PNG = "ROC curve";
    static final String PR_PNG = "precision-recall curve";
    static final String RELIABILITY = "reliability diagram";

    private MetricAttachments() {}

    static void classifier(Predictions weighted, Metric metric, MetricOptions options, CheckResult.Builder result) {
        if (weighted.task() != Task.CLASSIFICATION) {
            return;
        }
        // The confusion matrix and the reliability diagram count rows, also when the metric weighs them: their names
        // say so. The ROC and precision-recall curves weigh the rows as the metric does.
        Predictions predictions = weighted.withoutWeights();
        String rows = weighted.weightColumn().isPresent() ? " (rows unweighted)" : "";
        result.attach(Attachment.csv(CONFUSION_CSV + rows, () -> confusionCsv(Metrics.confusionMatrix(predictions))));
        if (!predictions.hasProbabilities() || predictions.classes().size() < 2) {
            return;
        }
        if (metric == Metric.EXPECTED_CALIBRATION_ERROR || metric == Metric.BRIER) {
            // A calibration check is about the probabilities' reliability, which its curves would not show.
            result.attach(Attachment.png(
                    RELIABILITY + rows, () -> Charts.reliability(Metrics.reliabilityCurve(predictions, options))));
            return;
        }
        List<String> positives = positives(predictions, options);
        // The curves depend only on the predictions and the positive class: named alike, reports show them once.
        String of = positives.equals(positives(predictions, MetricOptions.defaults()))
                ? ""
                : " of '" + positives.get(0) + "'";
        result.attach(Attachment.csv(ROC_CSV + of, () -> rocCsv(weighted, positives)));
        result.attach(Attachment.csv(PR_CSV + of, () -> prCsv(weighted, positives)));
        result.attach(Attachment.png(ROC_PNG + of, () -> rocPng(weighted, positives)));
        result.attach(Attachment.png(PR_PNG + of, () -> prPng(weighted, positives)));
    }

    /** The positive class on two classes (or the one named); every class one-vs-rest otherwise. */
    static List<String> positives(Predictions predictions, MetricOptions options) {
        List<String> classes = predictions.classes();
        if (options.positiveLabel() != null && classes.contains(options.positiveLabel())) {
            return List.of(options.positiveLabel());
        }
        return classes.size() == 2 ? List.of(classes.get(1)) : classes;
    }

    static String confusionCsv(ConfusionMatrix cm) {
        List<String> header = new ArrayList<>();
        header.add("actual \\ predicted");
        header.addAll(cm.classes());
        CsvTable table = CsvTable.of(header);
        for (int a = 0; a < cm.classes().size(); a++) {
            Object[] cells = new Object[cm.classes().size() + 1];
            cells[0] = cm.classes().get(a);
            for (int p = 0; p < cm.classes().size(); p++) {
                cells[p + 1] = cm.count(a, p);
            }
            table.row(cells);
        }
        return table.toString();
    }

    private static RocCurve roc(Predictions predictions, String positive) {
        return Metrics.rocCurve(predictions, MetricOptions.defaults().withPositiveLabel(positive));
    }

    private static PrecisionRecallCurve pr(Predictions predictions, String positive) {
        return Metrics.precisionRecallCurve(
                predictions, MetricOptions.defaults().withPositiveLabel(positive));
    }

    static String rocCsv(Predictions predictions, List<String> positives) {
        CsvTable table = CsvTable.of("positive class", "threshold", "false positive rate", "true positive rate");
        for (String positive : positives) {
            RocCurve c = roc(predictions, positive);
            for (int i = 0; i < c.size(); i++) {
                table.row(positive, c.thresholds()[i], c.falsePositiveRates()[i], c.truePositiveRates()[i]);
            }
        }
        return table.toString();
    }

    static String prCsv(Predictions predictions, List<String> positives) {
        CsvTable table = CsvTable.of("positive class", "threshold", "recall", "precision");
        for (String positive : positives) {
            PrecisionRecallCurve c = pr(predictions, positive);
            double[] thresholds = c.thresholds();
            for (int i = 0; i < c.size(); i++) {
                // precision_recall_curve has one threshold fewer than points: the last point (recall 0) has none.
                table.row(positive, i < thresholds.length ? thresholds[i] : "", c.recalls()[i], c.precisions()[i]);
            }
        }
        return table.toString();
    }

    private static byte[] rocPng(Predictions predictions, List<String> positives) {
        if (positives.size() == 1) {
            RocCurve c = roc(predictions, positives.get(0));
            return Charts.roc(c.falsePositiveRates(), c.truePositiveRates(), c.auc());
        }
        List<Charts.Line> lines = new ArrayList<>();
        for (String positive : positives) {
            RocCurve c = roc(predictions, positive);
            lines.add(Charts.Line.of(
                    positive + " vs rest (AUC " + Format.value(c.auc(), 3) + ")",
                    c.falsePositiveRates(),
                    c.truePositiveRates()));
        }
        lines.add(Charts.Line.dashed("chance", new double[] {0, 1}, new double[] {0, 1}));
        return Charts.curves("ROC curves (one-vs-rest)", "false positive rate", "true positive rate", lines);
    }

    private static byte[] prPng(Predictions predictions, List<String> positives) {
        if (positives.size() == 1) {
            PrecisionRecallCurve c = pr(predictions, positives.get(0));
            int positive = predictions.classes().indexOf(positives.get(0));
            long count = 0;
            for (int i = 0; i < predictions.size(); i++) {
                if (predictions.actualClass(i) == positive) {
                    count++;
                }
            }
            return Charts.precisionRecall(
                    c.recalls(), c.precisions(), c.averagePrecision(), (double) count / predictions.size());
        }
        List<Charts.Line> lines = new ArrayList<>();
        for (String positive : positives) {
            PrecisionRecallCurve c = pr(predictions, positive);
            lines.add(Charts.Line.of(
                    positive + " vs rest (AP " + Format.value(c.averagePrecision(), 3) + ")",
                    c.recalls(),
                    c.precisions()));
        }
        // The classes' shares of the rows sum to 1: a model without skill has precision 1/k on average.
        double noSkill = 1.0 / positives.size();
        lines.add(Charts.Line.dashed(
                "no skill (" + Format.value(noSkill, 3) + ")", new double[] {0, 1}, new double[] {noSkill, noSkill}));
        return Charts.curves("precision-recall curves (one-vs-rest)", "recall", "precision", lines);
    }
}
