package dev.modeltest.gate;

import dev.modeltest.check.Decision;
import dev.modeltest.check.Format;
import dev.modeltest.check.Verdict;
import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.ConfusionMatrix;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricOptions;
import dev.modeltest.metrics.MetricSample;
import dev.modeltest.metrics.Metrics;
import dev.modeltest.model.Predictions;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Judges a metric in every class on its own ({@link Averaging#NONE}): each class's one-vs-rest value with its own
 * interval and decision, as a check with that class as the positive label would take them. The classes are those of
 * {@link Metrics#perClass}; the table, CSV and chart are the sliced check's ({@link Slices}), with the class's support
 * (its true rows) in the rows column.
 */
final class PerClass {

    /** What the subject of the message adds: {@code model precision (per class) on d.csv (n=40) in every class}. */
    static final String IN_EVERY_CLASS = " in every class";

    /** The heading of the rows column: the class's true rows, scikit-learn's support. */
    static final String SUPPORT = "support";

    private static final String NONE_JUDGED = "but there are no rows, so no class can be judged:";
    private static final String SOME_MISS = "but %s of %s classes %s %s it (%s):";
    private static final String SOME_UNDECIDED = "but %s of %s classes cannot decide%s:";
    private static final String AT_LEVEL = " at %s";
    private static final String ONE_HOLDS = "and its one class is:";
    private static final String ALL_HOLD = "and all %s classes are:";
    private static final String UNDEFINED_FOR = "undefined for %s: %s is NaN when %s.";

    private PerClass() {}

    /** Measures and decides every class, in class order. */
    static List<Slices.Slice> judge(
            Predictions predictions,
            Metric metric,
            MetricOptions options,
            Function<MetricSample, Measurement> measure,
            Function<Measurement, Decision> decide) {
        return judge(
                Metrics.confusionMatrix(predictions.withoutWeights()),
                Metrics.perClass(predictions, metric, options).keySet(),
                binary -> Metrics.sample(predictions, metric, binary),
                options,
                measure,
                decide);
    }

    /**
     * Measures and decides the given classes, in their order, each from its binary sample: of the rows, or of
     * confusion counts merged elsewhere.
     */
    static List<Slices.Slice> judge(
            ConfusionMatrix counts,
            java.util.Collection<String> labels,
            Function<MetricOptions, MetricSample> sampleOf,
            MetricOptions options,
            Function<MetricSample, Measurement> measure,
            Function<Measurement, Decision> decide) {
        List<Slices.Slice> out = new ArrayList<>();
        for (String label : labels) {
            MetricOptions binary = options.withAverage(Averaging.BINARY).withPositiveLabel(label);
            Measurement m = measure.apply(sampleOf.apply(binary));
            int support = (int) counts.actualTotal(counts.classes().indexOf(label));
            out.add(new Slices.Slice(label, support, m, decide.apply(m)));
        }
        return out;
    }

    /** The classes a label metric judges on merged counts: those in the true or predicted labels, as the rows'. */
    static List<String> present(ConfusionMatrix counts) {
        List<String> out = new ArrayList<>();
        for (int c = 0; c < counts.classes().size(); c++) {
            if (counts.actualTotal(c) > 0 || counts.predictedTotal(c) > 0) {
                out.add(counts.classes().get(c));
            }
        }
        return out;
    }

    /** The line between the threshold and the table. */
    static String verdictLine(Slices.Summary s, List<Slices.Slice> classes, Bound bound, double confidence) {
        if (s.judged() == 0) {
            return NONE_JUDGED;
        }
        if (s.verdict() == Verdict.FAIL) {
            return Format.message(
                    SOME_MISS,
                    s.failed(),
                    s.judged(),
                    s.failed() == 1 ? "is" : "are",
                    bound.missSide(),
                    String.join(", ", names(classes, Verdict.FAIL)));
        }
        if (s.verdict() == Verdict.INCONCLUSIVE) {
            String level = confidence == 0 ? "" : Format.message(AT_LEVEL, Format.percent(confidence));
            return Format.message(SOME_UNDECIDED, s.inconclusive(), s.judged(), level);
        }
        return s.judged() == 1 ? ONE_HOLDS : Format.message(ALL_HOLD, s.judged());
    }

    /** One line per undefined class saying why, or an empty string. */
    static String undefinedLines(List<Slices.Slice> classes, String label) {
        List<String> lines = new ArrayList<>();
        for (Slices.Slice c : classes) {
            if (Double.isNaN(c.measurement().value())) {
                lines.add(Format.message(
                        UNDEFINED_FOR, c.value(), label, c.measurement().undefinedWhen()));
            }
        }
        return String.join("\n", lines);
    }

    /** The per-class results for the report's details. */
    static List<Map<String, Object>> details(List<Slices.Slice> classes) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Slices.Slice c : classes) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("class", c.value());
            row.put(SUPPORT, c.rows());
            row.put("value", c.measurement().value());
            if (c.measurement().interval() != null) {
                row.put("lower", c.measurement().interval().lower());
                row.put("upper", c.measurement().interval().upper());
            }
            row.put("verdict", c.verdictText(0));
            out.add(row);
        }
        return out;
    }

    private static List<String> names(List<Slices.Slice> classes, Verdict verdict) {
        List<String> names = new ArrayList<>();
        for (Slices.Slice c : classes) {
            if (c.decision().verdict() == verdict) {
                names.add(c.value());
            }
        }
        return names;
    }
}
