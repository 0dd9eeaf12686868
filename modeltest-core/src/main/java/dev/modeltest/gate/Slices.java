package dev.modeltest.gate;

import dev.modeltest.check.Decision;
import dev.modeltest.check.Format;
import dev.modeltest.check.IntervalPolicy;
import dev.modeltest.check.Verdict;
import dev.modeltest.report.Charts;
import dev.modeltest.report.CsvTable;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/** Splits rows into slices by a column's value and judges each slice on its own. */
final class Slices {

    /** The name shown for rows whose slice value is missing. */
    static final String MISSING = "(missing)";

    private Slices() {}

    /**
     * One slice and what was decided on it.
     *
     * @param value the column's value
     * @param measurement the metric on the slice; {@code null} when the slice is too small to be judged
     * @param decision the decision; {@code null} when too small
     */
    record Slice(String value, int rows, Measurement measurement, Decision decision) {
        boolean judged() {
            return decision != null;
        }

        String verdictText(int minSliceSize) {
            if (!judged()) {
                return "too small (< " + minSliceSize + " rows)";
            }
            if (Double.isNaN(measurement.value())) {
                return "undefined";
            }
            return decision.verdict().name();
        }
    }

    /** The check's verdict over slices and the slice that is furthest on the wrong side. */
    record Summary(Verdict verdict, Optional<Slice> worst, int judged, int failed, int inconclusive, int tooSmall) {}

    /** Returns the rows of each value, values in sorted order, missing values last. */
    static Map<String, int[]> split(String[] values) {
        TreeMap<String, int[]> counts = new TreeMap<>();
        int missing = 0;
        for (String v : values) {
            if (v == null) {
                missing++;
            } else {
                counts.computeIfAbsent(v, k -> new int[1])[0]++;
            }
        }
        Map<String, int[]> rows = new LinkedHashMap<>();
        counts.forEach((k, c) -> rows.put(k, new int[c[0]]));
        if (missing > 0) {
            rows.put(MISSING, new int[missing]);
        }
        Map<String, int[]> fill = new LinkedHashMap<>();
        rows.keySet().forEach(k -> fill.put(k, new int[1]));
        for (int i = 0; i < values.length; i++) {
            String key = values[i] == null ? MISSING : values[i];
            int[] at = fill.get(key);
            rows.get(key)[at[0]++] = i;
        }
        return rows;
    }

    /**
     * Judges every slice: a slice with fewer than {@code minSliceSize} rows is listed as too small and not measured
     * (its interval would be too wide to mean anything, and its point value too noisy to judge on).
     */
    static List<Slice> judge(
            Map<String, int[]> split,
            Function<int[], Measurement> measure,
            int minSliceSize,
            Function<Measurement, Decision> decide) {
        List<Slice> out = new ArrayList<>();
        for (Map.Entry<String, int[]> e : split.entrySet()) {
            int[] rows = e.getValue();
            if (rows.length < minSliceSize) {
                out.add(new Slice(e.getKey(), rows.length, null, null));
            } else {
                Measurement m = measure.apply(rows);
                out.add(new Slice(e.getKey(), rows.length, m, decide.apply(m)));
            }
        }
        return out;
    }

    /**
     * Any failing slice fails the check; otherwise any undecided judged slice, or no judged slice at all, makes it
     * INCONCLUSIVE; otherwise it passes. Too-small slices never pass silently: they are listed in the message.
     */
    static Summary summarize(List<Slice> slices, Bound bound) {
        int judged = 0;
        int failed = 0;
        int inconclusive = 0;
        int tooSmall = 0;
        Slice worst = null;
        for (Slice s : slices) {
            if (!s.judged()) {
                tooSmall++;
                continue;
            }
            judged++;
            Verdict v = s.decision().verdict();
            if (v == Verdict.FAIL) {
                failed++;
            } else if (v == Verdict.INCONCLUSIVE) {
                inconclusive++;
            }
            double value = s.measurement().value();
            if (!Double.isNaN(value)
                    && (worst == null
                            || (bound == Bound.AT_LEAST
                                    ? value < worst.measurement().value()
                                    : value > worst.measurement().value()))) {
                worst = s;
            }
        }
        Verdict verdict =
                failed > 0 ? Verdict.FAIL : inconclusive > 0 || judged == 0 ? Verdict.INCONCLUSIVE : Verdict.PASS;
        return new Summary(verdict, Optional.ofNullable(worst), judged, failed, inconclusive, tooSmall);
    }

    private static final String TOO_SMALL = "; %s %s too small to judge (< %s rows)";
    private static final String NONE_JUDGED = "but no slice has %s rows or more, so none can be judged:";
    private static final String SOME_MISS = "but %s of %s judged slices %s %s it (%s)%s:";
    private static final String SOME_UNDECIDED = "but %s of %s judged slices cannot decide%s%s:";
    private static final String AT_LEVEL = " at %s";
    private static final String ONE_HOLDS = "and the judged slice is%s:";
    private static final String ALL_HOLD = "and all %s judged slices are%s:";
    private static final String ROWS_NEEDED =
            "rows needed to decide (estimates: the interval's half-width shrinks as 1/√n): %s.";
    private static final String SLICE_NEEDS = "%s about %s";
    private static final String SLICE_NEEDS_NO_NUMBER = "%s no number (its value equals the threshold)";
    private static final String SLICE_NEEDS_NONE = "%s none (undefined)";

    private static final String UNDEFINED_IN = "undefined in %s: %s is NaN when %s.";

    /**
     * The line that says why judged slices are undefined ({@code undefined in b: R² is NaN when there are fewer than
     * two rows ...}), one per reason when the slices are undefined for different reasons (zero division of different
     * classes), or an empty string when none is.
     */
    static String undefinedLine(List<Slice> slices, String label) {
        Map<String, List<String>> byReason = new LinkedHashMap<>();
        for (Slice s : slices) {
            if (s.judged() && Double.isNaN(s.measurement().value())) {
                byReason.computeIfAbsent(s.measurement().undefinedWhen(), r -> new ArrayList<>())
                        .add(s.value());
            }
        }
        List<String> lines = new ArrayList<>();
        byReason.forEach(
                (reason, names) -> lines.add(Format.message(UNDEFINED_IN, String.join(", ", names), label, reason)));
        return String.join("\n", lines);
    }

    /** The line between the threshold and the table. */
    static String verdictLine(Summary s, List<Slice> slices, Bound bound, double confidence, int minSliceSize) {
        String small = s.tooSmall() == 0
                ? ""
                : Format.message(TOO_SMALL, s.tooSmall(), s.tooSmall() == 1 ? "slice is" : "slices are", minSliceSize);
        if (s.judged() == 0) {
            return Format.message(NONE_JUDGED, minSliceSize);
        }
        if (s.verdict() == Verdict.FAIL) {
            return Format.message(
                    SOME_MISS,
                    s.failed(),
                    s.judged(),
                    s.failed() == 1 ? "is" : "are",
                    bound.missSide(),
                    String.join(", ", names(slices, Verdict.FAIL)),
                    small);
        }
        if (s.verdict() == Verdict.INCONCLUSIVE) {
            String level = confidence == 0 ? "" : Format.message(AT_LEVEL, Format.percent(confidence));
            return Format.message(SOME_UNDECIDED, s.inconclusive(), s.judged(), level, small);
        }
        return s.judged() == 1 ? Format.message(ONE_HOLDS, small) : Format.message(ALL_HOLD, s.judged(), small);
    }

    /**
     * The closing line of an INCONCLUSIVE sliced check: the rows each undecided slice would need (an estimate), or
     * an empty string.
     */
    static String rowsNeededLine(List<Slice> slices) {
        List<String> parts = new ArrayList<>();
        for (Slice slice : slices) {
            if (slice.judged() && slice.decision().verdict() == Verdict.INCONCLUSIVE) {
                long needed = slice.decision().rowsNeeded();
                parts.add(
                        needed > 0
                                ? Format.message(SLICE_NEEDS, slice.value(), needed)
                                : Format.message(needed < 0 ? SLICE_NEEDS_NO_NUMBER : SLICE_NEEDS_NONE, slice.value()));
            }
        }
        return parts.isEmpty() ? "" : Format.message(ROWS_NEEDED, String.join(", ", parts));
    }

    private static List<String> names(List<Slice> slices, Verdict verdict) {
        List<String> names = new ArrayList<>();
        for (Slice s : slices) {
            if (s.judged() && s.decision().verdict() == verdict) {
                names.add(s.value());
            }
        }
        return names;
    }

    /** The per-slice table, aligned in columns, each line indented by two spaces. */
    static String table(String column, String label, List<Slice> slices, double confidence, int minSliceSize) {
        return table(column, "rows", label, slices, confidence, minSliceSize);
    }

    /** The table with another heading of the rows column ({@code support} per class). */
    static String table(
            String column, String rowsHeading, String label, List<Slice> slices, double confidence, int minSliceSize) {
        String level = Format.percent(IntervalPolicy.reportedLevel(confidence)) + " CI";
        List<String[]> lines = new ArrayList<>();
        lines.add(new String[] {column, rowsHeading, label, level, "verdict"});
        for (Slice s : slices) {
            boolean measured = s.judged() && !Double.isNaN(s.measurement().value());
            String ci = measured && s.measurement().interval() != null
                    ? Format.value(s.measurement().interval().lower()) + "–"
                            + Format.value(s.measurement().interval().upper())
                    : "-";
            lines.add(new String[] {
                s.value(),
                Integer.toString(s.rows()),
                measured ? Format.value(s.measurement().value()) : "-",
                ci,
                s.verdictText(minSliceSize)
            });
        }
        int[] width = new int[5];
        for (String[] line : lines) {
            for (int c = 0; c < 5; c++) {
                width[c] = Math.max(width[c], line[c].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] line : lines) {
            out.append(out.length() == 0 ? "  " : "\n  ");
            for (int c = 0; c < 5; c++) {
                out.append(c == 4 ? line[c] : MetricCheckText.pad(line[c], width[c] + 2));
            }
        }
        return out.toString();
    }

    /** The most slices the chart draws, in the table's order: a chart of more bars is unreadable. */
    static final int MAX_CHART_SLICES = 30;

    /** Returns whether a slice was judged and has a value to draw. */
    static boolean measured(Slice s) {
        return s.judged() && !Double.isNaN(s.measurement().value());
    }

    /**
     * Draws the measured slices' values as bars with their intervals as error bars and the threshold as a red line
     * (a slice without an interval gets a bar without one); slices too small to judge are left out, as are those past
     * the first {@value #MAX_CHART_SLICES}.
     */
    static byte[] png(String title, String label, List<Slice> slices, double threshold) {
        List<Slice> drawn =
                slices.stream().filter(Slices::measured).limit(MAX_CHART_SLICES).toList();
        List<String> names = new ArrayList<>();
        double[] values = new double[drawn.size()];
        double[] lower = new double[drawn.size()];
        double[] upper = new double[drawn.size()];
        for (int i = 0; i < drawn.size(); i++) {
            Slice s = drawn.get(i);
            names.add(s.value() + " (n=" + s.rows() + ")");
            values[i] = s.measurement().value();
            boolean ci = s.measurement().interval() != null;
            lower[i] = ci ? s.measurement().interval().lower() : values[i];
            upper[i] = ci ? s.measurement().interval().upper() : values[i];
        }
        return Charts.barsWithIntervals(title, label, names, values, lower, upper, threshold);
    }

    /** The per-slice table as CSV. */
    static String csv(String column, List<Slice> slices, int minSliceSize) {
        return csv(column, "rows", slices, minSliceSize);
    }

    /** The table as CSV with another heading of the rows column. */
    static String csv(String column, String rowsHeading, List<Slice> slices, int minSliceSize) {
        CsvTable table = CsvTable.of(column, rowsHeading, "value", "lower", "upper", "verdict");
        for (Slice s : slices) {
            boolean measured = s.judged() && !Double.isNaN(s.measurement().value());
            boolean ci = measured && s.measurement().interval() != null;
            table.row(
                    s.value(),
                    s.rows(),
                    measured ? Format.value(s.measurement().value()) : "",
                    ci ? Format.value(s.measurement().interval().lower()) : "",
                    ci ? Format.value(s.measurement().interval().upper()) : "",
                    s.verdictText(minSliceSize));
        }
        return table.toString();
    }

    /** The per-slice results for the report's details. */
    static List<Map<String, Object>> details(List<Slice> slices, int minSliceSize) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Slice s : slices) {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("slice", s.value());
            row.put("rows", s.rows());
            if (s.judged()) {
                row.put("value", s.measurement().value());
                if (s.measurement().interval() != null) {
                    row.put("lower", s.measurement().interval().lower());
                    row.put("upper", s.measurement().interval().upper());
                }
            }
            row.put("verdict", s.verdictText(minSliceSize));
            out.add(row);
        }
        return out;
    }
}
