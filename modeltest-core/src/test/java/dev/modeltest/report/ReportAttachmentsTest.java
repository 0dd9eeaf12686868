package dev.modeltest.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.check.Attachment;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.check.Verdict;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Subject;
import dev.modeltest.subject.SubjectSpec;
import dev.modeltest.subject.TaskHint;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Reports add a confusion matrix and a per-class table to performance checks on classifiers, and nothing else. */
class ReportAttachmentsTest {

    private static final String LABELS = "src/test/resources/golden/report/classification-labels.csv";

    @Test
    void addsConfusionMatrixAndPerClassTableToAPerformanceCheckOnAClassifier() {
        Subject subject = scored(TaskHint.AUTO);
        subject.predictions();

        List<Attachment> extra = ReportAttachments.extra(result(Family.PERFORMANCE), subject);

        assertThat(extra)
                .extracting(Attachment::name)
                .containsExactly("confusion matrix", "per-class precision, recall, F1");
        assertThat(extra.get(0).mediaType()).isEqualTo("image/png");
        assertThat(extra.get(0).content().get()).startsWith(0x89, 'P', 'N', 'G');
        assertThat(extra.get(1).mediaType()).isEqualTo("text/csv");
        assertThat(new String(extra.get(1).content().get(), StandardCharsets.UTF_8))
                .startsWith("class,support,predicted,correct,precision,recall,f1\n")
                .contains("ant,67,92,52,0.5652,0.7761,0.6541\n");
    }

    @Test
    void addsNothingBeforeThePredictionsWereComputed() {
        Subject subject = scored(TaskHint.AUTO);

        assertThat(ReportAttachments.extra(result(Family.PERFORMANCE), subject)).isEmpty();
        assertThat(subject.stepNanos()).doesNotContainKey("predict");
    }

    @Test
    void addsNothingToChecksOfOtherFamilies() {
        Subject subject = scored(TaskHint.AUTO);
        subject.predictions();

        assertThat(ReportAttachments.extra(result(Family.OUTPUT), subject)).isEmpty();
        assertThat(ReportAttachments.extra(result(Family.DATA), subject)).isEmpty();
    }

    @Test
    void keepsAConfusionMatrixTheCheckAttachedItself() {
        Subject subject = scored(TaskHint.AUTO);
        subject.predictions();
        CheckResult own = CheckResult.builder("c", Family.PERFORMANCE)
                .verdict(Verdict.PASS)
                .attach(Attachment.png("Confusion matrix", () -> new byte[0]))
                .build();

        assertThat(ReportAttachments.extra(own, subject))
                .extracting(Attachment::name)
                .containsExactly("per-class precision, recall, F1");
    }

    @Test
    void addsNothingForARegressor() {
        Subject subject = Subject.of(new SubjectSpec(
                "test",
                "src/test/resources/report/regression.csv",
                "y",
                new ModelSource.Columns("predicted", List.of()),
                List.of(),
                TaskHint.REGRESSION));
        subject.predictions();

        assertThat(ReportAttachments.extra(result(Family.PERFORMANCE), subject)).isEmpty();
    }

    private static Subject scored(TaskHint task) {
        return Subject.of(new SubjectSpec(
                "test", LABELS, "actual", new ModelSource.Columns("predicted", List.of()), List.of(), task));
    }

    private static CheckResult result(Family family) {
        return CheckResult.builder("c", family).verdict(Verdict.PASS).build();
    }
}
