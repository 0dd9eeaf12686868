package dev.modeltest.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.data.DataLoader;
import dev.modeltest.data.TestData;
import dev.modeltest.error.DataException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Missing cells counted elsewhere decide the missing-value checks as the rows do, less the example rows. */
class MissingCountsTest {

    private static final String WHERE = "@NoMissingValues on Nightly.complete()";
    private static TestData test;
    private static MissingCounts counts;

    @BeforeAll
    static void count() {
        test = DataLoader.load("classpath:golden/data-quality/test.csv");
        Map<String, Long> missing = new LinkedHashMap<>();
        for (String column : test.columnNames()) {
            long n = 0;
            for (int r = 0; r < test.rowCount(); r++) {
                n += test.isMissing(column, r) ? 1 : 0;
            }
            missing.put(column, n);
        }
        counts = new MissingCounts(test.name(), test.rowCount(), missing);
    }

    /** The in-memory result with its example rows taken out, as counts give it. */
    private static void assertSameButRows(CheckResult counted, CheckResult rows) {
        assertThat(counted)
                .usingRecursiveComparison()
                .ignoringFields("message", "details")
                .isEqualTo(rows);
        assertThat(counted.message()).isEqualTo(rows.message().replaceAll(", e\\.g\\. row \\d+(, row \\d+)*", ""));
        Map<String, Object> details = new LinkedHashMap<>(rows.details());
        details.remove("firstMissingRows");
        assertThat(counted.details()).isEqualTo(details);
    }

    @Test
    void missingValuesFromCountsAreTheRowsResultWithoutExampleRows() {
        for (List<String> columns : List.of(List.<String>of(), List.of("x2", "label"), List.of("label"))) {
            MissingValuesCheck check = new MissingValuesCheck(WHERE, columns);

            assertSameButRows(check.evaluate(counts), check.run(test));
        }
        assertThat(new MissingValuesCheck(WHERE, List.of()).evaluate(counts).message())
                .contains("\n  column 'x1': 50 row(s)\n  column 'x2': 98 row(s)\n");
    }

    @Test
    void missingRateFromCountsIsTheRowsResultWithoutExampleRows() {
        for (double max : new double[] {0.0, 0.03, 0.5}) {
            MissingRateCheck check = new MissingRateCheck(WHERE, max, List.of());

            assertSameButRows(check.evaluate(counts), check.run(test));
        }
    }

    @Test
    void aColumnThatWasNotCountedIsNamedWithTheNearest() {
        assertThatThrownBy(() -> new MissingRateCheck(WHERE, 0.1, List.of("colour", "lable")).evaluate(counts))
                .isInstanceOf(DataException.class)
                .hasMessage(WHERE + ": data set test.csv has no column 'lable' (did you mean 'label'?); its columns"
                        + " are x1, x2, colour, label");
    }

    @Test
    void refusesCountsThatCannotBeTheData() {
        assertThatThrownBy(() -> new MissingCounts("d", 3, Map.of("x", 4L)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data set d, column 'x': 4 missing cells of 3 rows");
        assertThatThrownBy(() -> new MissingCounts("d", 0, Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data set d: rows must be at least 1, was 0");
    }
}
