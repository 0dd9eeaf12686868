package dev.modeltest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/** Tables for people as HTML: rounded numbers, cells that never wrap, a cap on rows, nothing to fetch. */
class HtmlTableTest {

    @Test
    void roundsNumbersForPeopleAndAlignsThemRight() {
        String html = HtmlTable.fromCsv("group,rows,rate,p\nF,120,0.7092555331991952,3.3094680067648895E-55\n")
                .fragment();

        assertThat(html)
                .isEqualTo("<table class=\"data\">\n<thead><tr><th>group</th><th>rows</th><th>rate</th><th>p</th>"
                        + "</tr></thead>\n<tbody>\n<tr><td>F</td><td class=\"num\">120</td><td class=\"num\">0.7093</td>"
                        + "<td class=\"num\">3.309E-55</td></tr>\n</tbody>\n</table>\n");
    }

    @Test
    void writesDoublesTheWayCsvTableDoesThenRoundsThem() {
        String html = HtmlTable.of("percentile", "latency (ms)")
                .row("p99", 0.011623)
                .row("max", 2.0)
                .fragment();

        assertThat(html)
                .contains("<tr><td>p99</td><td class=\"num\">0.0116</td></tr>")
                .contains("<tr><td>max</td><td class=\"num\">2</td></tr>");
    }

    @Test
    void escapesTextCells() {
        assertThat(HtmlTable.of("a").row("<b> & \"c\"").fragment()).contains("<td>&lt;b&gt; &amp; &quot;c&quot;</td>");
    }

    @Test
    void showsTheFirstRowsAndSaysHowManyMoreThereAre() {
        HtmlTable table = HtmlTable.of("i");
        for (int i = 0; i < HtmlTable.MAX_ROWS + 3; i++) {
            table.row("r" + i);
        }

        String html = table.fragment();

        assertThat(html.split("<td>r", -1)).hasSize(HtmlTable.MAX_ROWS + 1);
        assertThat(html)
                .contains("<td>r24</td>")
                .doesNotContain("<td>r25</td>")
                .endsWith("</table>\n<p class=\"more\">3 more rows not shown</p>\n");
        assertThat(HtmlTable.of("i").row("a").row("b").fragment()).doesNotContain("more");
    }

    @Test
    void aDocumentHasItsStyleInsideKeepsCellsOnOneLineAndFetchesNothing() {
        String document = HtmlTable.of("column", "p").row("petal_width", 0.5).document("drift per column");

        assertThat(document)
                .startsWith("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
                        + "<title>drift per column</title>\n<style>")
                .contains("white-space:nowrap")
                .endsWith("</script>\n</body>\n</html>\n")
                .doesNotContain("<link")
                .doesNotContain("src=")
                .doesNotContain("href=")
                .doesNotContain("url(")
                .doesNotContainPattern("(?i)https?://")
                .doesNotContain("fetch(")
                .doesNotContain("XMLHttpRequest");
    }

    @Test
    void theTableOfADocumentCanBeShownInAnotherPage() {
        HtmlTable table = HtmlTable.of("group", "rate").row("F", 0.5);

        assertThat(HtmlTable.fragmentOf(table.document("t"))).isEqualTo(table.fragment());
        assertThat(HtmlTable.fragmentOf("<html><body><p>not a table</p></body></html>"))
                .isEmpty();
    }

    @Test
    void rejectsARowOfTheWrongWidthNamingBoth() {
        assertThatThrownBy(() -> HtmlTable.of("a", "b").row("x"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 1 has 1 cells, but the table has 2 columns [a, b]");
        assertThatThrownBy(() -> HtmlTable.fromCsv("")).hasMessage("the CSV has no header line");
    }
}
