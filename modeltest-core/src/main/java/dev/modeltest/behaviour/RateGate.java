package dev.modeltest.behaviour;

import dev.modeltest.check.BoundOutcome;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Decision;
import dev.modeltest.check.Format;
import dev.modeltest.check.Interval;
import dev.modeltest.check.IntervalPolicy;
import dev.modeltest.check.ShouldBeWithinBound;
import dev.modeltest.check.Threshold;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.stats.Wilson;
import java.util.ArrayList;
import java.util.List;

/**
 * A bound on the rate of offending rows (flips, violations), judged as the metric checks judge a proportion: the
 * Wilson interval at the check's confidence (95% reported beside a point decision), and the shared {@link Decision}.
 */
final class RateGate {

    private final String attribute;
    private final double max;
    private final double confidence;

    /**
     * Validates the bound and the confidence.
     *
     * @param attribute the bound's attribute, e.g. {@code maxFlipRate}
     * @throws ConfigurationException when the bound is outside [0, 1], the confidence is neither 0 nor in (0, 1), or
     *     an interval is asked to clear a bound of 0, which no interval of a rate can
     */
    RateGate(String where, String attribute, double max, double confidence) {
        if (!(max >= 0 && max <= 1)) {
            throw ConfigurationException.badAttribute(where, attribute, "must be in [0, 1]", Format.number(max));
        }
        IntervalPolicy.requireConfidence(where, "confidence", confidence, true);
        if (max == 0 && confidence != 0) {
            throw ConfigurationException.badAttribute(
                    where,
                    "confidence",
                    "must be 0 (decide on the point value) when '" + attribute + "' is 0: the interval of a rate"
                            + " never lies wholly at or below 0, so no number of rows could pass",
                    Format.number(confidence));
        }
        this.attribute = attribute;
        this.max = max;
        this.confidence = confidence;
    }

    /** A measured rate: {@code count} of {@code n} rows, with its Wilson interval. */
    record Rate(long count, long n, Interval interval) {
        double value() {
            return (double) count / n;
        }
    }

    Rate measure(long count, long n) {
        return new Rate(count, n, Wilson.interval(count, n, IntervalPolicy.reportedLevel(confidence)));
    }

    Decision decide(Rate rate) {
        return Decision.of(Threshold.Comparison.AT_MOST, max, confidence, rate.value(), rate.interval(), rate.n());
    }

    double max() {
        return max;
    }

    double confidence() {
        return confidence;
    }

    String attribute() {
        return attribute;
    }

    /**
     * Returns the message: the rate with its interval and count against the bound, the outcome, then {@code lines}.
     *
     * @param subject what was measured, e.g. {@code the flip rate of m on tiny.csv when only 'color' changes (n=10)}
     * @param counted what the count counts, e.g. {@code rows flipped}
     */
    String message(String subject, Rate rate, Decision decision, String counted, List<String> lines) {
        int decimals = Format.decimals(rate.value(), max);
        String actual = Format.value(rate.value(), decimals) + " (" + rate.interval() + ", Wilson, " + rate.count()
                + " of " + rate.n() + " " + counted + ")";
        List<String> all = new ArrayList<>();
        all.add(ending(decision, rate, decimals));
        all.addAll(lines);
        return ShouldBeWithinBound.message(
                subject, actual, Threshold.Comparison.AT_MOST, confidence, max, decimals, all);
    }

    private String ending(Decision d, Rate rate, int decimals) {
        return ending(d, confidence, rate.value(), max, rate.n(), decimals);
    }

    /**
     * Returns the closing words of a message on a value with an upper bound, for the decision reached: empty for a
     * point PASS.
     */
    static String ending(Decision d, double confidence, double value, double max, long n, int decimals) {
        if (confidence == 0) {
            return switch (d.verdict()) {
                case PASS -> "";
                case FAIL, INCONCLUSIVE -> BoundOutcome.missed(value - max, decimals, Threshold.Comparison.AT_MOST);
            };
        }
        return switch (d.verdict()) {
            case PASS -> BoundOutcome.intervalClears(confidence);
            case FAIL -> BoundOutcome.intervalMisses(confidence, Threshold.Comparison.AT_MOST);
            case INCONCLUSIVE -> BoundOutcome.intervalStraddles(confidence, n, d.rowsNeeded(), value);
        };
    }

    /** Sets the verdict, value, interval, threshold, n and the decision's details on a result. */
    CheckResult.Builder fill(CheckResult.Builder result, Rate rate, Decision decision) {
        result.verdict(decision.verdict())
                .measured(rate.value())
                .interval(rate.interval())
                .threshold(Threshold.atMost(max), Format.decimals(rate.value(), max))
                .n(rate.n())
                .detail("decidedOn", confidence == 0 ? "point" : Format.percent(confidence) + " interval")
                .detail("intervalMethod", "Wilson")
                .detail("offendingRows", rate.count());
        if (decision.rowsNeeded() != 0) {
            result.detail("estimatedRowsNeeded", decision.rowsNeeded());
        }
        return result;
    }
}
