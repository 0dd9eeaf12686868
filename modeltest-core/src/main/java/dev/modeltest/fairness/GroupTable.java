package dev.modeltest.fairness;

import dev.modeltest.data.TestData;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
import dev.modeltest.internal.Names;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The rows split into groups by the values of the attribute column(s), each with its confusion counts. With several
 * attributes, the groups are the value combinations that occur (Fairlearn's {@code MetricFrame} with several
 * sensitive features also leaves combinations without rows out of its minimum and maximum).
 */
final class GroupTable {

    /**
     * One group: its values (one per attribute), its counts, and with sample weights the weights of its rows of
     * positive weight per confusion cell (TP, FP, FN, TN), for the weighted bootstrap; {@code null} without weights.
     */
    record Group(List<String> values, Counts counts, double[][] cellWeights) {
        /** Returns the group's name: its values joined by {@code " × "}, e.g. {@code F × 18-25}. */
        String name() {
            return String.join(" × ", values);
        }
    }

    final List<String> attributes;
    /** The groups, sorted by their values attribute by attribute (numerically where all values are numbers). */
    final List<Group> groups;
    /** The counts of all rows. */
    final Counts overall;
    /** With sample weights, the number of rows of weight 0 (in no group's counts); 0 without. */
    final long zeroWeightRows;

    private GroupTable(List<String> attributes, List<Group> groups, Counts overall, long zeroWeightRows) {
        this.attributes = attributes;
        this.groups = groups;
        this.overall = overall;
        this.zeroWeightRows = zeroWeightRows;
    }

    static GroupTable of(String where, TestData data, Outcomes outcomes, List<String> attributes) {
        for (String attribute : attributes) {
            if (!data.hasColumn(attribute)) {
                throw new ConfigurationException(where + ": 'attribute' must name a column of " + data.name()
                        + ", was '" + attribute + "'" + Names.didYouMean(attribute, data.columnNames())
                        + "; its columns are " + String.join(", ", data.columnNames()));
            }
        }
        int k = attributes.size();
        String[][] columns = new String[k][];
        for (int a = 0; a < k; a++) {
            columns[a] = data.strings(attributes.get(a));
        }
        int n = outcomes.actual.length;
        double[] weights = outcomes.weights;
        long zeroWeightRows = 0;
        // Counts per value combination, in order of first appearance; a list key keeps several attributes apart
        // whatever their values contain.
        Map<List<String>, long[]> cells = new HashMap<>();
        Map<List<String>, Cells> weighted = weights == null ? null : new HashMap<>();
        List<String> key = new ArrayList<>(k);
        for (int r = 0; r < n; r++) {
            key.clear();
            for (int a = 0; a < k; a++) {
                String value = columns[a][r];
                if (value == null) {
                    throw new DataException("data set " + data.name() + ", attribute column '" + attributes.get(a)
                            + "': row " + (r + 1) + " is empty; every row needs a value to be put in a group (fill it,"
                            + " e.g. with 'unknown', or drop the row)");
                }
                key.add(value);
            }
            long[] counts = cells.get(key);
            if (counts == null) {
                counts = new long[4];
                List<String> copy = List.copyOf(key);
                cells.put(copy, counts);
                if (weighted != null) {
                    weighted.put(copy, new Cells());
                }
            }
            boolean actual = outcomes.actual[r];
            boolean predicted = outcomes.predicted[r];
            int cell = actual ? (predicted ? 0 : 2) : (predicted ? 1 : 3);
            if (weights != null) {
                // A row of weight 0 is in no weighted figure: its group is still listed, with the rows that weigh.
                if (weights[r] == 0) {
                    zeroWeightRows++;
                    continue;
                }
                weighted.get(key).add(cell, weights[r]);
            }
            counts[cell]++;
        }
        List<Group> groups = new ArrayList<>(cells.size());
        Counts overall = Counts.ZERO;
        for (Map.Entry<List<String>, long[]> cell : cells.entrySet()) {
            long[] c = cell.getValue();
            Group group;
            if (weighted == null) {
                group = new Group(cell.getKey(), new Counts(c[0], c[1], c[2], c[3]), null);
            } else {
                double[][] w = weighted.get(cell.getKey()).weights();
                group = new Group(
                        cell.getKey(),
                        new Counts(c[0], c[1], c[2], c[3], sum(w[0]), sum(w[1]), sum(w[2]), sum(w[3])),
                        w);
            }
            groups.add(group);
            overall = overall.plus(group.counts());
        }
        groups.sort(order(groups, k));
        return new GroupTable(List.copyOf(attributes), List.copyOf(groups), overall, zeroWeightRows);
    }

    /**
     * Returns the table of groups counted elsewhere, without sample weights (e.g. merged from the partitions of a Spark
     * {@code Dataset}): the groups sorted as the rows' groups are, and their sum. Groups without rows are left out, as
     * the rows never form them.
     */
    static GroupTable of(List<String> attributes, Map<List<String>, Counts> byGroup) {
        List<Group> groups = new ArrayList<>(byGroup.size());
        Counts overall = Counts.ZERO;
        for (Map.Entry<List<String>, Counts> cell : byGroup.entrySet()) {
            Counts counts = cell.getValue();
            if (counts.n() == 0) {
                continue;
            }
            groups.add(new Group(cell.getKey(), counts, null));
            overall = overall.plus(counts);
        }
        groups.sort(order(groups, attributes.size()));
        return new GroupTable(List.copyOf(attributes), List.copyOf(groups), overall, 0);
    }

    /** Sums in row order; NumPy's pairwise sum differs from it in the last bits only, far below 1e-9. */
    private static double sum(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s;
    }

    /** The weights of one group's rows, per confusion cell, as they are read. */
    private static final class Cells {
        private final double[][] weights = {new double[8], new double[8], new double[8], new double[8]};
        private final int[] sizes = new int[4];

        void add(int cell, double weight) {
            if (sizes[cell] == weights[cell].length) {
                weights[cell] = Arrays.copyOf(weights[cell], 2 * sizes[cell]);
            }
            weights[cell][sizes[cell]++] = weight;
        }

        double[][] weights() {
            double[][] out = new double[4][];
            for (int c = 0; c < 4; c++) {
                out[c] = Arrays.copyOf(weights[c], sizes[c]);
            }
            return out;
        }
    }

    private static Comparator<Group> order(List<Group> groups, int k) {
        List<Comparator<String>> perAttribute = new ArrayList<>(k);
        for (int a = 0; a < k; a++) {
            List<String> values = new ArrayList<>();
            for (Group g : groups) {
                values.add(g.values().get(a));
            }
            perAttribute.add(Outcomes.classOrder(values));
        }
        return (x, y) -> {
            for (int a = 0; a < k; a++) {
                int c = perAttribute
                        .get(a)
                        .compare(x.values().get(a), y.values().get(a));
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    /** Returns the index of the group with exactly these values, or -1. */
    int indexOf(List<String> values) {
        for (int i = 0; i < groups.size(); i++) {
            if (groups.get(i).values().equals(values)) {
                return i;
            }
        }
        return -1;
    }

    /** Returns the values of one attribute that occur, in group order, without repeats. */
    List<String> valuesOf(int attribute) {
        Map<String, Boolean> seen = new LinkedHashMap<>();
        for (Group g : groups) {
            seen.put(g.values().get(attribute), Boolean.TRUE);
        }
        return new ArrayList<>(seen.keySet());
    }
}
