package dev.modeltest.fairness;

import dev.modeltest.data.TestData;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
import dev.modeltest.internal.Names;
import java.util.ArrayList;
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

    /** One group: its values (one per attribute) and its counts. */
    record Group(List<String> values, Counts counts) {
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

    private GroupTable(List<String> attributes, List<Group> groups, Counts overall) {
        this.attributes = attributes;
        this.groups = groups;
        this.overall = overall;
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
        // Counts per value combination, in order of first appearance; a list key keeps several attributes apart
        // whatever their values contain.
        Map<List<String>, long[]> cells = new HashMap<>();
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
                cells.put(List.copyOf(key), counts);
            }
            boolean actual = outcomes.actual[r];
            boolean predicted = outcomes.predicted[r];
            counts[actual ? (predicted ? 0 : 2) : (predicted ? 1 : 3)]++;
        }
        Map<List<String>, Counts> byGroup = new HashMap<>();
        cells.forEach((group, c) -> byGroup.put(group, new Counts(c[0], c[1], c[2], c[3])));
        return of(attributes, byGroup);
    }

    /**
     * Returns the table of groups already counted (in memory, or merged from elsewhere): the groups sorted, and their
     * sum. Groups without rows are left out, as the rows in memory never form them.
     */
    static GroupTable of(List<String> attributes, Map<List<String>, Counts> byGroup) {
        int k = attributes.size();
        List<Group> groups = new ArrayList<>(byGroup.size());
        Counts overall = Counts.ZERO;
        for (Map.Entry<List<String>, Counts> cell : byGroup.entrySet()) {
            Counts counts = cell.getValue();
            if (counts.n() == 0) {
                continue;
            }
            groups.add(new Group(cell.getKey(), counts));
            overall = overall.plus(counts);
        }
        groups.sort(order(groups, k));
        return new GroupTable(List.copyOf(attributes), List.copyOf(groups), overall);
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
