package dev.modeltest.data;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Which cells of a CSV file are missing values: an empty cell always, and cells that hold one of the tokens exactly
 * (case matters). By default the tokens are pandas' ({@link #PANDAS_TOKENS}), so a file that pandas reads with gaps
 * reads with the same gaps here. A token is not missing in a literal column ({@code NA} as a country code), and in a
 * category column (the label, the predictions) only when the column holds numbers.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class MissingValues {

    /**
     * pandas' default {@code na_values} ({@code pandas._libs.parsers.STR_NA_VALUES}, pandas 2.x; pandas 1.5 lacks
     * {@code None}).
     */
    public static final List<String> PANDAS_TOKENS = List.of(
            "",
            "#N/A",
            "#N/A N/A",
            "#NA",
            "-1.#IND",
            "-1.#QNAN",
            "-NaN",
            "-nan",
            "1.#IND",
            "1.#QNAN",
            "<NA>",
            "N/A",
            "NA",
            "NULL",
            "NaN",
            "None",
            "n/a",
            "nan",
            "null");

    private static final MissingValues PANDAS = new MissingValues(PANDAS_TOKENS, List.of(), List.of());

    private final List<String> tokens;
    private final List<String> literalColumns;
    private final List<String> categoryColumns;

    private MissingValues(List<String> tokens, List<String> literalColumns, List<String> categoryColumns) {
        Set<String> all = new LinkedHashSet<>();
        all.add("");
        all.addAll(tokens);
        this.tokens = List.copyOf(all);
        this.literalColumns = List.copyOf(literalColumns);
        this.categoryColumns = List.copyOf(categoryColumns);
    }

    /** Returns pandas' defaults: the empty cell and {@link #PANDAS_TOKENS}, in every column. */
    public static MissingValues pandas() {
        return PANDAS;
    }

    /**
     * Returns these settings with other tokens; the empty cell stays missing whatever is given, so {@code withTokens(List.of())}
     * means only empty cells are missing.
     */
    public MissingValues withTokens(List<String> tokens) {
        tokens.forEach(t -> Objects.requireNonNull(t, "token"));
        return new MissingValues(tokens, literalColumns, categoryColumns);
    }

    /** Returns these settings with columns whose cells are read literally: only an empty cell is missing there. */
    public MissingValues withLiteralColumns(List<String> columns) {
        return new MissingValues(tokens, columns, categoryColumns);
    }

    /**
     * Returns these settings with columns read as categories, such as the label: when the column holds text, a token
     * is a category's name (a class {@code NA}) and only an empty cell is missing; when it holds numbers, tokens are
     * missing numbers.
     */
    public MissingValues withCategoryColumns(List<String> columns) {
        return new MissingValues(tokens, literalColumns, columns);
    }

    /** Returns the tokens read as missing, the empty cell first. */
    public List<String> tokens() {
        return tokens;
    }

    /** Returns the columns read literally. */
    public List<String> literalColumns() {
        return literalColumns;
    }

    /** Returns the columns read as categories. */
    public List<String> categoryColumns() {
        return categoryColumns;
    }

    /**
     * Reads the tokens of a comma-separated list, as a project-wide setting gives them ({@code NA,NULL,nan}); items
     * are trimmed, and an empty list means only empty cells are missing.
     */
    public static List<String> parseTokens(String commaSeparated) {
        List<String> tokens = new ArrayList<>();
        for (String item : commaSeparated.split(",", -1)) {
            tokens.add(item.strip());
        }
        return tokens;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof MissingValues that
                && tokens.equals(that.tokens)
                && literalColumns.equals(that.literalColumns)
                && categoryColumns.equals(that.categoryColumns);
    }

    @Override
    public int hashCode() {
        return Objects.hash(tokens, literalColumns, categoryColumns);
    }

    @Override
    public String toString() {
        return "missing: " + tokens + (literalColumns.isEmpty() ? "" : ", literal columns " + literalColumns)
                + (categoryColumns.isEmpty() ? "" : ", category columns " + categoryColumns);
    }
}
