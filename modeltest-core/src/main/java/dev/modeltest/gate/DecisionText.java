package dev.modeltest.gate;

import dev.modeltest.check.BoundOutcome;
import dev.modeltest.check.Decision;
import dev.modeltest.check.Format;
import dev.modeltest.check.Verdict;

/** The closing words of a metric check's message for its {@link Decision} on one {@link Measurement}. */
final class DecisionText {

    private DecisionText() {}

    /**
     * Returns the closing line(s) of a message for one measurement, or an empty string for a point PASS; the gap is
     * printed with the value's and threshold's decimals, or more ({@link Format#gap}).
     */
    static String ending(
            Decision d,
            Bound bound,
            double threshold,
            double confidence,
            Measurement m,
            String undefinedWhen,
            int decimals) {
        if (Double.isNaN(m.value())) {
            return BoundOutcome.undefined(undefinedWhen);
        }
        if (confidence == 0) {
            return d.verdict() == Verdict.PASS
                    ? ""
                    : BoundOutcome.missed(Math.abs(m.value() - threshold), decimals, bound.comparison());
        }
        if (m.interval() == null) {
            return BoundOutcome.noInterval(confidence, m.how());
        }
        return switch (d.verdict()) {
            case PASS -> BoundOutcome.intervalClears(confidence);
            case FAIL -> BoundOutcome.intervalMisses(confidence, bound.comparison());
            case INCONCLUSIVE -> BoundOutcome.intervalStraddles(confidence, m.n(), d.rowsNeeded(), m.value());
        };
    }
}
