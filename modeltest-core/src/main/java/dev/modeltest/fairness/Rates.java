package dev.modeltest.fairness;

import dev.modeltest.check.Format;
import java.util.function.ToDoubleFunction;

/** Helpers for the checks that compare a rate across groups. */
final class Rates {

    private Rates() {}

    /** Returns the largest minus the smallest rate over the judged groups (Fairlearn's between-groups difference). */
    static double spread(Counts[] groups, int[] judged, ToDoubleFunction<Counts> rate) {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (int g : judged) {
            double v = rate.applyAsDouble(groups[g]);
            if (Double.isNaN(v)) {
                // A judged group without the rows this rate needs: only in a bootstrap resample.
                return Double.NaN;
            }
            min = Math.min(min, v);
            max = Math.max(max, v);
        }
        return max - min;
    }

    /** Returns {@code lowest TPR} / {@code highest TPR} when the group holds an extreme of the rate. */
    static Labels extremes(GroupCheck.Run run, int group, String name, ToDoubleFunction<Counts> rate) {
        double[] values = run.perGroup(rate);
        if (run.judged.length < 2) {
            return new Labels("");
        }
        if (group == run.lowest(values)) {
            return new Labels("lowest " + name);
        }
        return new Labels(group == run.highest(values) ? "highest " + name : "");
    }

    /** Names the lowest and highest groups of a rate and tests their difference. */
    static String compare(GroupCheck.Run run, ToDoubleFunction<Counts> rate, boolean amongPositives) {
        double[] values = run.perGroup(rate);
        int low = run.lowest(values);
        int high = run.highest(values);
        Counts a = run.counts[low];
        Counts b = run.counts[high];
        String rates = run.name(low) + " " + Format.value(values[low]) + " and " + run.name(high) + " "
                + Format.value(values[high]);
        if (!run.tests()) {
            return rates + " (" + run.noTest() + ")";
        }
        ProportionTest.Result test = amongPositives
                ? ProportionTest.compare(a.tp(), a.positives(), b.tp(), b.positives())
                : ProportionTest.compare(a.fp(), a.negatives(), b.fp(), b.negatives());
        return rates + " (" + test.describe() + ")";
    }

    /** A comma-joined list of labels for the verdict column. */
    record Labels(String text) {
        Labels and(Labels other) {
            if (text.isEmpty()) {
                return other;
            }
            return other.text.isEmpty() ? this : new Labels(text + ", " + other.text);
        }

        String orElse(String fallback) {
            return text.isEmpty() ? fallback : text;
        }
    }
}
