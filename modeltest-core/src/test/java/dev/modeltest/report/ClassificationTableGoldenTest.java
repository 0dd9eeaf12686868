package dev.modeltest.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The confusion matrix and per-class precision, recall and F1 match scikit-learn's {@code confusion_matrix} and
 * {@code precision_recall_fscore_support(average=None, zero_division=0)} on seeded labels, with a class never predicted
 * and a class never present (golden values from {@code scripts/golden/make_report_golden.py}).
 */
class ClassificationTableGoldenTest {

    static final Path GOLDEN = Path.of("src/test/resources/golden/report");
    static final List<String> CLASSES = List.of("ant", "bee", "cat", "dog");

    @Test
    void confusionMatrixMatchesScikitLearn() throws IOException {
        ClassificationTable table = table();
        List<String[]> expected = rows("classification-confusion.csv");

        long[][] counts = table.counts();
        assertThat(expected).hasSize(CLASSES.size());
        for (int a = 0; a < CLASSES.size(); a++) {
            assertThat(expected.get(a)[0]).isEqualTo(CLASSES.get(a));
            for (int p = 0; p < CLASSES.size(); p++) {
                assertThat(counts[a][p])
                        .as("count of actual %s predicted %s", CLASSES.get(a), CLASSES.get(p))
                        .isEqualTo(Long.parseLong(expected.get(a)[p + 1]));
            }
        }
    }

    @Test
    void perClassPrecisionRecallAndF1MatchScikitLearn() throws IOException {
        ClassificationTable table = table();
        List<String[]> expected = rows("classification-per-class.csv");

        assertThat(expected).hasSize(CLASSES.size());
        for (int c = 0; c < CLASSES.size(); c++) {
            String[] row = expected.get(c);
            assertThat(row[0]).isEqualTo(CLASSES.get(c));
            assertThat(table.support(c)).as("support of %s", row[0]).isEqualTo(Long.parseLong(row[1]));
            assertThat(table.predicted(c)).as("predicted %s", row[0]).isEqualTo(Long.parseLong(row[2]));
            assertThat(table.correct(c)).as("correct %s", row[0]).isEqualTo(Long.parseLong(row[3]));
            assertClose(table.precision(c), Double.parseDouble(row[4]), "precision of " + row[0]);
            assertClose(table.recall(c), Double.parseDouble(row[5]), "recall of " + row[0]);
            assertClose(table.f1(c), Double.parseDouble(row[6]), "f1 of " + row[0]);
        }
    }

    @Test
    void perClassCsvHasOneRowPerClassWithFourDecimals() throws IOException {
        String csv = table().perClass().toString();

        assertThat(csv.lines())
                .containsExactly(
                        "class,support,predicted,correct,precision,recall,f1",
                        "ant,67,92,52,0.5652,0.7761,0.6541",
                        "bee,89,131,73,0.5573,0.8202,0.6636",
                        "cat,84,0,0,0.0000,0.0000,0.0000",
                        "dog,0,17,0,0.0000,0.0000,0.0000");
    }

    static ClassificationTable table() throws IOException {
        List<String[]> labels = rows("classification-labels.csv");
        int[] actual = new int[labels.size()];
        int[] predicted = new int[labels.size()];
        for (int i = 0; i < labels.size(); i++) {
            actual[i] = CLASSES.indexOf(labels.get(i)[0]);
            predicted[i] = CLASSES.indexOf(labels.get(i)[1]);
        }
        return ClassificationTable.of(CLASSES, actual, predicted);
    }

    static List<String[]> rows(String file) throws IOException {
        List<String> lines = Files.readAllLines(GOLDEN.resolve(file), StandardCharsets.UTF_8);
        List<String[]> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            rows.add(line.split(",", -1));
        }
        return rows;
    }

    private static void assertClose(double actual, double expected, String what) {
        if (expected == 0) {
            assertThat(actual).as(what).isEqualTo(0.0);
        } else {
            assertThat(actual).as(what).isCloseTo(expected, within(Math.abs(expected) * 1e-9));
        }
    }
}
