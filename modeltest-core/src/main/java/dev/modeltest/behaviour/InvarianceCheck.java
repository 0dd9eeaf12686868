package dev.modeltest.behaviour;

import dev.modeltest.check.Attachment;
import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Decision;
import dev.modeltest.check.Family;
import dev.modeltest.check.Format;
import dev.modeltest.check.IntervalPolicy;
import dev.modeltest.data.Categories;
import dev.modeltest.data.TestData;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.internal.Echo;
import dev.modeltest.internal.Names;
import dev.modeltest.model.BatchPredictions;
import dev.modeltest.model.Model;
import dev.modeltest.model.Predictions;
import dev.modeltest.model.Task;
import dev.modeltest.report.CsvTable;
import dev.modeltest.subject.Subject;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.apiguardian.api.API;

/**
 * Passes when changing only one column does not change the prediction: each test row whose value of the column is
 * among the given values (or, with none given, any row with a value) is copied once for each other value, only that
 * column changed, and the copies are predicted. A row <em>flips</em> when any of its copies is predicted another class
 * than the row itself (a classifier), or a value further than {@code tolerance} from the row's own (a regressor:
 * {@code |after − before| > tolerance}). The flip rate (flipped rows over rows tried) is reported with its Wilson
 * interval and must be at most {@code maxFlipRate}, decided on the point (default) or the interval like the metric
 * checks.
 *
 * <p>Without values, the column may hold at most {@value #MAX_OBSERVED_VALUES} distinct values.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class InvarianceCheck implements Check {

    /** The check's identifier in results and reports. */
    public static final String ID = "invariant-to";

    /** The most distinct values a column may hold to be swapped between all of them, without {@code values}. */
    public static final int MAX_OBSERVED_VALUES = 20;

    private final String where;
    private final String column;
    private final List<String> values;
    private final double tolerance;
    private final RateGate gate;

    /**
     * Creates the check.
     *
     * @param where where it was configured, for messages, e.g. {@code @InvariantTo on CreditTest.genderBlind()}
     * @param column the column to change, one of the model's inputs
     * @param values the values to swap between, as the data writes them (at least two, each occurring in the column);
     *     empty for every value the column holds
     * @param maxFlipRate the highest flip rate that passes, in [0, 1]
     * @param tolerance for a regressor, how far a copy's predicted value may move from the row's own without a flip,
     *     in the label's units, at least 0; must be 0 for a classifier, whose rows flip when the class changes
     * @param confidence 0 to decide on the point value, else the level of the interval that decides, in (0, 1)
     * @throws ConfigurationException naming the attribute when a value is out of range
     * @since 0.1.0
     */
    public InvarianceCheck(
            String where, String column, List<String> values, double maxFlipRate, double tolerance, double confidence) {
        this.where = Objects.requireNonNull(where, "where");
        this.column = Objects.requireNonNull(column, "column");
        this.values = List.copyOf(values);
        this.gate = new RateGate(where, "maxFlipRate", maxFlipRate, confidence);
        if (new LinkedHashSet<>(values).size() == 1) {
            throw ConfigurationException.badAttribute(
                    where, "values", "must list at least two values to swap between (or none, for all)", values);
        }
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw ConfigurationException.badAttribute(
                    where, "tolerance", "must be a finite number of at least 0", Format.number(tolerance));
        }
        this.tolerance = tolerance;
    }

    /**
     * Creates the check with a tolerance of 0: a regressor's row flips when its predicted value moves at all.
     *
     * @see #InvarianceCheck(String, String, List, double, double, double)
     */
    public InvarianceCheck(String where, String column, List<String> values, double maxFlipRate, double confidence) {
        this(where, column, values, maxFlipRate, 0, confidence);
    }

    /** Creates the check with the defaults: every value of the column, no flip allowed, decided on the point. */
    public InvarianceCheck(String where, String column) {
        this(where, column, List.of(), 0, 0, IntervalPolicy.CONFIDENCE);
    }

    @Override
    public CheckResult run(Subject subject) {
        Model model = Behaviour.model(subject, where);
        TestData data = subject.data();
        List<String> features = subject.features().names();
        Behaviour.requireFeature(where, "column", column, data, features);
        boolean classifier = model.task() == Task.CLASSIFICATION;
        if (classifier && tolerance != 0) {
            throw ConfigurationException.badAttribute(
                    where,
                    "tolerance",
                    "applies to regressors, whose predicted value moves by an amount, but the model ("
                            + model.describe() + ") is a classifier, whose rows flip when their class changes",
                    Format.number(tolerance));
        }
        Categories categories = data.categories(column);
        List<String> levels = levels(data, categories.names());
        Predictions original = subject.predictions();

        int[] codes = categories.codes();
        int[] levelOf = new int[categories.names().size()];
        for (int c = 0; c < levelOf.length; c++) {
            levelOf[c] = levels.indexOf(categories.names().get(c));
        }
        List<Integer> tried = new ArrayList<>();
        for (int r = 0; r < codes.length; r++) {
            if (codes[r] >= 0 && levelOf[codes[r]] >= 0) {
                tried.add(r);
            }
        }
        int copies = levels.size() - 1;
        int[] picked = new int[tried.size() * copies];
        String[] changedTo = new String[picked.length];
        for (int t = 0; t < tried.size(); t++) {
            int row = tried.get(t);
            int own = levelOf[codes[row]];
            int j = 0;
            for (int l = 0; l < levels.size(); l++) {
                if (l != own) {
                    picked[t * copies + j] = row;
                    changedTo[t * copies + j] = levels.get(l);
                    j++;
                }
            }
        }
        Inputs inputs = Inputs.rowsOf(
                data, features, picked, "copies of rows of " + data.name() + " with '" + column + "' changed");
        int f = inputs.index(column);
        for (int i = 0; i < picked.length; i++) {
            if (inputs.isNumeric(f)) {
                inputs.numbers(f)[i] = Double.parseDouble(changedTo[i]);
            } else {
                inputs.texts(f)[i] = changedTo[i];
            }
        }
        BatchPredictions changed = Behaviour.predict(model, inputs, where);

        List<Flip> flips = new ArrayList<>();
        long flipped = 0;
        for (int t = 0; t < tried.size(); t++) {
            int row = tried.get(t);
            boolean rowFlipped = false;
            for (int j = 0; j < copies; j++) {
                int i = t * copies + j;
                double moved = classifier ? 0 : Math.abs(changed.value(i) - original.predictedValue(row));
                boolean isFlip =
                        classifier ? original.predictedClass(row) != changed.predictedClass(i) : moved > tolerance;
                if (isFlip) {
                    flips.add(new Flip(row, i, moved));
                    rowFlipped = true;
                }
            }
            if (rowFlipped) {
                flipped++;
            }
        }
        if (!classifier) {
            // Worst first: the rows whose value moved furthest are the ones to look at.
            flips.sort(Comparator.comparingDouble(Flip::moved).reversed().thenComparingInt(Flip::row));
        }
        CsvTable csv = classifier
                ? CsvTable.of("row", "column", "value", "changed to", "predicted", "predicted after change")
                : CsvTable.of(
                        "row", "column", "value", "changed to", "predicted", "predicted after change", "moved by");
        List<String> listed = new ArrayList<>();
        Set<Integer> listedRows = new HashSet<>();
        for (Flip flip : flips) {
            int row = flip.row();
            String from = categories.names().get(codes[row]);
            String to = changedTo[flip.copy()];
            String before;
            String after;
            if (classifier) {
                before = original.classes().get(original.predictedClass(row));
                after = original.classes().get(changed.predictedClass(flip.copy()));
                csv.row(row + 1, column, from, to, before, after);
            } else {
                before = Format.number(original.predictedValue(row));
                after = Format.number(changed.value(flip.copy()));
                csv.row(
                        row + 1,
                        column,
                        from,
                        to,
                        original.predictedValue(row),
                        changed.value(flip.copy()),
                        flip.moved());
            }
            if (listed.size() < Behaviour.MAX_LISTED && listedRows.add(row)) {
                listed.add("  row " + (row + 1) + ": " + column + " " + from + " → " + to + ", " + before + " → "
                        + after + (classifier ? "" : " (moved by " + Format.number(flip.moved()) + ")"));
            }
        }
        RateGate.Rate rate = gate.measure(flipped, tried.size());
        Decision decision = gate.decide(rate);
        List<String> lines = new ArrayList<>();
        if (flipped > 0) {
            lines.add(
                    classifier
                            ? "flipped rows (row: change, predicted class before → after):"
                            : "flipped rows, the largest moves first (row: change, predicted value before → after):");
            lines.addAll(listed);
            if (flipped > listed.size()) {
                lines.add("  ... and " + (flipped - listed.size()) + " more flipped row(s)");
            }
        }
        String between = String.join(", ", levels);
        String message = gate.message(
                "the flip rate of " + model.describe() + " on " + data.name() + " when only '" + column
                        + "' changes, between " + between
                        + (classifier
                                ? ""
                                : ", a row flipping when its predicted value moves by more than "
                                        + Format.number(tolerance))
                        + " (n=" + rate.n() + " rows)",
                rate,
                decision,
                "rows flipped",
                lines);
        CheckResult.Builder result = CheckResult.builder(ID, Family.BEHAVIOUR)
                .qualifier(column)
                .title("predicted " + (classifier ? "class" : "value") + " invariant to '" + column + "' on "
                        + data.name())
                .message(message)
                .detail("column", column)
                .detail("values", levels)
                .detail("copiesPredicted", picked.length);
        if (!classifier) {
            result.detail("tolerance", tolerance);
        }
        gate.fill(result, rate, decision);
        if (flipped > 0) {
            result.attach(Attachment.csv("rows flipped by changing " + column, csv::toString));
        }
        return result.build();
    }

    /** A changed copy that flipped: the test row (from 0), the copy's index, and how far a regressor's value moved. */
    private record Flip(int row, int copy, double moved) {}

    /** Returns the values to swap between: the given ones, checked against the column, or every value it holds. */
    private List<String> levels(TestData data, List<String> observed) {
        if (values.isEmpty()) {
            if (observed.size() < 2) {
                throw ConfigurationException.badAttribute(
                        where,
                        "column",
                        "must name a column with at least two values to swap between; it holds "
                                + (observed.isEmpty() ? "no value" : "only '" + observed.get(0) + "'") + " in "
                                + data.name(),
                        "'" + column + "'");
            }
            if (observed.size() > MAX_OBSERVED_VALUES) {
                throw ConfigurationException.badAttribute(
                        where,
                        "values",
                        "must name the values to swap between for column '" + column + "', which holds "
                                + observed.size() + " distinct values in " + data.name() + " (at most "
                                + MAX_OBSERVED_VALUES + " are swapped between without 'values')",
                        "{}");
            }
            return observed;
        }
        boolean numeric = data.kind(column).isNumeric();
        Set<String> levels = new LinkedHashSet<>();
        for (String value : values) {
            String normal = numeric ? normalNumber(value) : value;
            if (normal == null || !observed.contains(normal)) {
                throw ConfigurationException.badAttribute(
                        where,
                        "values",
                        "must list values that occur in column '" + column + "' of " + data.name() + "; '" + value
                                + "' never does" + Names.didYouMean(value, observed) + "; it holds "
                                + Echo.names(observed),
                        values);
            }
            levels.add(normal);
        }
        return List.copyOf(levels);
    }

    /** Writes a number as the data's categories write it ({@code 1.0} as {@code 1}); {@code null} if not a number. */
    private static String normalNumber(String value) {
        double v;
        try {
            v = Double.parseDouble(value.strip());
        } catch (NumberFormatException e) {
            return null;
        }
        return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
    }
}
