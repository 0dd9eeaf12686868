package dev.modeltest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.check.Interval;
import dev.modeltest.check.Threshold;
import dev.modeltest.check.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The figures reports derive: the subject steps' own times and the measured value with its unit. */
class ReportingTest {

    private static final Threshold MS_5 = Threshold.atMost(5).withUnit("ms");

    /** A count check's threshold: none allowed, written as words. */
    private static final Threshold NONE = Threshold.atMost(0);

    @Test
    void aChecksStepsAreThoseDoneSinceItStartedWithTheirOwnTimes() {
        Map<String, Long> own = Reporting.ownStepNanos(steps(100, 50, 10), Set.of());

        assertThat(own).containsExactly(entry("load data", 100), entry("load model", 50), entry("predict", 10));
    }

    @Test
    void sharedStepsAreNotTheChecks() {
        Map<String, Long> own = Reporting.ownStepNanos(steps(100, 50, 10), Set.of("load data"));

        assertThat(own).containsExactly(entry("load model", 50), entry("predict", 10));
    }

    @Test
    void aRunsEvaluationIsItsTimeOutsideTheStepsItCaused() {
        Reporting.Run run = new Reporting.Run(
                0, Set.of("load data"), 0, 165, Map.of("load data", 100L, "load model", 50L, "predict", 10L));

        assertThat(run.evaluateNanos()).isEqualTo(105);
        assertThat(run.shared("load data")).isTrue();
        assertThat(run.shared("predict")).isFalse();
    }

    @Test
    void measuredValueTakesTheThresholdsUnit() {
        assertThat(Reporting.valueText(result(0.05021, MS_5, null))).isEqualTo("0.0502 ms");
        assertThat(Reporting.valueText(result(0.93333, Threshold.atLeast(0.9), null)))
                .isEqualTo("0.9333");
        assertThat(Reporting.valueText(result(0, NONE, null))).isEqualTo("0");
        assertThat(Reporting.valueText(result(Double.NaN, NONE, null))).isEmpty();
    }

    @Test
    void measuredValueTakesNoUnitFromTheThresholdsText() {
        CheckResult words = CheckResult.builder("c", Family.DATA)
                .verdict(Verdict.FAIL)
                .measured(3)
                .threshold("≤ 5 ms")
                .build();

        assertThat(Reporting.valueText(words)).isEqualTo("3");
        assertThat(Reporting.thresholdValue(words)).isNaN();
    }

    @Test
    void measuredValueTakesAsManyDecimalsAsItsThresholdNeeds() {
        assertThat(Reporting.valueText(result(0.87118, Threshold.atLeast(0.8712), null)))
                .isEqualTo("0.87118");
    }

    @Test
    void measuredTextAddsTheInterval() {
        Interval wilson = new Interval(0.7868, 0.9815, 0.95, "Wilson");

        assertThat(Reporting.measuredText(result(28.0 / 30, Threshold.atLeast(0.9), wilson)))
                .isEqualTo("0.9333 (95% CI 0.7868–0.9815)");
        assertThat(Reporting.measuredText(result(3, NONE, null))).isEqualTo("3");
        assertThat(Reporting.measuredText(result(0.05021, MS_5, null))).isEqualTo("0.0502 ms");
    }

    @Test
    void thresholdValueIsTheNumberTheGateComparesWith() {
        assertThat(Reporting.thresholdValue(result(0, Threshold.atLeast(0.9), null)))
                .isEqualTo(0.9);
        assertThat(Reporting.thresholdValue(result(0, MS_5, null))).isEqualTo(5.0);
        assertThat(Reporting.thresholdValue(result(0, NONE, null))).isEqualTo(0.0);
        assertThat(Reporting.thresholdValue(result(0, null, null))).isNaN();
    }

    @Test
    void unitIsTheThresholdsUnit() {
        assertThat(Reporting.unit(result(0, MS_5, null))).contains("ms");
        assertThat(Reporting.unit(result(0, NONE, null))).isEmpty();
        assertThat(Reporting.unit(result(0, null, null))).isEmpty();
    }

    private static Map<String, Long> steps(long data, long model, long predict) {
        Map<String, Long> steps = new LinkedHashMap<>();
        steps.put("load data", data);
        steps.put("load model", model);
        steps.put("predict", predict);
        return steps;
    }

    private static Map.Entry<String, Long> entry(String key, long value) {
        return Map.entry(key, value);
    }

    private static CheckResult result(double measured, Threshold threshold, Interval interval) {
        CheckResult.Builder result = CheckResult.builder("c", Family.PERFORMANCE)
                .verdict(Verdict.PASS)
                .measured(measured)
                .interval(interval);
        return threshold == null
                ? result.build()
                : result.threshold(threshold, 4).build();
    }
}
