package dev.modeltest.report;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A table for people as HTML: the form in which the drift, per-group, per-slice and latency tables are attached for
 * reading (Allure shows an HTML attachment as a page) and in which the model page shows every check's table. One
 * writer for all of them, so that they look alike.
 *
 * <p>Cells never wrap (a wide table scrolls sideways instead of folding into an unreadable block); numbers are
 * right-aligned and rounded for people as {@link CsvTable#rounded} rounds them ({@code 0.7092555331991952} →
 * {@code 0.7093}, {@code 3.3094680067648895E-55} → {@code 3.309E-55}); the exact values stay in the check's JSON and
 * CSV. A table shows its first {@value #MAX_ROWS} rows and says how many more there are.
 *
 * <pre>{@code
 * builder.attach(Attachment.html("per-group results", () -> HtmlTable.fromCsv(csv).document()));
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class HtmlTable {

    /** The most rows a table shows. */
    public static final int MAX_ROWS = 25;

    /**
     * The style of a table document. When Allure shows the document in a frame of its own, a short script makes the
     * frame as tall as the table (Allure 2's frames are 150 pixels tall otherwise); the script reads nothing and loads
     * nothing.
     */
    private static final String STYLE = "body{margin:0;padding:4px;background:#fff;color:#222;"
            + "font:13px/1.4 system-ui,-apple-system,'Segoe UI',Roboto,'DejaVu Sans',sans-serif}"
            + "table{border-collapse:collapse}th,td{border:1px solid #e1e1e1;padding:3px 8px;text-align:left;"
            + "white-space:nowrap}thead th{background:#f4f6f8}td.num{text-align:right;"
            + "font-variant-numeric:tabular-nums}p.more{color:#666;font-style:italic;margin:4px 0}";

    private static final String FIT_FRAME = "(function(){try{var f=window.frameElement;"
            + "if(f&&f.className.indexOf('fullscreen')<0){f.style.height=(document.documentElement.scrollHeight+8)+'px';}"
            + "}catch(e){}})();";

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    private HtmlTable(List<String> header) {
        if (header.isEmpty()) {
            throw new IllegalArgumentException("a table needs at least one column");
        }
        this.header = List.copyOf(header);
    }

    /** Starts a table with these column names. */
    public static HtmlTable of(String... header) {
        return new HtmlTable(Arrays.asList(header));
    }

    /** Reads a table from CSV as {@link CsvTable} writes it: the header, then the rows. */
    public static HtmlTable fromCsv(String csv) {
        List<List<String>> lines = CsvTable.parse(csv);
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("the CSV has no header line");
        }
        HtmlTable table = new HtmlTable(lines.get(0));
        for (List<String> line : lines.subList(1, lines.size())) {
            table.row(line.toArray());
        }
        return table;
    }

    /**
     * Adds a row.
     *
     * @param cells one value per column: numbers, strings or anything with a {@code toString}; {@code null} is an
     *     empty cell
     * @return this table
     * @throws IllegalArgumentException if the number of cells differs from the number of columns
     */
    public HtmlTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row " + (rows.size() + 1) + " has " + cells.length
                    + " cells, but the table has " + header.size() + " columns " + header);
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(CsvTable.text(cell));
        }
        rows.add(row);
        return this;
    }

    /** Returns the number of rows, the header not counted. */
    public int rowCount() {
        return rows.size();
    }

    /**
     * Returns the table as an HTML element, to put into a page: a {@code <table class="data">} with its first
     * {@value #MAX_ROWS} rows, followed by {@code <p class="more">N more rows not shown</p>} when there are more.
     */
    public String fragment() {
        StringBuilder out = new StringBuilder(256 + 64 * rows.size());
        out.append("<table class=\"data\">\n<thead><tr>");
        for (String h : header) {
            out.append("<th>").append(ModelPage.escape(h)).append("</th>");
        }
        out.append("</tr></thead>\n<tbody>\n");
        int shown = Math.min(rows.size(), MAX_ROWS);
        for (List<String> row : rows.subList(0, shown)) {
            out.append("<tr>");
            for (String cell : row) {
                boolean number = !cell.isEmpty() && CsvTable.isNumber(cell);
                out.append(number ? "<td class=\"num\">" : "<td>")
                        .append(ModelPage.escape(number ? CsvTable.roundedCell(cell) : cell))
                        .append("</td>");
            }
            out.append("</tr>\n");
        }
        out.append("</tbody>\n</table>\n");
        int more = rows.size() - shown;
        if (more > 0) {
            out.append("<p class=\"more\">")
                    .append(more)
                    .append(more == 1 ? " more row" : " more rows")
                    .append(" not shown</p>\n");
        }
        return out.toString();
    }

    /**
     * Returns the table as a page of its own, for an attachment: the {@linkplain #fragment() table} with its style
     * sheet inside, nothing to fetch.
     *
     * @param title the page's title, e.g. the attachment's name
     */
    public String document(String title) {
        Objects.requireNonNull(title, "title");
        return "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
                + ModelPage.escape(title) + "</title>\n<style>" + STYLE + "</style>\n</head>\n<body>\n" + fragment()
                + "<script>" + FIT_FRAME + "</script>\n</body>\n</html>\n";
    }

    /**
     * Returns the table element of a {@linkplain #document table document} (with its note of rows not shown), to show
     * it inside another page; empty when the document is not one this class wrote.
     */
    public static String fragmentOf(String document) {
        int start = document.indexOf("<table class=\"data\">");
        int end = document.indexOf("<script>", Math.max(start, 0));
        return start < 0 || end < 0 ? "" : document.substring(start, end);
    }
}
