package dev.modeltest.quality;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.error.DataException;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Groups of equal rows counted elsewhere decide the duplicate-row check as the rows do, listed by size and values. */
class DuplicateCountsTest {

    private static final String WHERE = "@NoDuplicateRows on Nightly.distinct()";
    private static final List<String> COLUMNS = List.of("age", "city");

    private static DuplicateCounts.Group group(long size, Object... values) {
        return new DuplicateCounts.Group(Arrays.asList(values), size);
    }

    @Test
    void listsTheExampleGroupsBySizeAndValues() {
        DuplicateCounts counts = new DuplicateCounts(
                "people", 100, COLUMNS, 9, 7, List.of(group(3, 30.0, null), group(2, 41.5, "Nice")));

        CheckResult result = new DuplicateRowsCheck(WHERE, List.of()).evaluate(counts);

        assertThat(result.verdict()).isEqualTo(Verdict.FAIL);
        assertThat(result.measured()).isEqualTo(9.0);
        assertThat(result.n()).isEqualTo(100);
        assertThat(result.message())
                .isEqualTo("Expecting no duplicate rows in people (n=100), comparing all 2 column(s)\n"
                        + "but found 9 duplicate row(s) in 7 group(s) of equal rows:\n"
                        + "  3 rows: age=30, city=missing\n"
                        + "  2 rows: age=41.5, city='Nice'\n"
                        + "  ... and 5 more group(s)");
        assertThat(result.details()).containsEntry("groups", 7L).containsEntry("duplicateRows", 9L);
    }

    @Test
    void passesWithoutDuplicates() {
        CheckResult result = new DuplicateRowsCheck(WHERE, List.of("age", "city"))
                .evaluate(new DuplicateCounts("people", 10, COLUMNS, 0, 0, List.of()));

        assertThat(result.verdict()).isEqualTo(Verdict.PASS);
        assertThat(result.title()).isEqualTo("no duplicate rows in age, city of people");
    }

    @Test
    void refusesCountsOfOtherColumns() {
        assertThatThrownBy(() -> new DuplicateRowsCheck(WHERE, List.of("city"))
                        .evaluate(new DuplicateCounts("people", 10, COLUMNS, 0, 0, List.of())))
                .isInstanceOf(DataException.class)
                .hasMessage(WHERE + ": the counts compare age, city, but the check compares city");
    }

    @Test
    void refusesCountsThatCannotBeTheData() {
        assertThatThrownBy(() -> new DuplicateCounts("people", 10, COLUMNS, 9, 2, List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("data set people: 9 duplicate rows in 2 groups cannot be counts of 10 rows");
        assertThatThrownBy(() -> new DuplicateCounts("people", 10, COLUMNS, 1, 1, List.of(group(2, 30.0))))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("group [30.0] does not give one value per column [age, city]");
        assertThatThrownBy(() -> group(1, 30.0, "Nice"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("a group of equal rows has at least 2 rows, was 1");
    }
}
