package dev.modeltest.behaviour;

import dev.modeltest.check.Attachment;
import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Decision;
import dev.modeltest.check.Family;
import dev.modeltest.check.Format;
import dev.modeltest.check.IntervalPolicy;
import dev.modeltest.data.TestData;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
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
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Passes when raising a numeric feature moves the model's score only the given way: each test row with a value of the
 * feature is copied with the feature raised by {@code step}, and the copies are predicted. The score is a regressor's
 * value, or a classifier's probability of the positive class. A row <em>violates</em> the rule when its copy's score
 * went the wrong way by more than {@code tolerance}. The violation rate is reported with its Wilson interval and must
 * be at most {@code maxViolationRate}; the failure lists the worst violations.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class MonotonicityCheck implements Check {

    /** The check's identifier in results and reports. */
    public static final String ID = "monotonic";

    /** The share of the feature's standard deviation a step of 0 stands for. */
    public static final double DEFAULT_STEP_SPREAD = 0.1;

    private final String where;
    private final String feature;
    private final Direction direction;
    private final double step;
    private final String positiveClass;
    private final double tolerance;
    private final RateGate gate;

    /**
     * Creates the check.
     *
     * @param where where it was configured, for messages, e.g. {@code @Monotonic on CreditTest.income()}
     * @param feature the numeric input column to raise
     * @param direction the way the score must follow it
     * @param step how far to raise it, in its own units; 0 for a tenth of its standard deviation on the test data
     * @param positiveClass for a classifier, the class whose probability is the score; empty for the second of two
     * @param tolerance how far the score may move the wrong way without a violation, at least 0
     * @param maxViolationRate the highest violation rate that passes, in [0, 1]
     * @param confidence 0 to decide on the point value, else the level of the interval that decides, in (0, 1)
     * @throws ConfigurationException naming the attribute when a value is out of range
     */
    public MonotonicityCheck(
            String where,
            String feature,
            Direction direction,
            double step,
            String positiveClass,
            double tolerance,
            double maxViolationRate,
            double confidence) {
        this.where = Objects.requireNonNull(where, "where");
        this.feature = Objects.requireNonNull(feature, "feature");
        this.direction = Objects.requireNonNull(direction, "direction");
        if (!(step >= 0) || Double.isInfinite(step)) {
            throw ConfigurationException.badAttribute(
                    where,
                    "step",
                    "must be a positive finite number (or 0 for a tenth of the feature's standard deviation)",
                    Format.number(step));
        }
        if (!(tolerance >= 0) || Double.isInfinite(tolerance)) {
            throw ConfigurationException.badAttribute(
                    where, "tolerance", "must be a finite number of at least 0", Format.number(tolerance));
        }
        this.step = step;
        this.positiveClass = Objects.requireNonNull(positiveClass, "positiveClass");
        this.tolerance = tolerance;
        this.gate = new RateGate(where, "maxViolationRate", maxViolationRate, confidence);
    }

    /** Creates the check with the defaults: a step of a tenth of the spread, no violation allowed, on the point. */
    public MonotonicityCheck(String where, String feature, Direction direction) {
        this(where, feature, direction, 0, "", 0, 0, IntervalPolicy.CONFIDENCE);
    }

    @Override
    public CheckResult run(Subject subject) {
        Model model = Behaviour.model(subject, where);
        TestData data = subject.data();
        List<String> features = subject.features().names();
        Behaviour.requireFeature(where, "feature", feature, data, features);
        if (!data.kind(feature).isNumeric()) {
            throw ConfigurationException.badAttribute(
                    where,
                    "feature",
                    "must name a numeric input column; it holds "
                            + data.kind(feature).displayName() + " values in " + data.name(),
                    "'" + feature + "'");
        }
        int positive = positiveIndex(model);
        Predictions original = subject.predictions();
        double[] values = data.doubles(feature);
        double raiseBy = step > 0 ? step : DEFAULT_STEP_SPREAD * Spread.standardDeviation(values);
        if (!(raiseBy > 0)) {
            throw ConfigurationException.badAttribute(
                    where,
                    "step",
                    "must be given for feature '" + feature + "', which has no spread in " + data.name()
                            + " to take a tenth of",
                    "0");
        }
        int[] tried = Spread.present(values);
        if (tried.length == 0) {
            throw new DataException(where + ": column '" + feature + "' of " + data.name() + " has no value to raise");
        }
        Inputs inputs = Inputs.rowsOf(
                data,
                features,
                tried,
                "copies of rows of " + data.name() + " with '" + feature + "' raised by " + Format.number(raiseBy));
        double[] raised = inputs.numbers(inputs.index(feature));
        for (int i = 0; i < tried.length; i++) {
            raised[i] += raiseBy;
        }
        BatchPredictions changed = Behaviour.predict(model, inputs, where);

        List<Violation> violations = new ArrayList<>();
        for (int i = 0; i < tried.length; i++) {
            int row = tried[i];
            double before = positive < 0 ? original.predictedValue(row) : original.probability(row, positive);
            double after = positive < 0 ? changed.value(i) : changed.probability(i, positive);
            double wrongWay = direction.wrongWay(before, after);
            if (wrongWay > tolerance) {
                violations.add(new Violation(row, values[row], raised[i], before, after, wrongWay));
            }
        }
        violations.sort(
                Comparator.comparingDouble(Violation::wrongWay).reversed().thenComparingInt(Violation::row));
        RateGate.Rate rate = gate.measure(violations.size(), tried.length);
        Decision decision = gate.decide(rate);
        String score = positive < 0
                ? "the predicted value"
                : "the probability of class '" + model.classes().get(positive) + "'";
        List<String> lines = new ArrayList<>();
        CsvTable csv = CsvTable.of("row", feature, feature + " raised", "score", "score after", "wrong way by");
        if (!violations.isEmpty()) {
            lines.add("the worst violations (row: " + feature + " before → after, score before → after):");
        }
        String moved = direction == Direction.INCREASING ? "fell" : "rose";
        for (Violation v : violations) {
            csv.row(v.row() + 1, v.value(), v.raised(), v.before(), v.after(), v.wrongWay());
            if (lines.size() <= Behaviour.MAX_LISTED) {
                lines.add("  row " + (v.row() + 1) + ": " + feature + " " + Format.number(v.value()) + " → "
                        + Format.number(v.raised()) + ", " + Format.number(v.before()) + " → "
                        + Format.number(v.after()) + " (" + moved + " by " + Format.number(v.wrongWay()) + ")");
            }
        }
        if (violations.size() > Behaviour.MAX_LISTED) {
            lines.add("  ... and " + (violations.size() - Behaviour.MAX_LISTED) + " more violation(s)");
        }
        String message = gate.message(
                "the share of rows of " + data.name() + " where " + score + " of " + model.describe() + " "
                        + (direction == Direction.INCREASING ? "falls" : "rises") + " when '" + feature
                        + "' is raised by " + Format.number(raiseBy) + " (n=" + rate.n() + " rows)",
                rate,
                decision,
                "rows violated",
                lines);
        CheckResult.Builder result = CheckResult.builder(ID, Family.BEHAVIOUR)
                .qualifier(feature)
                .title(score + " " + direction.rule() + " as '" + feature + "' rises, on " + data.name())
                .message(message)
                .detail("feature", feature)
                .detail("direction", direction.name())
                .detail("step", raiseBy)
                .detail("score", score)
                .detail("tolerance", tolerance);
        gate.fill(result, rate, decision);
        if (!violations.isEmpty()) {
            result.attach(Attachment.csv("rows violating monotonicity in " + feature, csv::toString));
        }
        return result.build();
    }

    /** Returns the index of the class whose probability is the score; -1 for a regressor's value. */
    private int positiveIndex(Model model) {
        if (model.task() == Task.REGRESSION) {
            if (!positiveClass.isEmpty()) {
                throw ConfigurationException.badAttribute(
                        where,
                        "positiveClass",
                        "must be empty for a regressor (" + model.describe() + "), whose value is the score",
                        "'" + positiveClass + "'");
            }
            return -1;
        }
        if (!model.hasProbabilities()) {
            throw new ConfigurationException(where + ": " + model.describe() + " gives class labels only; a score that"
                    + " can rise or fall needs class probabilities or a regressor");
        }
        List<String> classes = model.classes();
        if (positiveClass.isEmpty()) {
            if (classes.size() != 2) {
                throw ConfigurationException.badAttribute(
                        where,
                        "positiveClass",
                        "must name the class whose probability is the score, for a model of " + classes.size()
                                + " classes (" + Echo.names(classes) + ")",
                        "''");
            }
            return 1;
        }
        int index = classes.indexOf(positiveClass);
        if (index < 0) {
            throw ConfigurationException.badAttribute(
                    where,
                    "positiveClass",
                    "must name one of the model's classes (" + Echo.names(classes) + ")"
                            + Names.didYouMean(positiveClass, classes),
                    "'" + positiveClass + "'");
        }
        return index;
    }

    private record Violation(int row, double value, double raised, double before, double after, double wrongWay) {}
}
