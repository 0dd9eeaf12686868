package dev.modeltest.gate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.metrics.Metric;
import dev.modeltest.model.Predictions;
import org.junit.jupiter.api.Test;

class SlicedGateTest {

    private static final String WHERE = "@MetricAtLeast on T.m()";

    /** Alternating slices: each holds 10 rows of each class, 3 wrong per class overall. */
    private static String[] alternating(int n) {
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
            s[i] = i % 2 == 0 ? "north" : "south";
        }
        return s;
    }

    /** Blocks of ten: north gets the first 10 rows of each class (8 of them wrong), south the rest (all right). */
    private static String[] blocks(int n) {
        String[] s = new String[n];
        for (int i = 0; i < n; i++) {
            s[i] = (i % 20) < 10 ? "north" : "south";
        }
        return s;
    }

    private static MetricGate.Builder accuracy(double value) {
        return MetricGate.builder(WHERE, Metric.ACCURACY, Bound.AT_LEAST, value).slicedBy("region");
    }

    @Test
    void passesWhenEverySliceClearsTheThreshold() {
        CheckResult result = MetricGate.builder(WHERE, Metric.F1, Bound.AT_LEAST, 0.8)
                .slicedBy("region")
                .minSliceSize(20)
                .build()
                .evaluate(MetricFixtures.binary("fixture.csv", 40, 3), alternating(40));

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.measured()).isCloseTo(0.8, org.assertj.core.api.Assertions.within(1e-12));
        assertThat(result.message())
                .isEqualTo("Expecting model F1 (positive class 'b') on fixture.csv (n=40) in every slice of 'region'"
                        + " to be at least:\n"
                        + "  0.8000\n"
                        + "and all 2 judged slices are:\n"
                        + "  region  rows  F1 (positive class 'b')  95% CI         verdict\n"
                        + "  north   20    0.8000                   0.5455–0.9565  PASS\n"
                        + "  south   20    0.9000                   0.6667–1.0000  PASS");
    }

    @Test
    void failsNamingTheSliceThatMissesEvenThoughTheWholeDataPasses() {
        Predictions predictions = MetricFixtures.binary("fixture.csv", 40, 8);
        assertThat(accuracy(0.55).slicedBy(null).build().evaluate(predictions).verdict())
                .isEqualTo(Verdict.PASS);

        CheckResult result = accuracy(0.55).minSliceSize(20).build().evaluate(predictions, blocks(40));

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.measured()).isEqualTo(0.2);
        assertThat(result.message())
                .isEqualTo("Expecting model accuracy on fixture.csv (n=40) in every slice of 'region' to be at least:\n"
                        + "  0.5500\n"
                        + "but 1 of 2 judged slices is below it (north):\n"
                        + "  region  rows  accuracy  95% CI         verdict\n"
                        + "  north   20    0.2000    0.0807–0.4160  FAIL\n"
                        + "  south   20    1.0000    0.8389–1.0000  PASS");
        assertThat(MetricGateTest.text(result.attachments().get(0)))
                .isEqualTo("region,rows,value,lower,upper,verdict\n"
                        + "north,20,0.2000,0.0807,0.4160,FAIL\n"
                        + "south,20,1.0000,0.8389,1.0000,PASS\n");
        assertThat(result.attachments().get(0).name()).isEqualTo("accuracy per slice of region");
        assertThat(result.attachments().get(1).name()).isEqualTo("accuracy per slice of region (chart)");
        assertThat(result.attachments().get(1).content().get()).startsWith(0x89, 'P', 'N', 'G');
        assertThat(result.attachments().get(2).name()).isEqualTo("accuracy per slice of region (table)");
        assertThat(result.attachments().get(2).mediaType()).isEqualTo("text/html");
        assertThat(MetricGateTest.text(result.attachments().get(2)))
                .contains("<tr><td>north</td><td class=\"num\">20</td><td class=\"num\">0.2000</td>"
                        + "<td class=\"num\">0.0807</td><td class=\"num\">0.4160</td><td>FAIL</td></tr>");
    }

    @Test
    void drawsNoSliceChartWhenNoSliceIsLargeEnoughToJudge() {
        CheckResult result = accuracy(0.5).build().evaluate(MetricFixtures.binary("fixture.csv", 40, 8), blocks(40));

        assertThat(result.attachments())
                .extracting(a -> a.name())
                .contains("accuracy per slice of region")
                .doesNotContain("accuracy per slice of region (chart)");
    }

    @Test
    void isInconclusiveWhenNoSliceIsLargeEnoughToJudge() {
        CheckResult result = accuracy(0.5).build().evaluate(MetricFixtures.binary("fixture.csv", 40, 8), blocks(40));

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.message())
                .isEqualTo("Expecting model accuracy on fixture.csv (n=40) in every slice of 'region' to be at least:\n"
                        + "  0.5000\n"
                        + "but no slice has 30 rows or more, so none can be judged:\n"
                        + "  region  rows  accuracy  95% CI  verdict\n"
                        + "  north   20    -         -       too small (< 30 rows)\n"
                        + "  south   20    -         -       too small (< 30 rows)");
    }

    @Test
    void listsTooSmallAndMissingSlicesWithoutPassingThemAndEstimatesRowsForUndecidedOnes() {
        String[] s = new String[40];
        for (int i = 0; i < 40; i++) {
            s[i] = i < 2 ? null : i % 2 == 0 ? "north" : "south";
        }

        CheckResult result = MetricGate.builder(WHERE, Metric.F1, Bound.AT_LEAST, 0.8)
                .slicedBy("region")
                .minSliceSize(15)
                .confidence(0.9)
                .build()
                .evaluate(MetricFixtures.binary("fixture.csv", 40, 3), s);

        assertThat(result.verdict()).isEqualTo(Verdict.INCONCLUSIVE);
        assertThat(result.message())
                .startsWith("Expecting model F1 (positive class 'b') on fixture.csv (n=40) in every slice of 'region'"
                        + " to be at least:\n"
                        + "  0.8000\n"
                        + "but 2 of 2 judged slices cannot decide at 90%; 1 slice is too small to judge (< 15 rows):\n")
                .contains("\n  (missing)  2     -   ")
                .containsPattern("\nrows needed to decide \\(estimates: the interval's half-width shrinks as 1/√n\\):"
                        + " north about \\d+, south about \\d+\\.$");
    }

    @Test
    void refusesSliceValuesOfAnotherLength() {
        MetricGate gate = accuracy(0.5).build();

        assertThatThrownBy(() -> gate.evaluate(MetricFixtures.binary("fixture.csv", 40, 3), new String[3]))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("3 slice values for the 40 rows of fixture.csv");
    }
}
