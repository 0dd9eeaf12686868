package dev.modeltest.report;

import dev.modeltest.check.Attachment;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.model.Predictions;
import dev.modeltest.model.Task;
import dev.modeltest.subject.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apiguardian.api.API;

/**
 * The pictures and tables a report adds to a check's result beyond what the check attached itself, derived from the
 * shared subject: for a performance check on a classifier, the confusion matrix as a heat map and the per-class
 * precision, recall and F1 as a CSV table.
 *
 * <p>Nothing is computed that the checks did not already need: the predictions are read only when a check has
 * already computed them. An attachment the check made itself under the same name wins.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ReportAttachments {

    /** The name of the confusion-matrix picture. */
    public static final String CONFUSION_MATRIX = "confusion matrix";

    /** The name of the per-class table. */
    public static final String PER_CLASS = "per-class precision, recall, F1";

    private ReportAttachments() {}

    /** Returns the attachments to add to the result, in the order a reader should see them; often none. */
    public static List<Attachment> extra(CheckResult result, Subject subject) {
        List<Attachment> extra = new ArrayList<>();
        if (result.family() != Family.PERFORMANCE || !subject.stepNanos().containsKey(Provenance.PREDICT)) {
            return extra;
        }
        Predictions predictions = subject.predictions();
        if (predictions.task() != Task.CLASSIFICATION) {
            return extra;
        }
        ClassificationTable table = ClassificationTable.of(predictions);
        if (!has(result, CONFUSION_MATRIX)) {
            extra.add(Attachment.png(CONFUSION_MATRIX, () -> Charts.confusionMatrix(table.classes(), table.counts())));
        }
        if (!has(result, PER_CLASS)) {
            extra.add(Attachment.csv(PER_CLASS, () -> table.perClass().toString()));
        }
        return extra;
    }

    private static boolean has(CheckResult result, String name) {
        String wanted = name.toLowerCase(Locale.ROOT);
        return result.attachments().stream()
                .anyMatch(a -> a.name().toLowerCase(Locale.ROOT).equals(wanted));
    }
}
