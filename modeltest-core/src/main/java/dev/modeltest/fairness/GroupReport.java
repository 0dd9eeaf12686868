package dev.modeltest.fairness;

import dev.modeltest.check.Format;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The per-group table of a fairness result: as aligned text for the message, as CSV, and as maps for details. */
final class GroupReport {

    private GroupReport() {}

    static String heading(GroupCheck.Run run) {
        int tooSmall = 0;
        int notJudged = 0;
        for (int g = 0; g < run.counts.length; g++) {
            if (run.counts[g].n() < run.options.minGroupSize()) {
                tooSmall++;
            } else if (!run.isJudged(g)) {
                notJudged++;
            }
        }
        return "groups of " + run.options.attributesJoined() + " (" + run.judged.length + " judged"
                + (tooSmall > 0 ? ", " + tooSmall + " too small" : "")
                + (notJudged > 0 ? ", " + notJudged + " not judged" : "")
                + "; minGroupSize " + run.options.minGroupSize() + ")"
                + (run.weighted()
                        ? ", rates weighted by '" + run.weightColumn + "', n counting the rows of weight > 0"
                        : "")
                + ":";
    }

    static String text(GroupCheck.Run run, List<GroupCheck.Column> extra, String[] verdicts) {
        List<String[]> lines = new ArrayList<>();
        List<String> header = new ArrayList<>(List.of("group", "n"));
        if (run.weighted()) {
            header.add("weight");
        }
        header.addAll(List.of("selection rate", "TPR", "FPR"));
        extra.forEach(c -> header.add(c.heading()));
        header.add("verdict");
        lines.add(header.toArray(new String[0]));
        int k = run.counts.length;
        int listed = Math.min(k, GroupCheck.MAX_LISTED_GROUPS);
        for (int g = 0; g < listed; g++) {
            Counts c = run.counts[g];
            List<String> cells = new ArrayList<>();
            cells.add(run.name(g));
            cells.add(Long.toString(c.n()));
            if (run.weighted()) {
                cells.add(Format.number(c.weight()));
            }
            cells.add(cell(c.selectionRate()));
            cells.add(cell(c.truePositiveRate()));
            cells.add(cell(c.falsePositiveRate()));
            for (GroupCheck.Column column : extra) {
                cells.add(column.cell(g));
            }
            cells.add(verdicts[g]);
            lines.add(cells.toArray(new String[0]));
        }
        int columns = header.size();
        int[] widths = new int[columns];
        for (String[] line : lines) {
            for (int i = 0; i < columns; i++) {
                widths[i] = Math.max(widths[i], line[i].length());
            }
        }
        StringBuilder out = new StringBuilder();
        for (int l = 0; l < lines.size(); l++) {
            if (l > 0) {
                out.append('\n');
            }
            StringBuilder line = new StringBuilder("  ");
            for (int i = 0; i < columns; i++) {
                line.append(lines.get(l)[i]);
                if (i < columns - 1) {
                    line.append(" ".repeat(widths[i] - lines.get(l)[i].length() + 2));
                }
            }
            out.append(line.toString().stripTrailing());
        }
        if (k > listed) {
            out.append("\n  ... and ").append(k - listed).append(" more groups (see the per-group table attachment)");
        }
        return out.toString();
    }

    static List<Map<String, Object>> rows(GroupCheck.Run run, List<GroupCheck.Column> extra, String[] verdicts) {
        List<Map<String, Object>> rows = new ArrayList<>();
        for (int g = 0; g < run.counts.length; g++) {
            Counts c = run.counts[g];
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("group", run.name(g));
            Map<String, Object> values = new LinkedHashMap<>();
            for (int a = 0; a < run.table.attributes.size(); a++) {
                values.put(
                        run.table.attributes.get(a),
                        run.table.groups.get(g).values().get(a));
            }
            row.put("values", values);
            row.put("n", c.n());
            row.put("tp", c.tp());
            row.put("fp", c.fp());
            row.put("fn", c.fn());
            row.put("tn", c.tn());
            if (run.weighted()) {
                row.put("weight", c.weight());
                row.put("weightedTp", c.wtp());
                row.put("weightedFp", c.wfp());
                row.put("weightedFn", c.wfn());
                row.put("weightedTn", c.wtn());
            }
            row.put("selectionRate", finite(c.selectionRate()));
            row.put("tpr", finite(c.truePositiveRate()));
            row.put("fpr", finite(c.falsePositiveRate()));
            for (GroupCheck.Column column : extra) {
                row.put(column.detailName(), finite(column.values()[g]));
            }
            row.put("judged", run.isJudged(g));
            row.put("verdict", verdicts[g]);
            rows.add(row);
        }
        return rows;
    }

    static String csv(GroupCheck.Run run, List<GroupCheck.Column> extra, String[] verdicts) {
        StringBuilder out = new StringBuilder("group");
        for (String attribute : run.table.attributes) {
            out.append(',').append(quote(attribute));
        }
        out.append(",n,tp,fp,fn,tn");
        if (run.weighted()) {
            out.append(",weight,weighted_tp,weighted_fp,weighted_fn,weighted_tn");
        }
        out.append(",selection_rate,tpr,fpr");
        extra.forEach(c -> out.append(',').append(quote(c.csvName())));
        out.append(",verdict\n");
        for (int g = 0; g < run.counts.length; g++) {
            Counts c = run.counts[g];
            out.append(quote(run.name(g)));
            for (String value : run.table.groups.get(g).values()) {
                out.append(',').append(quote(value));
            }
            out.append(',').append(c.n());
            out.append(',').append(c.tp());
            out.append(',').append(c.fp());
            out.append(',').append(c.fn());
            out.append(',').append(c.tn());
            if (run.weighted()) {
                out.append(',').append(number(c.weight()));
                out.append(',').append(number(c.wtp()));
                out.append(',').append(number(c.wfp()));
                out.append(',').append(number(c.wfn()));
                out.append(',').append(number(c.wtn()));
            }
            out.append(',').append(number(c.selectionRate()));
            out.append(',').append(number(c.truePositiveRate()));
            out.append(',').append(number(c.falsePositiveRate()));
            for (GroupCheck.Column column : extra) {
                out.append(',').append(number(column.values()[g]));
            }
            out.append(',').append(quote(verdicts[g])).append('\n');
        }
        return out.toString();
    }

    /** Formats a rate for the message: four decimals, or {@code n/a} when undefined. */
    static String cell(double value) {
        return Double.isNaN(value) ? "n/a" : Format.value(value);
    }

    private static Object finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    /** Writes a number in full (shortest round-trip form) for the CSV; undefined values are left empty. */
    private static String number(double value) {
        return Double.isNaN(value) ? "" : Double.toString(value);
    }

    /** Quotes a CSV field when it holds a comma, a quote or a line break (RFC 4180). */
    static String quote(String field) {
        if (field.indexOf(',') < 0 && field.indexOf('"') < 0 && field.indexOf('\n') < 0 && field.indexOf('\r') < 0) {
            return field;
        }
        return '"' + field.replace("\"", "\"\"") + '"';
    }
}
