package dev.modeltest.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A result carries its threshold as data and a key that tells it from another result of the same check. */
class CheckResultTest {

    @Test
    void theThresholdsTextIsWrittenFromItsData() {
        assertThat(result().threshold(Threshold.atLeast(0.9), 4).build().threshold())
                .isEqualTo("≥ 0.9000");
        assertThat(result().threshold(Threshold.atMost(5).withUnit("ms"), 3)
                        .build()
                        .threshold())
                .isEqualTo("≤ 5.000 ms");
        assertThat(result().threshold(Threshold.atLeast(1000).withUnit("rows/s"))
                        .build()
                        .threshold())
                .isEqualTo("≥ 1000 rows/s");
        assertThat(result().threshold(Threshold.atLeast(0.25)).build().threshold())
                .isEqualTo("≥ 0.25");
    }

    @Test
    void aThresholdInWordsKeepsItsWordsAndItsData() {
        CheckResult result =
                result().threshold(Threshold.atMost(0), "0 missing").build();

        assertThat(result.threshold()).isEqualTo("0 missing");
        assertThat(result.limit()).isEqualTo(new Threshold(Threshold.Comparison.AT_MOST, 0, ""));
    }

    @Test
    void aThresholdInTextAloneHasNoData() {
        CheckResult result = result().threshold("≤ 5 ms").build();

        assertThat(result.threshold()).isEqualTo("≤ 5 ms");
        assertThat(result.optionalLimit()).isEmpty();
    }

    @Test
    void aResultMadeWithAThresholdAndNoTextGetsTheText() {
        CheckResult result = new CheckResult(
                "c",
                "",
                "t",
                Family.LATENCY,
                Verdict.PASS,
                1,
                null,
                "",
                Threshold.atMost(2).withUnit("ms"),
                10,
                "",
                Map.of(),
                List.of());

        assertThat(result.threshold()).isEqualTo("≤ 2 ms");
    }

    @Test
    void theKeyIsTheCheckFollowedByItsQualifier() {
        assertThat(result().qualifier("roc_auc:macro").build().key()).isEqualTo("c:roc_auc:macro");
        assertThat(result().build().key()).isEqualTo("c");
    }

    @Test
    void theFirstConstructorStillMakesAResultWithoutQualifierOrThresholdData() {
        CheckResult result = new CheckResult(
                "accuracy-at-least",
                "t",
                Family.PERFORMANCE,
                Verdict.PASS,
                0.9,
                null,
                "≥ 0.9000",
                30,
                "",
                Map.of(),
                List.of());

        assertThat(result.key()).isEqualTo("accuracy-at-least");
        assertThat(result.qualifier()).isEmpty();
        assertThat(result.threshold()).isEqualTo("≥ 0.9000");
        assertThat(result.limit()).isNull();
    }

    @Test
    void aThresholdMustBeANumber() {
        assertThatThrownBy(() -> Threshold.atLeast(Double.NaN))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("threshold value must be a number, was NaN");
    }

    private static CheckResult.Builder result() {
        return CheckResult.builder("c", Family.PERFORMANCE).verdict(Verdict.PASS);
    }
}
