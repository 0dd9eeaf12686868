package dev.modeltest.gate;

import dev.modeltest.check.Decision;
import dev.modeltest.check.Format;
import dev.modeltest.check.Verdict;

/** The closing words of a metric gate's message for its {@link Decision} on one {@link Measurement}. */
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
            return "but it is undefined (NaN) on these rows: it is NaN when " + undefinedWhen + ".";
        }
        if (confidence == 0) {
            return d.verdict() == Verdict.PASS
                    ? ""
                    : "but it was " + Format.gap(Math.abs(m.value() - threshold), decimals) + " " + bound.missSide()
                            + ".";
        }
        String level = Format.percent(confidence);
        if (m.interval() == null) {
            return "but it has no " + level + " interval: "
                    + (m.how().isEmpty() ? "the metric is undefined on every bootstrap resample" : m.how()) + ".";
        }
        return switch (d.verdict()) {
            case PASS -> "and the whole " + level + " interval clears it.";
            case FAIL -> "but the whole " + level + " interval is " + bound.missSide() + " it.";
            case INCONCLUSIVE ->
                "but the " + level + " interval straddles it, so " + m.n() + " rows cannot decide;\n"
                        + rowsNeededText(d, m);
        };
    }

    static String rowsNeededText(Decision d, Measurement m) {
        if (d.rowsNeeded() == Decision.NEVER) {
            return "the value equals the threshold, so no number of rows can be expected to decide.";
        }
        return "about " + d.rowsNeeded() + " rows would be needed to decide (an estimate: the interval's half-width"
                + " shrinks as 1/√n, assuming the value stays " + Format.value(m.value()) + ").";
    }
}
