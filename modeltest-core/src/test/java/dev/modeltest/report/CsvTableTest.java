package dev.modeltest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

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
