package dev.modeltest.behaviour;

import dev.modeltest.check.Attachment;
import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Decision;
import dev.modeltest.check.Family;
import dev.modeltest.check.Format;
import dev.modeltest.check.Interval;
import dev.modeltest.check.IntervalPolicy;
import dev.modeltest.check.ShouldBeWithinBound;
import dev.modeltest.check.Threshold;
import dev.modeltest.check.Verdict;
import dev.modeltest.data.ColumnKind;
import dev.modeltest.data.TestData;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.model.BatchPredictions;
import dev.modeltest.model.Model;
import dev.modeltest.model.Predictions;
import dev.modeltest.model.Task;
import dev.modeltest.report.CsvTable;
import dev.modeltest.stats.StudentT;
import dev.modeltest.subject.Subject;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.SplittableRandom;
import org.apiguardian.api.API;

/**
 * Passes when seeded noise on the inputs barely changes the predictions. Every test row is copied with noise on the
 * chosen columns: a number gets Gaussian noise of standard deviation {@code sigma} times its column's standard
 * deviation on the test data (rounded to a whole number in a whole-number column); a category (any other column)
 * changes, with probability {@code sigma}, to another of the values its column holds, drawn uniformly. Missing cells
 * stay missing. The noise is drawn from one {@link SplittableRandom} of the seed, column by column and row by row, so
 * the same seed gives the same copies whatever the threads.
 *
 * <p>For a classifier, the flip rate (rows whose copy is predicted another class) is reported with its Wilson interval
 * and must be at most {@code maxFlipRate}. For a regressor, the mean absolute change of the predicted value is
 * reported with its Student-t interval and must be at most {@code maxMeanChange}.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class NoiseStabilityCheck implements Check {

    /** The check's identifier in results and reports. */
    public static final String ID = "stable-under-noise";

    /** The default {@code sigma}: noise of 5% of each column's standard deviation. */
    public static final double SIGMA = 0.05;

    /** The default {@code maxFlipRate}. */
    public static final double MAX_FLIP_RATE = 0.02;

    private final String where;
    private final List<String> columns;
    private final double sigma;
    private final double maxFlipRate;
    private final double maxMeanChange;
    private final long seed;
    private final double confidence;

    /**
     * Creates the check.
     *
     * @param where where it was configured, for messages, e.g. {@code @StableUnderNoise on IrisTest.robust()}
     * @param columns the input columns to blur; empty for every input column
     * @param sigma the noise's standard deviation as a share of each number column's, and the chance a category
     *     changes; in (0, 1]
     * @param maxFlipRate for a classifier, the highest flip rate that passes, in [0, 1]
     * @param maxMeanChange for a regressor, the highest mean absolute change that passes, in the label's units; NaN
     *     (unset) for a classifier
     * @param seed the noise's seed
     * @param confidence 0 to decide on the point value, else the level of the interval that decides, in (0, 1)
     * @throws ConfigurationException naming the attribute when a value is out of range
     */
    public NoiseStabilityCheck(
            String where,
            List<String> columns,
            double sigma,
            double maxFlipRate,
            double maxMeanChange,
            long seed,
            double confidence) {
        this.where = Objects.requireNonNull(where, "where");
        this.columns = List.copyOf(new LinkedHashSet<>(columns));
        if (!(sigma > 0 && sigma <= 1)) {
            throw ConfigurationException.badAttribute(
                    where,
                    "sigma",
                    "must be in (0, 1] (the noise's standard deviation as a share of each column's, and the chance"
                            + " that a category changes)",
                    Format.number(sigma));
        }
        if (!Double.isNaN(maxMeanChange) && !(maxMeanChange >= 0 && Double.isFinite(maxMeanChange))) {
            throw ConfigurationException.badAttribute(
                    where, "maxMeanChange", "must be a finite number of at least 0", Format.number(maxMeanChange));
        }
        // Validates maxFlipRate and confidence together, as the other rate checks do.
        new RateGate(where, "maxFlipRate", maxFlipRate, Double.isNaN(maxMeanChange) ? confidence : 0);
        IntervalPolicy.requireConfidence(where, "confidence", confidence, true);
        this.sigma = sigma;
        this.maxFlipRate = maxFlipRate;
        this.maxMeanChange = maxMeanChange;
        this.seed = seed;
        this.confidence = confidence;
    }

    /** Creates the check with the defaults: every input, sigma 0.05, flip rate at most 0.02, seed 42, on the point. */
    public NoiseStabilityCheck(String where) {
        this(where, List.of(), SIGMA, MAX_FLIP_RATE, Double.NaN, IntervalPolicy.SEED, IntervalPolicy.CONFIDENCE);
    }

    @Override
    public CheckResult run(Subject subject) {
        Model model = Behaviour.model(subject, where);
        TestData data = subject.data();
        List<String> features = subject.features().names();
        for (String column : columns) {
            Behaviour.requireFeature(where, "columns", column, data, features);
        }
        boolean classifier = model.task() == Task.CLASSIFICATION;
        if (classifier && !Double.isNaN(maxMeanChange)) {
            throw ConfigurationException.badAttribute(
                    where,
                    "maxMeanChange",
                    "applies to regressors, but the model (" + model.describe() + ") is a classifier; bound its flip"
                            + " rate with 'maxFlipRate'",
                    Format.number(maxMeanChange));
        }
        if (!classifier && Double.isNaN(maxMeanChange)) {
            throw ConfigurationException.badAttribute(
                    where,
                    "maxMeanChange",
                    "must be given for a regressor (" + model.describe() + "): the highest mean absolute change of"
                            + " its predicted value, in the label's units",
                    "unset");
        }
        List<String> blurred = columns.isEmpty() ? features : columns;
        Predictions original = subject.predictions();
        int n = data.rowCount();
        int[] every = new int[n];
        for (int r = 0; r < n; r++) {
            every[r] = r;
        }
        Inputs inputs = Inputs.rowsOf(
                data, features, every, "copies of rows of " + data.name() + " with noise (sigma " + sigma + ")");
        blur(data, inputs, blurred);
        BatchPredictions changed = Behaviour.predict(model, inputs, where);
        String scope = (columns.isEmpty() ? "every input" : "'" + String.join("', '", blurred) + "'") + " (sigma "
                + Format.number(sigma) + ", seed " + seed + ")";
        CheckResult.Builder result = classifier
                ? flips(data, inputs, original, changed, blurred, scope, model)
                : changes(data, inputs, original, changed, blurred, scope, model);
        return result.detail("columns", blurred)
                .detail("sigma", sigma)
                .detail("seed", seed)
                .build();
    }

    /** Adds seeded noise to the blurred columns of {@code inputs}, in place. */
    private void blur(TestData data, Inputs inputs, List<String> blurred) {
        SplittableRandom random = new SplittableRandom(seed);
        for (String column : blurred) {
            int f = inputs.index(column);
            if (inputs.isNumeric(f)) {
                double[] values = inputs.numbers(f);
                double scale = sigma * Spread.standardDeviation(data.doubles(column));
                boolean whole = data.kind(column) == ColumnKind.INTEGER;
                for (int r = 0; r < values.length; r++) {
                    double noise = random.nextGaussian() * scale;
                    if (!Double.isNaN(values[r])) {
                        values[r] = whole ? Math.rint(values[r] + noise) : values[r] + noise;
                    }
                }
            } else {
                String[] values = inputs.texts(f);
                List<String> levels = data.categories(column).names();
                for (int r = 0; r < values.length; r++) {
                    boolean change = random.nextDouble() < sigma;
                    int pick = levels.size() > 1 ? random.nextInt(levels.size() - 1) : 0;
                    if (change && values[r] != null && levels.size() > 1) {
                        int own = levels.indexOf(values[r]);
                        values[r] = levels.get(pick >= own ? pick + 1 : pick);
                    }
                }
            }
        }
    }

    private CheckResult.Builder flips(
            TestData data,
            Inputs inputs,
            Predictions original,
            BatchPredictions changed,
            List<String> blurred,
            String scope,
            Model model) {
        RateGate gate = new RateGate(where, "maxFlipRate", maxFlipRate, confidence);
        List<String> listed = new ArrayList<>();
        CsvTable csv = CsvTable.of("row", "changed cells", "predicted", "predicted with noise");
        long flipped = 0;
        for (int r = 0; r < inputs.rows(); r++) {
            int before = original.predictedClass(r);
            int after = changed.predictedClass(r);
            if (before != after) {
                flipped++;
                String cells = changedCells(data, inputs, blurred, r);
                String from = original.classes().get(before);
                String to = original.classes().get(after);
                csv.row(r + 1, cells, from, to);
                if (listed.size() < Behaviour.MAX_LISTED) {
                    listed.add("  row " + (r + 1) + ": " + cells + "; " + from + " → " + to);
                }
            }
        }
        RateGate.Rate rate = gate.measure(flipped, inputs.rows());
        Decision decision = gate.decide(rate);
        List<String> lines = new ArrayList<>();
        if (flipped > 0) {
            lines.add("flipped rows (row: cells before → with noise; predicted class before → with noise):");
            lines.addAll(listed);
            if (flipped > listed.size()) {
                lines.add("  ... and " + (flipped - listed.size()) + " more flipped row(s)");
            }
        }
        String message = gate.message(
                "the flip rate of " + model.describe() + " on " + data.name() + " with noise on " + scope + " (n="
                        + rate.n() + " rows)",
                rate,
                decision,
                "rows flipped",
                lines);
        CheckResult.Builder result = CheckResult.builder(ID, Family.BEHAVIOUR)
                .title("predicted class stable under noise on " + data.name())
                .message(message);
        gate.fill(result, rate, decision);
        if (flipped > 0) {
            result.attach(Attachment.csv("rows flipped by noise", csv::toString));
        }
        return result;
    }

    private CheckResult.Builder changes(
            TestData data,
            Inputs inputs,
            Predictions original,
            BatchPredictions changed,
            List<String> blurred,
            String scope,
            Model model) {
        int n = inputs.rows();
        double[] change = new double[n];
        Integer[] order = new Integer[n];
        for (int r = 0; r < n; r++) {
            change[r] = Math.abs(changed.value(r) - original.predictedValue(r));
            order[r] = r;
        }
        double level = IntervalPolicy.reportedLevel(confidence);
        double mean;
        Interval interval = null;
        if (n >= 2) {
            StudentT.Result t = StudentT.mean(change, level);
            mean = t.mean();
            interval = new Interval(Math.max(0, t.lower()), t.upper(), level, "Student-t");
        } else {
            mean = change[0];
        }
        Decision decision = Decision.of(Threshold.Comparison.AT_MOST, maxMeanChange, confidence, mean, interval, n);
        int decimals = Format.decimals(mean, maxMeanChange);
        Arrays.sort(order, Comparator.comparingDouble((Integer r) -> change[r]).reversed());
        List<String> lines = new ArrayList<>();
        lines.add(RateGate.ending(decision, confidence, mean, maxMeanChange, n, decimals));
        CsvTable csv = CsvTable.of("row", "changed cells", "predicted", "predicted with noise", "absolute change");
        if (decision.verdict() != Verdict.PASS) {
            lines.add("the largest changes (row: cells before → with noise; predicted value before → with noise):");
            for (int i = 0; i < Math.min(Behaviour.MAX_LISTED, n); i++) {
                int r = order[i];
                lines.add("  row " + (r + 1) + ": " + changedCells(data, inputs, blurred, r) + "; "
                        + Format.number(original.predictedValue(r)) + " → " + Format.number(changed.value(r)));
            }
        }
        for (int i = 0; i < n; i++) {
            int r = order[i];
            csv.row(
                    r + 1,
                    changedCells(data, inputs, blurred, r),
                    original.predictedValue(r),
                    changed.value(r),
                    change[r]);
        }
        String actual = Format.value(mean, decimals)
                + (interval == null ? " (no interval: one row)" : " (" + interval + ", Student-t)");
        String message = ShouldBeWithinBound.message(
                "the mean absolute change of the predicted value of " + model.describe() + " on " + data.name()
                        + " with noise on " + scope + " (n=" + n + " rows)",
                actual,
                Threshold.Comparison.AT_MOST,
                confidence,
                maxMeanChange,
                decimals,
                lines);
        CheckResult.Builder result = CheckResult.builder(ID, Family.BEHAVIOUR)
                .title("predicted value stable under noise on " + data.name())
                .verdict(decision.verdict())
                .measured(mean)
                .interval(interval)
                .threshold(Threshold.atMost(maxMeanChange), decimals)
                .n(n)
                .message(message)
                .detail("decidedOn", confidence == 0 ? "point" : Format.percent(confidence) + " interval")
                .detail("intervalMethod", "Student-t");
        if (decision.rowsNeeded() != 0) {
            result.detail("estimatedRowsNeeded", decision.rowsNeeded());
        }
        result.attach(Attachment.csv("largest changes under noise", csv::toString));
        return result;
    }

    /** Returns the cells the noise changed on a row: {@code x1 0.1 → 0.1032, color red → blue}, or {@code none}. */
    private static String changedCells(TestData data, Inputs inputs, List<String> blurred, int row) {
        List<String> cells = new ArrayList<>();
        for (String column : blurred) {
            int f = inputs.index(column);
            String before = inputs.isNumeric(f)
                    ? cellOf(data.doubles(column)[row])
                    : Objects.requireNonNullElse(data.strings(column)[row], "NA");
            String after = inputs.cell(f, row);
            if (!before.equals(after)) {
                cells.add(column + " " + before + " → " + after);
            }
        }
        return cells.isEmpty() ? "no cell changed" : String.join(", ", cells);
    }

    private static String cellOf(double v) {
        return Double.isNaN(v) ? "NA" : Format.number(v);
    }
}
