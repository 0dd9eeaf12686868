package dev.modeltest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.error.DataException;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Subject;
import dev.modeltest.subject.SubjectSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Every @ModelTest class that ran a check writes its model page when it finishes, unless told not to. */
class ModelPagesTest {

    private static final Path OUTPUT = Path.of("target/modeltest-fixtures");

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class PageTestCase {
        @AccuracyAtLeast(0.85)
        void accurate() {}

        @AccuracyAtLeast(0.95)
        void notAccurateEnough() {}

        @Nested
        class Inner {
            @AucAtLeast(0.9)
            void ranksWell() {}
        }
    }

    @ModelTest(provider = TestModels.Threshold.class, data = "src/test/resources/fixtures/absent.csv", label = "label")
    static class NoDataTestCase {
        @AccuracyAtLeast(0.5)
        void accurate() {}
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class ErroredGateTestCase {
        @AccuracyAtLeast(0.85)
        void accurate() {}

        @NoDrift(reference = "src/test/resources/fixtures/absent-reference.csv")
        void stable() {}
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class NoPageTestCase {
        @AccuracyAtLeast(0.5)
        void accurate() {}
    }

    @Test
    void writesOnePageWithEveryCheckOfTheClassPassedOrFailedAndItsNestedClasses() throws IOException {
        Path page = ModelPages.file(OUTPUT, PageTestCase.class);
        Files.deleteIfExists(page);

        TestKit.run(PageTestCase.class);

        String html = Files.readString(page);
        assertThat(html)
                .startsWith("<!DOCTYPE html>")
                .contains("<h1>PageTestCase</h1>")
                .contains("3 checks: ")
                .contains("<td class=\"test\"><a href=\"#gate-accurate-accuracy-at-least\">PageTestCase#accurate</a>")
                .contains("\">PageTestCase#notAccurateEnough</a>")
                .contains("<a href=\"#gate-Inner.ranksWell-metric-at-least-roc_auc\">PageTestCase.Inner#ranksWell</a>")
                .contains("<div class=\"gate pass\" id=\"gate-accurate-accuracy-at-least\">")
                .contains("Allure test <q class=\"allure-name\">accuracy ≥ 0.8500 on tiny.csv</q>")
                .contains("data-chart=\"roc\"")
                .contains("data-chart=\"confusion-matrix\"")
                .contains("<section id=\"profile\">")
                .contains("<th>test class</th><td>" + PageTestCase.class.getName() + "</td>");
        assertThat(page.getFileName().toString()).isEqualTo(PageTestCase.class.getName() + ".html");
        PageHtml.assertValid(html);
        assertThat(PageHtml.charts(html)).containsExactly("roc", "precision-recall", "confusion-matrix", "reliability");
    }

    @Test
    void showsAGateThatErroredWithItsErrorBesideTheOthersAndEveryChart() throws IOException {
        Path page = ModelPages.file(OUTPUT, ErroredGateTestCase.class);
        Files.deleteIfExists(page);

        TestKit.run(ErroredGateTestCase.class);

        String html = Files.readString(page);
        PageHtml.assertValid(html);
        assertThat(html)
                .contains("2 checks: 1 pass, 1 error")
                .contains("<tr class=\"error\"><td class=\"verdict\">ERROR</td><td>@NoDrift on stable()</td>"
                        + "<td colspan=\"5\" class=\"error\">")
                .contains("absent-reference.csv")
                .contains("<a href=\"#gate-stable-NoDrift\">ErroredGateTestCase#stable</a>")
                .contains("<div class=\"gate error\" id=\"gate-stable-NoDrift\">")
                // Allure names a test whose only check could not run after the method.
                .contains("Allure test <q class=\"allure-name\">stable()</q>")
                .contains("<section id=\"profile\">");
        assertThat(PageHtml.charts(html)).containsExactly("roc", "precision-recall", "confusion-matrix", "reliability");
    }

    @Test
    void writesAPageSayingWhatFailedWhenTheDataNeverLoaded() throws IOException {
        Path page = ModelPages.file(OUTPUT, NoDataTestCase.class);
        Files.deleteIfExists(page);

        TestKit.run(NoDataTestCase.class);

        String html = Files.readString(page);
        PageHtml.assertValid(html);
        assertThat(PageHtml.charts(html)).isEmpty();
        assertThat(html)
                .contains("<tr class=\"error\"><td class=\"verdict\">ERROR</td><td>@AccuracyAtLeast on accurate()</td>")
                .contains("<div class=\"gate error\" id=\"gate-accurate-AccuracyAtLeast\">")
                .contains("No charts: no check computed the model's predictions")
                .contains("<p class=\"problem\" id=\"data-problem\">The test data did not load: ")
                .contains("absent.csv")
                .contains("<th>data</th><td>src/test/resources/fixtures/absent.csv (not read)</td>")
                .doesNotContain("<section id=\"profile\">");
    }

    @Test
    void aPageThatCannotBeMadeWholeStillShowsEveryCheckAndSaysWhatFailed() throws NoSuchMethodException {
        ModelPages pages = new ModelPages();
        AccuracyAtLeast gate =
                NoDataTestCase.class.getDeclaredMethod("accurate").getAnnotation(AccuracyAtLeast.class);
        pages.addError(
                "accurate()",
                gate,
                new DataException("@ModelTest on NoDataTestCase: data file absent.csv: no such file"),
                "accurate()");
        try (Subject subject = Subject.of(new SubjectSpec(
                "@ModelTest on NoDataTestCase",
                "src/test/resources/fixtures/absent.csv",
                "label",
                new ModelSource.Instance(new TestModels.Threshold().load()),
                List.of(),
                null))) {

            String html = pages.html(NoDataTestCase.class, subject, Set.of(), p -> {
                throw new IllegalStateException("the profile could not be made");
            });

            PageHtml.assertValid(html);
            assertThat(PageHtml.charts(html)).isEmpty();
            assertThat(html)
                    .contains(
                            "<tr class=\"error\"><td class=\"verdict\">ERROR</td><td>@AccuracyAtLeast on accurate()</td>"
                                    + "<td colspan=\"5\" class=\"error\">DATA: @ModelTest on NoDataTestCase: data file absent.csv:"
                                    + " no such file</td>")
                    .contains("<p class=\"problem\" id=\"data-problem\">The test data did not load: @ModelTest on "
                            + "NoDataTestCase: data file absent.csv: no such file</p>")
                    .contains("<th>page</th><td>data, charts and profile left out: java.lang.IllegalStateException: the"
                            + " profile could not be made</td>")
                    .contains("<th>data</th><td>src/test/resources/fixtures/absent.csv (not read)</td>");
        }
    }

    @Test
    void writesNoPageWhenTurnedOff() throws IOException {
        Path page = ModelPages.file(OUTPUT, NoPageTestCase.class);
        Files.deleteIfExists(page);

        TestKit.run(NoPageTestCase.class, Map.of(Reporting.PAGE_PARAMETER, "false"));

        assertThat(page).doesNotExist();
        assertThat(OUTPUT.resolve("runs").resolve(NoPageTestCase.class.getName() + ".json"))
                .exists();
    }
}
