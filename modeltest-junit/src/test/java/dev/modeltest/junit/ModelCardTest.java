package dev.modeltest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.testkit.engine.EngineTestKit;

/** Every @ModelTest class that ran a check writes a Markdown model card with what the run measured, and no more. */
class ModelCardTest {

    private static final List<String> SECTIONS = List.of(
            "Model details",
            "Intended use",
            "Factors",
            "Metrics",
            "Evaluation data",
            "Training data",
            "Quantitative analyses",
            "Ethical considerations",
            "Caveats and recommendations");

    @TempDir
    Path output;

    @ModelTest(predictions = "pred", scores = "p_yes", data = FairnessAnnotationsTest.GROUPS, label = "label")
    static class CardTestCase {
        @AccuracyAtLeast(0.5)
        void accurate() {}

        @AccuracyAtLeast(value = 0.5, slicedBy = "sex")
        void accuratePerSex() {}

        @DemographicParity(attribute = "sex", maxDifference = 0.2)
        void sameSelectionRates() {}

        @DisparateImpactAtLeast(attribute = "sex", privileged = "M", value = 0.7)
        void fourFifths() {}

        @NoMissingValues
        void complete() {}
    }

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class SmallDataTestCase {
        @AccuracyAtLeast(0.85)
        void accurate() {}

        @AccuracyAtLeast(value = 0.85, confidence = 0.95)
        void accurateAtConfidence() {}

        @AccuracyAtLeast(0.95)
        void notAccurateEnough() {}
    }

    @ModelTest(provider = TestModels.Threshold.class, data = "src/test/resources/fixtures/absent.csv", label = "label")
    static class NoDataTestCase {
        @AccuracyAtLeast(0.5)
        void accurate() {}
    }

    @Test
    void writesOneCardPerClassWithMitchellEtAlsSectionsInOrder() throws IOException {
        String card = card(CardTestCase.class, Map.of());

        assertThat(card)
                .startsWith("# Model card: CardTestCase\n\nWritten by modeltest from the test run of `"
                        + CardTestCase.class.getName() + "`, which finished at ");
        assertThat(card)
                .containsSubsequence(
                        SECTIONS.stream().map(s -> "\n## " + s + "\n").toList());
        assertThat(ModelCard.file(output, CardTestCase.class).getFileName().toString())
                .isEqualTo(CardTestCase.class.getName() + ".md");
    }

    @Test
    void fillsTheModelTheDataAndEveryMetricWithItsIntervalAndVerdict() throws IOException {
        String card = card(CardTestCase.class, Map.of());

        assertThat(section(card, "Model details"))
                .contains("| model | predictions column 'pred' |\n")
                .contains("| tested by | `" + CardTestCase.class.getName() + "` |\n");
        assertThat(section(card, "Evaluation data"))
                .contains("| data | fair-groups.csv |\n")
                .contains("| location | " + FairnessAnnotationsTest.GROUPS + " |\n")
                .containsPattern("\\| data SHA-256 \\| `[0-9a-f]{64}` \\|\n")
                .contains("| rows | 212 |\n");
        assertThat(section(card, "Metrics"))
                .isEqualTo("| check | test | value | interval | threshold | n | verdict |\n"
                        + "|---|---|--:|---|---|--:|---|\n"
                        + "| accuracy ≥ 0.5000 on fair-groups.csv | `accurate()` | 0.8066 |"
                        + " 95% CI 0.7482–0.8541 (Wilson) | ≥ 0.5000 | 212 | PASS |\n\n");
        assertThat(section(card, "Other checks of the test run"))
                .contains("| no missing values in fair-groups.csv | `complete()` | 0 |  | 0 missing | 212 | PASS |\n");
    }

    @Test
    void putsSlicesAndFairnessResultsUnderQuantitativeAnalysesAndTheirColumnsUnderFactors() throws IOException {
        String card = card(CardTestCase.class, Map.of());

        assertThat(section(card, "Factors"))
                .startsWith("Evaluation factors: the columns whose groups or slices the checks compared, `sex` ");
        assertThat(section(card, "Quantitative analyses"))
                .contains("| accuracy ≥ 0.5000 on fair-groups.csv per sex | `accuratePerSex()` | 0.8000 |")
                .contains("### accuracy ≥ 0.5000 on fair-groups.csv per sex (`accuratePerSex()`)\n\n"
                        + "| slice | rows | value | interval | verdict |\n|---|--:|--:|---|---|\n"
                        + "| F | 100 | 0.8500 | 0.7672–0.9069 | PASS |\n")
                .contains("| X | 12 |  |  | too small (< 30 rows) |\n")
                .contains("| group | rows | selection rate | true positive rate | false positive rate | verdict |\n")
                .contains("| F | 100 | 0.4500 | 0.8000 | 0.1000 | lowest |\n");
        assertThat(section(card, "Caveats and recommendations"))
                .contains("- demographic parity across sex: selection-rate difference (max − min) ≤ 0.2000 on"
                        + " fair-groups.csv (`sameSelectionRates()`): too small to judge: group X.\n")
                .contains("- accuracy ≥ 0.5000 on fair-groups.csv per sex (`accuratePerSex()`): too small to judge:"
                        + " slice X (12 rows).\n");
    }

    @Test
    void aGroupTableCarriesTheFiguresTheFairnessCheckAddsToItsGroups() throws IOException {
        String card = card(CardTestCase.class, Map.of());

        assertThat(section(card, "Quantitative analyses"))
                .contains("| group | rows | selection rate | true positive rate | false positive rate | impact ratio |"
                        + " p value | verdict |\n|---|--:|--:|--:|--:|--:|--:|---|\n"
                        + "| F | 100 | 0.4500 | 0.8000 | 0.1000 | 0.7500 | 0.0337 | ok |\n"
                        + "| M | 100 | 0.6000 | 0.9000 | 0.3000 |  |  | privileged |\n");
    }

    @ModelTest(predictions = "pred", weights = "w", data = WeightedFairnessAnnotationsTest.DATA, label = "label")
    static class WeightedCardTestCase {
        @DemographicParity(attribute = "sex", maxDifference = 0.15)
        void sameSelectionRates() {}
    }

    @Test
    void aWeightedGroupTableSaysSoAndCarriesTheWeights() throws IOException {
        String card = card(WeightedCardTestCase.class, Map.of());

        assertThat(section(card, "Quantitative analyses"))
                .contains("Rates weighted by the sample weights of column `w`; rows are the rows of weight above 0.\n\n"
                        + "| group | rows | selection rate | true positive rate | false positive rate | weight |"
                        + " weighted tp | weighted fp | weighted fn | weighted tn | verdict |\n")
                .contains(
                        "| F | 40 | 0.4000 | 0.5714 | 0.0000 | 50.0000 | 20.0000 | 0.0000 | 15.0000 | 15.0000 | lowest |\n");
    }

    @Test
    void sectionsTheRunCannotFillSaySoAndNothingElse() throws IOException {
        String card = card(SmallDataTestCase.class, Map.of());

        for (String section : List.of("Intended use", "Factors", "Training data", "Ethical considerations")) {
            assertThat(section(card, section)).as(section).isEqualTo(ModelCard.NOT_RECORDED + "\n\n");
        }
        assertThat(section(card, "Quantitative analyses"))
                .isEqualTo("No fairness check and no sliced metric check ran.\n\n");
        assertThat(card).doesNotContain("## Other checks of the test run");
    }

    @Test
    void failedAndInconclusiveChecksAndApproximateIntervalsAreCaveats() throws IOException {
        String card = card(SmallDataTestCase.class, Map.of());

        // The lines come in the order the checks ended, which JUnit does not fix for methods without @Order.
        assertThat(section(card, "Caveats and recommendations").split("\n"))
                .containsExactlyInAnyOrder(
                        "- accuracy ≥ 0.8500 on tiny.csv at 95% confidence (`accurateAtConfidence()`) is"
                                + " INCONCLUSIVE: the data cannot decide it; about 371 rows would.",
                        "- accuracy ≥ 0.8500 on tiny.csv at 95% confidence (`accurateAtConfidence()`): the interval"
                                + " is approximate here, fewer than 100 trials (10).",
                        "- accuracy ≥ 0.9500 on tiny.csv (`notAccurateEnough()`) FAILED.",
                        "",
                        "Other caveats and recommendations: not recorded by the test run.");
    }

    @Test
    void aCheckThatCouldNotRunIsACaveatAndUnreadDataIsSaidSo() throws IOException {
        String card = card(NoDataTestCase.class, Map.of());

        assertThat(section(card, "Evaluation data"))
                .startsWith("| | |\n|---|---|\n| data | src/test/resources/fixtures/absent.csv (not read) |\n\n");
        assertThat(section(card, "Metrics")).isEqualTo("No metric check ran.\n\n");
        assertThat(section(card, "Caveats and recommendations"))
                .startsWith("- @AccuracyAtLeast on `accurate()` could not run: DATA: ")
                .contains("absent.csv");
    }

    @Test
    void writesNoCardWhenTurnedOff() {
        run(SmallDataTestCase.class, Map.of(Reporting.CARD_PARAMETER, "false"));

        assertThat(ModelCard.file(output, SmallDataTestCase.class)).doesNotExist();
        assertThat(output.resolve("runs").resolve(SmallDataTestCase.class.getName() + ".json"))
                .exists();
    }

    private String card(Class<?> fixture, Map<String, String> configuration) throws IOException {
        run(fixture, configuration);
        return Files.readString(ModelCard.file(output, fixture));
    }

    private void run(Class<?> fixture, Map<String, String> configuration) {
        EngineTestKit.engine("junit-jupiter")
                .configurationParameter(Reporting.OUTPUT_DIR_PARAMETER, output.toString())
                .configurationParameters(configuration)
                .selectors(DiscoverySelectors.selectClass(fixture))
                .execute();
    }

    /** Returns a section's text, from after its heading to the next section's heading. */
    private static String section(String card, String title) {
        String heading = "\n## " + title + "\n\n";
        int start = card.indexOf(heading);
        assertThat(start).as("section %s", title).isNotNegative();
        int end = card.indexOf("\n## ", start + heading.length());
        return card.substring(start + heading.length(), end < 0 ? card.length() : end + 1);
    }
}
