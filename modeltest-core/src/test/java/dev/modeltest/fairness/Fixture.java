package dev.modeltest.fairness;

import dev.modeltest.check.CheckResult;
import dev.modeltest.data.TestData;
import dev.modeltest.model.Predictions;
import java.util.ArrayList;
import java.util.List;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Builds data whose fairness statistics are known by construction: each group is given by its confusion counts, and
 * its rows are written out in that order. Labels are {@code no}/{@code yes} ({@code yes} is the default positive
 * label); rows predicted positive get probability {@link #HIGH} of {@code yes}, the others {@link #LOW}.
 */
final class Fixture {

    static final double HIGH = 0.8;
    static final double LOW = 0.3;
    static final String DATA = "fair.csv";

    private final List<String> attributes;
    private final List<List<String>> values = new ArrayList<>();
    private final List<Integer> actual = new ArrayList<>();
    private final List<Integer> predicted = new ArrayList<>();

    private Fixture(List<String> attributes) {
        this.attributes = attributes;
    }

    /** Starts data with these attribute columns. */
    static Fixture with(String... attributes) {
        return new Fixture(List.of(attributes));
    }

    /** Adds a group of a single attribute with its counts. */
    Fixture group(String value, int tp, int fp, int fn, int tn) {
        return group(List.of(value), tp, fp, fn, tn);
    }

    /** Adds an intersectional group (one value per attribute) with its counts. */
    Fixture group(List<String> key, int tp, int fp, int fn, int tn) {
        add(key, 1, 1, tp);
        add(key, 0, 1, fp);
        add(key, 1, 0, fn);
        add(key, 0, 0, tn);
        return this;
    }

    /** Adds a group from its size, selection count, positives and true positives. */
    Fixture selected(String value, int n, int selected) {
        return group(value, selected, 0, n - selected, 0);
    }

    private void add(List<String> key, int truth, int prediction, int times) {
        for (int i = 0; i < times; i++) {
            values.add(key);
            actual.add(truth);
            predicted.add(prediction);
        }
    }

    TestData data() {
        Table table = Table.create(DATA);
        for (int a = 0; a < attributes.size(); a++) {
            StringColumn column = StringColumn.create(attributes.get(a));
            for (List<String> key : values) {
                column.append(key.get(a));
            }
            table.addColumns(column);
        }
        StringColumn label = StringColumn.create("label");
        actual.forEach(v -> label.append(v == 1 ? "yes" : "no"));
        table.addColumns(label);
        return TestData.of(DATA, table);
    }

    Predictions predictions() {
        int n = actual.size();
        int[] a = new int[n];
        int[] p = new int[n];
        double[][] probabilities = new double[2][n];
        for (int r = 0; r < n; r++) {
            a[r] = actual.get(r);
            p[r] = predicted.get(r);
            probabilities[1][r] = p[r] == 1 ? HIGH : LOW;
            probabilities[0][r] = 1 - probabilities[1][r];
        }
        return Predictions.classification(DATA, "test model", List.of("no", "yes"), a, p, probabilities);
    }

    /** Predictions of a model that gives labels only. */
    Predictions labelsOnly() {
        int n = actual.size();
        int[] a = new int[n];
        int[] p = new int[n];
        for (int r = 0; r < n; r++) {
            a[r] = actual.get(r);
            p[r] = predicted.get(r);
        }
        return Predictions.classification(DATA, "labels-only model", List.of("no", "yes"), a, p, null);
    }

    /** The rows counted per group and label pair: what a Spark job hands to the merged-state entry. */
    GroupCounts counts() {
        GroupCounts.Builder counts = GroupCounts.builder(attributes);
        for (int r = 0; r < values.size(); r++) {
            counts.add(values.get(r), actual.get(r) == 1 ? "yes" : "no", predicted.get(r) == 1 ? "yes" : "no", 1);
        }
        return counts.build();
    }

    CheckResult run(GroupCheck check) {
        return check.evaluate(data(), predictions());
    }
}
