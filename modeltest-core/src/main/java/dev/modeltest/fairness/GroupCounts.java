package dev.modeltest.fairness;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * The rows of a scored data set counted per group and per (true label, predicted label) pair: everything the fairness
 * checks decide from, since every group statistic, test and bootstrap interval of theirs depends on a group's rows only
 * through its confusion counts. Counts merged from anywhere (the partitions of a Spark {@code Dataset}, say) give the
 * same result as the rows in memory: {@link GroupCountsCheck#evaluate(GroupCounts, String, String)}.
 *
 * <pre>{@code
 * GroupCounts counts = GroupCounts.builder(List.of("sex"))
 *         .add(List.of("F"), "yes", "yes", 466)
 *         .add(List.of("F"), "yes", "no", 54)
 *         // ... one entry per (group, true label, predicted label) that occurs
 *         .build();
 * CheckResult result = parity.evaluate(counts, "loans 2026-12", "predictions column 'approved'");
 * }</pre>
 *
 * @since 0.2.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
public final class GroupCounts {

    /** One cell: a group (one value per attribute), a true label and a predicted label. */
    private record Cell(List<String> group, String actual, String predicted) {}

    private final List<String> attributes;
    private final Map<Cell, Long> cells;

    private GroupCounts(List<String> attributes, Map<Cell, Long> cells) {
        this.attributes = attributes;
        this.cells = cells;
    }

    /** Starts the counts of the groups formed by these attribute columns, in this order. */
    public static Builder builder(List<String> attributes) {
        return new Builder(List.copyOf(attributes));
    }

    /** Returns the attribute columns that form the groups. */
    public List<String> attributes() {
        return attributes;
    }

    /** Returns the labels that occur, true or predicted, in order of first appearance. */
    List<String> labels() {
        Set<String> labels = new LinkedHashSet<>();
        cells.keySet().forEach(c -> {
            labels.add(c.actual());
            labels.add(c.predicted());
        });
        return new ArrayList<>(labels);
    }

    /** Returns every group's confusion counts for the decision "the label is {@code positive}". */
    Map<List<String>, Counts> byGroup(String positive) {
        Map<List<String>, long[]> sums = new HashMap<>();
        cells.forEach((cell, rows) -> {
            boolean actual = cell.actual().equals(positive);
            boolean predicted = cell.predicted().equals(positive);
            sums.computeIfAbsent(cell.group(), g -> new long[4])[actual ? (predicted ? 0 : 2) : (predicted ? 1 : 3)] +=
                    rows;
        });
        Map<List<String>, Counts> groups = new HashMap<>();
        sums.forEach((group, c) -> groups.put(group, new Counts(c[0], c[1], c[2], c[3])));
        return groups;
    }

    /** Adds up counts per (group, true label, predicted label); adding a cell twice adds its rows. */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
    public static final class Builder {

        private final List<String> attributes;
        private final Map<Cell, Long> cells = new HashMap<>();

        private Builder(List<String> attributes) {
            if (attributes.isEmpty()) {
                throw new IllegalArgumentException("a group needs at least one attribute column");
            }
            this.attributes = attributes;
        }

        /**
         * Adds {@code rows} rows of one group with this true and predicted label.
         *
         * @param group the group: one value per attribute, in the order of the attributes; none missing
         * @param actual the true label
         * @param predicted the predicted label
         * @param rows how many rows, at least 0
         * @return this builder
         * @throws IllegalArgumentException if the group does not give one value per attribute, or rows is negative
         */
        public Builder add(List<String> group, String actual, String predicted, long rows) {
            List<String> values = List.copyOf(group);
            if (values.size() != attributes.size()) {
                throw new IllegalArgumentException(
                        "group " + values + " does not give one value per attribute " + attributes);
            }
            if (rows < 0) {
                throw new IllegalArgumentException("rows must be at least 0, was " + rows);
            }
            if (rows > 0) {
                cells.merge(
                        new Cell(values, Objects.requireNonNull(actual, "actual"), Objects.requireNonNull(predicted)),
                        rows,
                        Long::sum);
            }
            return this;
        }

        /** Returns the counts added so far. */
        public GroupCounts build() {
            return new GroupCounts(attributes, Map.copyOf(cells));
        }
    }
}
