package dev.modeltest.behaviour;

import dev.modeltest.data.ColumnKind;
import dev.modeltest.data.TestData;
import dev.modeltest.schema.ColumnRule;
import dev.modeltest.schema.Schema;
import dev.modeltest.schema.SchemaType;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Draws rows of the model's input columns: edge rows first (each column at its lowest and highest value, each of its
 * categories, missing where missing is allowed, a category never seen), each on a base row of middle values, then
 * random rows. A column's domain comes from its schema rule where the schema gives one (range, allowed values, type,
 * null fraction), else from what the test data holds (observed range, observed categories, observed share missing).
 */
final class RowGenerator {

    /** The value of the unseen-category edge row, unless the column holds it. */
    static final String UNSEEN = "unseen-category";

    /** The most categories of one column that get an edge row each. */
    static final int MAX_CATEGORY_EDGES = 50;

    /** One column's domain. */
    private record Domain(
            boolean numeric,
            boolean whole,
            double low,
            double high,
            List<Double> numbers,
            List<String> levels,
            double missing,
            boolean unseenAllowed) {

        double middle() {
            if (!numbers.isEmpty()) {
                return numbers.get(0);
            }
            double mid = low + (high - low) / 2;
            return whole ? Math.rint(mid) : mid;
        }
    }

    private final TestData data;
    private final List<String> features;
    private final List<Domain> domains = new ArrayList<>();

    RowGenerator(TestData data, List<String> features, Optional<Schema> schema) {
        this.data = data;
        this.features = features;
        for (String feature : features) {
            domains.add(domain(feature, schema.flatMap(s -> s.column(feature))));
        }
    }

    private Domain domain(String feature, Optional<ColumnRule> rule) {
        boolean numeric = data.kind(feature).isNumeric();
        double missingShare = observedMissing(feature);
        double missing = rule.map(r -> !r.nullable() ? 0 : r.hasMaxNullFraction() ? r.maxNullFraction() : missingShare)
                .orElse(missingShare);
        if (numeric) {
            double[] values = data.doubles(feature);
            double low = Double.POSITIVE_INFINITY;
            double high = Double.NEGATIVE_INFINITY;
            for (double v : values) {
                if (!Double.isNaN(v)) {
                    low = Math.min(low, v);
                    high = Math.max(high, v);
                }
            }
            if (low > high) {
                low = 0;
                high = 0;
            }
            boolean whole = data.kind(feature) == ColumnKind.INTEGER
                    || rule.map(r -> r.type() == SchemaType.INTEGER).orElse(false);
            List<Double> numbers = new ArrayList<>();
            if (rule.isPresent()) {
                ColumnRule r = rule.get();
                low = r.hasMin() ? r.min() : low;
                high = r.hasMax() ? r.max() : high;
                for (String allowed : r.allowed()) {
                    try {
                        numbers.add(Double.parseDouble(allowed.strip()));
                    } catch (NumberFormatException e) {
                        // Not a number: the column holds numbers in the data, so the value cannot be handed over.
                    }
                }
            }
            if (whole) {
                low = Math.ceil(low);
                high = Math.max(low, Math.floor(high));
            }
            return new Domain(true, whole, low, high, List.copyOf(numbers), List.of(), missing, false);
        }
        List<String> levels = rule.filter(r -> !r.allowed().isEmpty())
                .map(ColumnRule::allowed)
                .orElse(data.categories(feature).names());
        boolean constrained = rule.map(r -> !r.allowed().isEmpty()).orElse(false);
        return new Domain(false, false, 0, 0, List.of(), List.copyOf(levels), missing, !constrained);
    }

    private double observedMissing(String feature) {
        int missing = 0;
        for (int r = 0; r < data.rowCount(); r++) {
            if (data.isMissing(feature, r)) {
                missing++;
            }
        }
        return (double) missing / data.rowCount();
    }

    /** The rows drawn, and which of them are edge rows. */
    record Drawn(Inputs inputs, List<String> edges) {}

    /** Draws the edge rows, then {@code rows} random rows from a {@link SplittableRandom} of {@code seed}. */
    Drawn draw(int rows, long seed, String name) {
        List<String> edgeNames = new ArrayList<>();
        List<int[]> edgeCells = new ArrayList<>();
        List<Object> edgeValues = new ArrayList<>();
        for (int f = 0; f < features.size(); f++) {
            Domain d = domains.get(f);
            String column = features.get(f);
            if (d.numeric()) {
                if (d.numbers().isEmpty()) {
                    add(edgeNames, edgeCells, edgeValues, column + " at its lowest", f, d.low());
                    add(edgeNames, edgeCells, edgeValues, column + " at its highest", f, d.high());
                } else {
                    for (double v : d.numbers()) {
                        add(edgeNames, edgeCells, edgeValues, column + " = " + v, f, v);
                    }
                }
            } else {
                for (String level : d.levels().subList(0, Math.min(d.levels().size(), MAX_CATEGORY_EDGES))) {
                    add(edgeNames, edgeCells, edgeValues, column + " = " + level, f, level);
                }
                if (d.unseenAllowed() && !d.levels().contains(UNSEEN)) {
                    add(edgeNames, edgeCells, edgeValues, column + " a category never seen", f, UNSEEN);
                }
            }
            if (d.missing() > 0) {
                add(edgeNames, edgeCells, edgeValues, column + " missing", f, null);
            }
        }
        int edges = edgeNames.size();
        Inputs inputs = Inputs.empty(name, data, features, edges + rows);
        for (int r = 0; r < edges; r++) {
            for (int f = 0; f < features.size(); f++) {
                set(inputs, f, r, middle(f));
            }
            set(inputs, edgeCells.get(r)[0], r, edgeValues.get(r));
        }
        SplittableRandom random = new SplittableRandom(seed);
        for (int r = edges; r < edges + rows; r++) {
            for (int f = 0; f < features.size(); f++) {
                set(inputs, f, r, draw(domains.get(f), random));
            }
        }
        return new Drawn(inputs, edgeNames);
    }

    private Object middle(int f) {
        Domain d = domains.get(f);
        if (d.numeric()) {
            return d.middle();
        }
        return d.levels().isEmpty() ? null : d.levels().get(0);
    }

    private static Object draw(Domain d, SplittableRandom random) {
        // One draw for the missing cell and one for the value, always, so that a column's draws do not shift another's.
        boolean missing = random.nextDouble() < d.missing();
        Object value;
        if (d.numeric()) {
            if (!d.numbers().isEmpty()) {
                value = d.numbers().get(random.nextInt(d.numbers().size()));
            } else {
                double v = d.low() + random.nextDouble() * (d.high() - d.low());
                value = d.whole() ? Math.min(d.high(), Math.max(d.low(), Math.rint(v))) : v;
            }
        } else {
            value = d.levels().isEmpty()
                    ? null
                    : d.levels().get(random.nextInt(d.levels().size()));
        }
        return missing ? null : value;
    }

    private static void add(List<String> names, List<int[]> cells, List<Object> values, String what, int f, Object v) {
        names.add(what);
        cells.add(new int[] {f});
        values.add(v);
    }

    private static void set(Inputs inputs, int f, int row, Object value) {
        if (inputs.isNumeric(f)) {
            inputs.numbers(f)[row] = value == null ? Double.NaN : (Double) value;
        } else {
            inputs.texts(f)[row] = (String) value;
        }
    }
}
