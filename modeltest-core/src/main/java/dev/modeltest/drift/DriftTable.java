package dev.modeltest.drift;

import dev.modeltest.check.Format;
import dev.modeltest.check.ShouldHaveNoViolations;
import dev.modeltest.check.Verdict;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/** The message and the CSV table of a {@link DriftReport}. */
final class DriftTable {

    private static final String NONE = "—";

    private DriftTable() {}

    static String message(DriftReport report) {
        DriftOptions options = report.options();
        List<ColumnDrift> columns = report.columns();
        int k = columns.size();
        ShouldHaveNoViolations message = ShouldHaveNoViolations.expecting(
                "no drift in %s column(s) of %s (n=%s) against reference %s (n=%s),\nwhere a column drifts when %s,",
                k,
                report.current().name(),
                report.current().rowCount(),
                report.reference().name(),
                report.reference().rowCount(),
                options.describeGate());
        List<ColumnDrift> drifted = report.drifted();
        List<ColumnDrift> tooFew = columns.stream()
                .filter(c -> c.verdict() == Verdict.INCONCLUSIVE)
                .toList();
        if (!drifted.isEmpty()) {
            message.but("%s of %s column(s) drifted: %s", drifted.size(), k, names(drifted));
        } else if (!tooFew.isEmpty()) {
            message.but(
                    "%s of %s column(s) had fewer than %s values to compare: %s",
                    tooFew.size(), k, Drift.MIN_VALUES, names(tooFew));
        } else {
            message.and("none did:");
        }
        return message.lines(List.of(table(report))).lines(notes(report)).toString();
    }

    private static String names(List<ColumnDrift> columns) {
        return columns.stream().map(ColumnDrift::column).collect(Collectors.joining(", "));
    }

    private static String table(DriftReport report) {
        Correction correction = report.options().correction();
        List<String[]> rows = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("column", "method", "statistic", "effect", "threshold", "p"));
        if (correction != Correction.NONE) {
            header.add("p (" + correction.shortName() + ")");
        }
        header.addAll(List.of("n_ref", "n_test", "verdict"));
        rows.add(header.toArray(String[]::new));
        for (ColumnDrift c : report.columns()) {
            boolean measured = c.verdict() != Verdict.INCONCLUSIVE;
            List<String> row = new ArrayList<>(List.of(
                    c.column(),
                    c.method().displayName(),
                    measured ? statistic(c) : NONE,
                    measured ? effect(c) : NONE,
                    Double.isNaN(c.threshold()) ? NONE : Format.value(c.threshold()),
                    p(c.pValue())));
            if (correction != Correction.NONE) {
                row.add(p(c.adjustedPValue()));
            }
            row.addAll(List.of(
                    Integer.toString(c.referenceCount()), Integer.toString(c.currentCount()), verdict(c.verdict())));
            rows.add(row.toArray(String[]::new));
        }
        int[] widths = new int[rows.get(0).length];
        for (String[] row : rows) {
            for (int i = 0; i < row.length; i++) {
                widths[i] = Math.max(widths[i], row[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (String[] row : rows) {
            if (out.length() > 0) {
                out.append('\n');
            }
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < row.length; i++) {
                line.append(row[i]);
                if (i < row.length - 1) {
                    line.append(" ".repeat(widths[i] - row[i].length() + 2));
                }
            }
            out.append(line);
        }
        return out.toString();
    }

    private static String verdict(Verdict verdict) {
        return switch (verdict) {
            case FAIL -> "DRIFT";
            case INCONCLUSIVE -> "too few";
            case PASS -> "ok";
        };
    }

    static String statistic(ColumnDrift c) {
        if (c.method().needsNumbers()) {
            return "D=" + Format.value(c.statistic());
        }
        return "χ²=" + Format.value(c.statistic()) + ", df=" + c.degreesOfFreedom();
    }

    static String effect(ColumnDrift c) {
        double e = c.effect();
        return c.method().effectName() + "=" + (Double.isInfinite(e) ? "inf" : Format.value(e));
    }

    /** p-values in modeltest's one format ({@link Format#pValue}); {@value #NONE} when there is none. */
    static String p(double p) {
        return Double.isNaN(p) ? NONE : Format.pValue(p);
    }

    /** The explanations a reader needs when the effect and the p-value disagree, or where a p-value comes from. */
    private static List<String> notes(DriftReport report) {
        DriftOptions options = report.options();
        List<ColumnDrift> columns = report.columns();
        String adjusted = options.correction() == Correction.NONE
                ? "unadjusted p"
                : options.correction().displayName() + "-adjusted p";
        String level = Format.number(options.level());
        List<String> notes = new ArrayList<>();
        if (!options.isPValueGate()) {
            List<ColumnDrift> smallButSignificant =
                    passing(columns, c -> !c.effectAboveThreshold() && c.adjustedPValue() <= options.level());
            if (!smallButSignificant.isEmpty()) {
                ColumnDrift e = smallButSignificant.stream()
                        .min(Comparator.comparingDouble(ColumnDrift::pValue))
                        .orElseThrow();
                notes.add("note: " + smallButSignificant.size() + " column(s) differ beyond sampling noise ("
                        + adjusted + " ≤ " + level + ") but by less than their threshold, e.g. " + e.column() + ": "
                        + effect(e) + " ≤ " + Format.value(e.threshold()) + ", p " + p(e.pValue()) + " with "
                        + sizes(e) + ". At these sample sizes a test detects differences smaller than the"
                        + " threshold; the gate is on the effect size, so they pass.");
            }
            List<ColumnDrift> largeButNoisy =
                    passing(columns, c -> c.effectAboveThreshold() && c.adjustedPValue() > options.level());
            if (!largeButNoisy.isEmpty()) {
                ColumnDrift e = largeButNoisy.get(0);
                notes.add("note: " + largeButNoisy.size() + " column(s) have an effect above their threshold that"
                        + " is within sampling noise (" + adjusted + " > " + level + "), e.g. " + e.column() + ": "
                        + effect(e) + " > " + Format.value(e.threshold()) + ", " + adjusted + " "
                        + p(e.adjustedPValue()) + " with " + sizes(e) + ". More rows would tell whether they"
                        + " drifted.");
            }
        } else {
            List<ColumnDrift> negligible = columns.stream()
                    .filter(c -> c.drifted() && !(c.effect() > c.method().defaultThreshold()))
                    .toList();
            if (!negligible.isEmpty()) {
                ColumnDrift e = negligible.stream()
                        .min(Comparator.comparingDouble(ColumnDrift::effect))
                        .orElseThrow();
                notes.add("note: " + negligible.size() + " drifted column(s) have an effect below their method's"
                        + " default threshold, e.g. " + e.column() + ": " + effect(e) + " ≤ "
                        + Format.value(e.method().defaultThreshold()) + ", " + adjusted + " "
                        + p(e.adjustedPValue()) + " with " + sizes(e) + ". At these sample sizes a test detects"
                        + " differences smaller than the effect-size threshold; without 'pValue' the effect-size gate"
                        + " would pass them.");
            }
        }
        List<String> sources = new ArrayList<>();
        if (columns.stream().anyMatch(c -> c.method() == DriftMethod.PSI || c.method() == DriftMethod.JENSEN_SHANNON)) {
            sources.add("PSI and JS come from the chi-square test on their bins");
        }
        if (columns.stream().anyMatch(c -> c.method() == DriftMethod.WASSERSTEIN)) {
            sources.add("Wasserstein come from the KS test on the same values");
        }
        if (!sources.isEmpty()) {
            notes.add("note: the p-values of " + String.join("; those of ", sources) + ".");
        }
        return notes;
    }

    private static List<ColumnDrift> passing(List<ColumnDrift> columns, Predicate<ColumnDrift> condition) {
        return columns.stream()
                .filter(c -> c.verdict() == Verdict.PASS)
                .filter(condition)
                .toList();
    }

    private static String sizes(ColumnDrift c) {
        return "n_ref=" + c.referenceCount() + ", n_test=" + c.currentCount();
    }

    static String csv(DriftReport report) {
        StringBuilder out = new StringBuilder(
                "column,method,statistic_name,statistic,degrees_of_freedom,effect_name,effect,threshold,p,p_adjusted,"
                        + "correction,bins,n_ref,n_test,verdict\n");
        for (ColumnDrift c : report.columns()) {
            out.append(String.join(
                            ",",
                            quote(c.column()),
                            c.method().name(),
                            c.method().needsNumbers() ? "D" : "chi2",
                            number(c.statistic()),
                            Integer.toString(c.degreesOfFreedom()),
                            quote(c.method().effectName()),
                            number(c.effect()),
                            number(c.threshold()),
                            number(c.pValue()),
                            number(c.adjustedPValue()),
                            report.options().correction().name(),
                            Integer.toString(c.bins()),
                            Integer.toString(c.referenceCount()),
                            Integer.toString(c.currentCount()),
                            verdict(c.verdict())))
                    .append('\n');
        }
        return out.toString();
    }

    private static String number(double v) {
        return Double.isNaN(v) ? "" : Double.toString(v);
    }

    private static String quote(String text) {
        if (text.contains(",") || text.contains("\"") || text.contains("\n")) {
            return "\"" + text.replace("\"", "\"\"") + "\"";
        }
        return text;
    }
}
