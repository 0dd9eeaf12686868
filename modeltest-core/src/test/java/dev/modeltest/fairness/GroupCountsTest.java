package dev.modeltest.fairness;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.Attachment;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.error.ConfigurationException;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Counts merged from elsewhere decide every fairness check as the rows in memory do, through the same code. */
class GroupCountsTest {

    private static final String WHERE = "@Fairness on LoanTest.fair()";
    private static final FairnessOptions SEX = FairnessOptions.of("sex");
    private static final FairnessOptions SEX_AGE = FairnessOptions.of("sex", "age_band");

    /** F selected at 0.2, M at 0.5, X too small: passes some checks, fails others. */
    private static Fixture bySex() {
        return Fixture.with("sex")
                .group("F", 15, 5, 35, 45)
                .group("M", 40, 10, 20, 30)
                .group("X", 3, 2, 4, 3);
    }

    private static Fixture bySexAndAge() {
        return Fixture.with("sex", "age_band")
                .group(List.of("F", "18-25"), 10, 4, 30, 6)
                .group(List.of("F", "26-40"), 20, 6, 14, 10)
                .group(List.of("M", "18-25"), 45, 5, 35, 15)
                .group(List.of("M", "26-40"), 25, 10, 5, 10);
    }

    static Stream<Arguments> checks() {
        return Stream.of(
                Arguments.of("parity by difference", bySex(), new DemographicParityCheck(WHERE, SEX, 0.1, Double.NaN)),
                Arguments.of(
                        "parity by ratio at 95%",
                        bySex(), new DemographicParityCheck(WHERE, SEX.withConfidence(0.95), Double.NaN, 0.8)),
                Arguments.of("equal opportunity", bySex(), new EqualOpportunityCheck(WHERE, SEX, 0.5)),
                Arguments.of("equalized odds", bySex(), new EqualizedOddsCheck(WHERE, SEX.withConfidence(0.9), 0.2)),
                Arguments.of(
                        "four-fifths",
                        bySex(),
                        new DisparateImpactCheck(WHERE, SEX, List.of("M"), DisparateImpactCheck.FOUR_FIFTHS)),
                Arguments.of(
                        "group recall", bySex(), new GroupMetricAtLeastCheck(WHERE, SEX, GroupMetric.RECALL, 0.25)),
                Arguments.of(
                        "group gap",
                        bySexAndAge(),
                        new GroupMetricGapAtMostCheck(WHERE, SEX_AGE, GroupMetric.ACCURACY, 0.1)),
                Arguments.of(
                        "intersectional parity",
                        bySexAndAge(),
                        new DemographicParityCheck(WHERE, SEX_AGE.withPositiveLabel("no"), 0.2, Double.NaN)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("checks")
    void mergedCountsGiveTheResultOfTheRows(String name, Fixture data, GroupCheck check) {
        CheckResult rows = data.run(check);

        CheckResult counts = check.evaluate(data.counts(), Fixture.DATA, "test model");

        assertThat(counts)
                .usingRecursiveComparison()
                .ignoringFields("attachments")
                .isEqualTo(rows);
        assertThat(counts.attachments())
                .extracting(Attachment::name)
                .containsExactly("per-group table", "per-group chart", "per-group results");
        assertThat(counts.attachments().get(0).content().get())
                .isEqualTo(rows.attachments().get(0).content().get());
    }

    @Test
    void theCasesPassAndFail() {
        assertThat(checks().map(a -> {
                    Object[] args = a.get();
                    return ((GroupCheck) args[2])
                            .evaluate(((Fixture) args[1]).counts(), Fixture.DATA, "test model")
                            .verdict();
                }))
                .contains(Verdict.PASS, Verdict.FAIL);
    }

    @Test
    void refusesAThresholdBecauseCountsHoldNoProbabilities() {
        DemographicParityCheck check = new DemographicParityCheck(WHERE, SEX.withThreshold(0.5), 0.1, Double.NaN);

        assertThat(check.notFromGroupCounts())
                .contains(WHERE + ": 'threshold' decides on each row's probability of the positive class, which counts"
                        + " of labels do not hold; remove 'threshold' to judge the predicted labels");
        assertThatThrownBy(() -> check.evaluate(bySex().counts(), "loans", "model"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(check.notFromGroupCounts().orElseThrow());
        assertThat(new DemographicParityCheck(WHERE, SEX, 0.1, Double.NaN).notFromGroupCounts())
                .isEmpty();
    }

    @Test
    void refusesCountsGroupedByOtherAttributes() {
        assertThatThrownBy(() -> new EqualOpportunityCheck(WHERE, SEX, 0.1)
                        .evaluate(bySexAndAge().counts(), "loans", "model"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(WHERE + ": the counts are grouped by sex × age_band, but the check groups by sex");
    }

    @Test
    void refusesMoreThanTwoClassesAsTheRowsDo() {
        GroupCounts counts = GroupCounts.builder(List.of("sex"))
                .add(List.of("F"), "cat", "dog", 3)
                .add(List.of("M"), "bird", "cat", 4)
                .build();

        assertThatThrownBy(() -> new EqualOpportunityCheck(WHERE, SEX, 0.1).evaluate(counts, "pets", "model"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessage(WHERE + ": fairness checks apply to binary classifiers, but model on pets has 3 classes"
                        + " [bird, cat, dog]; compare one class against the rest in a column of its own");
    }

    @Test
    void refusesAPositiveLabelThatIsNoClass() {
        assertThatThrownBy(() -> new EqualOpportunityCheck(WHERE, SEX.withPositiveLabel("yse"), 0.1)
                        .evaluate(bySex().counts(), "loans", "model"))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageStartingWith(WHERE + ": 'positiveLabel' must be one of the classes [no, yes]");
    }

    @Test
    void addsCellsGivenTwiceAndRefusesAGroupOfTheWrongShape() {
        GroupCounts once = GroupCounts.builder(List.of("sex"))
                .add(List.of("F"), "yes", "yes", 5)
                .add(List.of("F"), "yes", "no", 0)
                .build();
        GroupCounts twice = GroupCounts.builder(List.of("sex"))
                .add(List.of("F"), "yes", "yes", 2)
                .add(List.of("F"), "yes", "yes", 3)
                .build();

        assertThat(twice.byGroup("yes"))
                .isEqualTo(once.byGroup("yes"))
                .containsEntry(List.of("F"), new Counts(5, 0, 0, 0));
        assertThat(once.labels()).containsExactly("yes");
        assertThatThrownBy(() -> GroupCounts.builder(List.of("sex")).add(List.of("F", "18-25"), "yes", "no", 1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("group [F, 18-25] does not give one value per attribute [sex]");
        assertThatThrownBy(() -> GroupCounts.builder(List.of("sex")).add(List.of("F"), "yes", "no", -1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rows must be at least 0, was -1");
    }
}
