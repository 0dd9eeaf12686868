package dev.modeltest.report;

import dev.modeltest.check.Format;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * A small table written as CSV (RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled), the
 * form of table attachment Allure shows as a table: per class, per slice, per group.
 *
 * <pre>{@code
 * CsvTable table = CsvTable.of("group", "rows", "accuracy");
 * table.row("female", 120, 0.91);
 * builder.attach(Attachment.csv("accuracy per group", table::toString));
 * }</pre>
 *
 * <p>Numbers are written with {@link Format#number} (integers without decimals, others with up to six significant
 * digits); pass a formatted string for another format.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class CsvTable {

    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    private CsvTable(List<String> header) {
        if (header.isEmpty()) {
            throw new IllegalArgumentException("a CSV table needs at least one column");
        }
        this.header = List.copyOf(header);
    }

    /** Starts a table with these column names. */
    public static CsvTable of(String... header) {
        return new CsvTable(Arrays.asList(header));
    }

    /** Starts a table with these column names. */
    public static CsvTable of(List<String> header) {
        return new CsvTable(header);
    }

    /**
     * Adds a row.
     *
     * @param cells one value per column: numbers, strings or anything with a {@code toString}; {@code null} is an
     *     empty cell
     * @return this table
     * @throws IllegalArgumentException if the number of cells differs from the number of columns
     */
    public CsvTable row(Object... cells) {
        if (cells.length != header.size()) {
            throw new IllegalArgumentException("row " + (rows.size() + 1) + " has " + cells.length
                    + " cells, but the table has " + header.size() + " columns " + header);
        }
        List<String> row = new ArrayList<>(cells.length);
        for (Object cell : cells) {
            row.add(text(cell));
        }
        rows.add(row);
        return this;
    }

    /**
     * Reads CSV as this class writes it (RFC 4180): one list of cells per line, the header first.
     *
     * @since 0.1.0
     */
    public static List<List<String>> parse(String csv) {
        List<List<String>> lines = new ArrayList<>();
        List<String> line = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (quoted) {
                if (c == '"' && i + 1 < csv.length() && csv.charAt(i + 1) == '"') {
                    cell.append('"');
                    i++;
                } else if (c == '"') {
                    quoted = false;
                } else {
                    cell.append(c);
                }
            } else if (c == '"') {
                quoted = true;
            } else if (c == ',') {
                line.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                    i++;
                }
                line.add(cell.toString());
                cell.setLength(0);
                lines.add(line);
                line = new ArrayList<>();
            } else {
                cell.append(c);
            }
        }
        if (cell.length() > 0 || !line.isEmpty()) {
            line.add(cell.toString());
            lines.add(line);
        }
        return lines;
    }

    /**
     * Rewrites CSV for people: every number with more than {@value Format#DECIMALS} decimals rounded to that many
     * ({@code 0.7092555331991952} → {@code 0.7093}), numbers in scientific notation to four significant digits
     * ({@code 3.3094680067648895E-55} → {@code 3.309E-55}); other cells as they are. The exact values stay in the
     * results' JSON.
     *
     * @since 0.1.0
     */
    public static String rounded(String csv) {
        StringBuilder out = new StringBuilder(csv.length());
        for (List<String> line : parse(csv)) {
            line(out, line.stream().map(CsvTable::roundedCell).toList());
        }
        return out.toString();
    }

    /** Rounds one cell as {@link #rounded(String)} does. */
    static String roundedCell(String cell) {
        if (cell.isEmpty() || !isNumber(cell)) {
            return cell;
        }
        int exponent = Math.max(cell.indexOf('e'), cell.indexOf('E'));
        if (exponent >= 0) {
            double v = Double.parseDouble(cell);
            return v == 0 ? "0" : String.format(java.util.Locale.ROOT, "%.3E", v);
        }
        int dot = cell.indexOf('.');
        if (dot < 0 || cell.length() - dot - 1 <= Format.DECIMALS) {
            return cell;
        }
        return Format.value(Double.parseDouble(cell));
    }

    static boolean isNumber(String cell) {
        char first = cell.charAt(0);
        if (!(Character.isDigit(first) || first == '-' || first == '+' || first == '.')) {
            return false;
        }
        try {
            Double.parseDouble(cell);
            return true;
        } catch (NumberFormatException e) {
            return false;
        }
    }

    /** Returns the number of rows, the header not counted. */
    public int rowCount() {
        return rows.size();
    }

    /** Returns the table as CSV: the header, then one line per row, each ending with a line feed. */
    @Override
    public String toString() {
        StringBuilder out = new StringBuilder();
        line(out, header);
        for (List<String> row : rows) {
            line(out, row);
        }
        return out.toString();
    }

    static String text(Object cell) {
        if (cell == null) {
            return "";
        }
        if (cell instanceof Double || cell instanceof Float) {
            return Format.number(((Number) cell).doubleValue());
        }
        return Objects.toString(cell);
    }

    private static void line(StringBuilder out, List<String> cells) {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            out.append(quoted(cells.get(i)));
        }
        out.append('\n');
    }

    private static String quoted(String cell) {
        if (cell.indexOf(',') < 0 && cell.indexOf('"') < 0 && cell.indexOf('\n') < 0 && cell.indexOf('\r') < 0) {
            return cell;
        }
        return '"' + cell.replace("\"", "\"\"") + '"';
    }
}
