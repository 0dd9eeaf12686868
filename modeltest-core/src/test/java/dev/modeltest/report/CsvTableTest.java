package dev.modeltest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void writesHeaderAndRowsWithNumbersCompact() {
        String csv = CsvTable.of("group", "rows", "accuracy")
                .row("female", 120, 0.91)
                .row("male", 98L, 1.0 / 3)
                .toString();

        assertThat(csv).isEqualTo("group,rows,accuracy\nfemale,120,0.91\nmale,98,0.333333\n");
    }

    @Test
    void roundsNumbersForPeopleAndLeavesTheRest() {
        String csv = "column,p,effect,n,note\n"
                + "x,3.3094680067648895E-55,0.7092555331991952,200,\"a, b\"\n"
                + "c,1.0,0.25,-3,1e0\n";

        assertThat(CsvTable.rounded(csv))
                .isEqualTo(
                        "column,p,effect,n,note\n" + "x,3.309E-55,0.7093,200,\"a, b\"\n" + "c,1.0,0.25,-3,1.000E+00\n");
    }

    @Test
    void readsBackWhatItWrites() {
        String csv = CsvTable.of("name", "note")
                .row("a,b", "say \"hi\"")
                .row("two\nlines", null)
                .toString();

        assertThat(CsvTable.parse(csv))
                .containsExactly(List.of("name", "note"), List.of("a,b", "say \"hi\""), List.of("two\nlines", ""));
    }

    @Test
    void quotesCellsWithCommasQuotesAndLineBreaks() {
        String csv = CsvTable.of("name", "note")
                .row("a,b", "say \"hi\"")
                .row("two\nlines", null)
                .toString();

        assertThat(csv).isEqualTo("name,note\n\"a,b\",\"say \"\"hi\"\"\"\n\"two\nlines\",\n");
    }

    @Test
    void rejectsARowWithTheWrongNumberOfCells() {
        CsvTable table = CsvTable.of("a", "b").row(1, 2);

        assertThatThrownBy(() -> table.row(1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("row 2 has 1 cells, but the table has 2 columns [a, b]");
        assertThat(table.rowCount()).isEqualTo(1);
    }

    @Test
    void rejectsATableWithoutColumns() {
        assertThatThrownBy(CsvTable::of)
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a CSV table needs at least one column");
    }
}
