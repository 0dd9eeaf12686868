package dev.modeltest.gate;

import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.check.Format;
import dev.modeltest.check.Interval;
import dev.modeltest.check.IntervalPolicy;
import dev.modeltest.check.ShouldNotBeWorseThanBaseline;
import dev.modeltest.check.Threshold;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.Direction;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricOptions;
import dev.modeltest.metrics.MetricSample;
import dev.modeltest.metrics.Metrics;
import dev.modeltest.model.Predictions;
import dev.modeltest.model.Task;
import dev.modeltest.subject.ModelSource;
import dev.modeltest.subject.Subject;
import dev.modeltest.subject.SubjectSpec;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * Champion/challenger: passes unless the model under test is worse than a baseline on the same rows by more than a
 * tolerance, with significance.
 *
 * <p>The comparison is paired, row by row: the exact McNemar test for accuracy, DeLong's test for a binary ROC AUC,
 * and a paired bootstrap for every other metric (and for one-vs-rest ROC AUC on more classes). It fails only when the
 * observed drop is larger than {@code tolerance} and the one-sided test of "the drop is at most the tolerance" gives
 * a p-value below {@code alpha}; a model that is as good, better, or worse only within noise passes. The message
 * gives both values, the difference {@code model − baseline} with its {@code 1 − alpha} interval (DeLong's normal
 * interval for ROC AUC, the paired bootstrap's percentile interval otherwise), and the p-value.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class NoRegressionCheck implements Check {

    /** The check's identifier in results and reports. */
    public static final String ID = "no-regression";

    private final String where;
    private final Metric metric;
    private final MetricOptions options;
    private final ModelSource baseline;
    private final double tolerance;
    private final double alpha;
    private final long seed;
    private final int resamples;

    private NoRegressionCheck(Builder b) {
        this.where = b.where;
        this.metric = b.metric;
        this.options = b.options;
        this.baseline = b.baseline;
        this.tolerance = b.tolerance;
        this.alpha = b.alpha;
        this.seed = b.seed;
        this.resamples = b.resamples;
    }

    /**
     * Starts the check.
     *
     * @param where where it was configured, for messages, e.g. {@code @NoRegressionVs on IrisTest.noWorse()}
     * @param metric the metric compared
     * @param baseline the baseline: a model file, a provider, or predictions columns of the same data
     */
    public static Builder builder(String where, Metric metric, ModelSource baseline) {
        return new Builder(where, metric, baseline);
    }

    /**
     * Predicts with the baseline on the subject's data (same file, label, features, missing values and sample: the
     * same seed draws the same rows) and compares. The baseline's predictions are built as the subject's are, by
     * {@link Subject}, and its model is closed afterwards.
     */
    @Override
    public CheckResult run(Subject subject) {
        SubjectSpec spec = subject.spec();
        Predictions model = subject.predictions();
        SubjectSpec baselineSpec = new SubjectSpec(
                where + " (baseline)",
                spec.data(),
                spec.label(),
                baseline,
                spec.features(),
                spec.task(),
                spec.missingValues(),
                spec.sampling(),
                spec.weightColumn().orElse(null));
        try (Subject base = Subject.of(baselineSpec)) {
            return compare(model, base.predictions(), baseline.describe());
        }
    }

    /**
     * Compares predictions of the model under test with a baseline's on the same rows, in the same order.
     *
     * @param baselineName how the baseline is named in the message, e.g. {@code model provider x.Y}
     * @throws ConfigurationException if the metric does not apply to either
     * @throws DataException if the two do not cover the same rows with the same true labels or values
     */
    public CheckResult compare(Predictions model, Predictions given, String baselineName) {
        Predictions base = sameWeights(model, given);
        requireApplicable(model, "the model");
        requireApplicable(base, "the baseline");
        requireSameRows(model, base);
        boolean weighted = model.weightColumn().isPresent();
        int n = model.size();
        double level = 1 - alpha;
        boolean higher = metric.direction() == Direction.HIGHER_IS_BETTER;
        MetricSample ms = Metrics.sample(model, metric, options);
        MetricSample bs = Metrics.sample(base, metric, options);
        double modelValue = ms.value();
        double baseValue = bs.value();
        if (Double.isNaN(modelValue) || Double.isNaN(baseValue)) {
            throw new DataException(where + ": " + metric.displayName() + " is undefined on " + model.dataName()
                    + " (NaN when " + metric.undefinedWhen() + "), so the model and the baseline cannot be compared");
        }
        PairedTests.Test test;
        Interval interval;
        String intervalHow;
        Optional<String> binaryPositive = binaryPositive(model);
        if (weighted) {
            // McNemar and DeLong count rows: with sample weights the paired bootstrap over the rows carries them.
            PairedTests.Outcome outcome =
                    PairedTests.pairedBootstrap(ms, bs, higher, tolerance, level, seed, resamples);
            test = outcome.test();
            interval = outcome.interval();
            intervalHow = test.description();
        } else if (metric == Metric.ACCURACY) {
            long b = 0;
            long c = 0;
            for (int i = 0; i < n; i++) {
                boolean modelRight = model.predictedLabel(i).equals(model.actualLabel(i));
                boolean baseRight = base.predictedLabel(i).equals(base.actualLabel(i));
                if (modelRight && !baseRight) {
                    b++;
                } else if (!modelRight && baseRight) {
                    c++;
                }
            }
            test = PairedTests.mcNemar(b, c, n, tolerance);
            PairedTests.Outcome boot = PairedTests.pairedBootstrap(ms, bs, true, tolerance, level, seed, resamples);
            interval = boot.interval();
            intervalHow = boot.test().description();
        } else if (metric == Metric.ROC_AUC && binaryPositive.isPresent()) {
            String positive = binaryPositive.get();
            boolean[] isPositive = new boolean[n];
            for (int i = 0; i < n; i++) {
                isPositive[i] = model.actualLabel(i).equals(positive);
            }
            double[] d = PairedTests.deLong(
                    isPositive,
                    model.probabilities(model.classes().indexOf(positive)),
                    base.probabilities(base.classes().indexOf(positive)));
            PairedTests.Outcome outcome = PairedTests.deLongTest(d, tolerance, level);
            test = outcome.test();
            interval = outcome.interval();
            intervalHow = "DeLong";
        } else {
            PairedTests.Outcome outcome =
                    PairedTests.pairedBootstrap(ms, bs, higher, tolerance, level, seed, resamples);
            test = outcome.test();
            interval = outcome.interval();
            intervalHow = test.description();
        }
        double difference = modelValue - baseValue;
        double drop = higher ? -difference : difference;
        boolean significant = test.pValue() < alpha;
        boolean fails = drop > tolerance && significant;
        String label = MetricCheckText.label(metric, options, model);
        String message = ShouldNotBeWorseThanBaseline.message(
                new ShouldNotBeWorseThanBaseline.Compared(
                        label,
                        model.dataName()
                                + model.weightColumn()
                                        .map(c -> " weighted by '" + c + "'")
                                        .orElse(""),
                        n,
                        baselineName),
                tolerance,
                modelValue,
                baseValue,
                new ShouldNotBeWorseThanBaseline.Paired(
                        difference, interval, intervalHow, test.pValue(), test.description()),
                drop,
                alpha);
        CheckResult.Builder result = CheckResult.builder(ID, Family.PERFORMANCE)
                .qualifier(metric.name().toLowerCase(Locale.ROOT))
                .title(label + " no worse than " + baselineName + " by more than " + Format.value(tolerance) + " on "
                        + model.dataName())
                .passedIf(!fails)
                .measured(difference)
                .interval(interval)
                .threshold(
                        higher ? Threshold.atLeast(-tolerance) : Threshold.atMost(tolerance),
                        "drop ≤ " + Format.value(tolerance) + " (alpha " + Format.number(alpha) + ")")
                .n(n)
                .message(message)
                .detail("metric", metric.name())
                .detail("model", modelValue)
                .detail("baseline", baseValue)
                .detail("baselineSource", baselineName)
                .detail("difference", difference)
                .detail("pValue", test.pValue())
                .detail("test", test.description())
                .detail("alpha", alpha);
        model.weightColumn().ifPresent(column -> result.detail("weights", column));
        return result.build();
    }

    /**
     * The baseline weighted as the model: the same rows weigh the same for both, so a baseline without weights takes
     * the model's, and a baseline weighted otherwise is refused.
     */
    private Predictions sameWeights(Predictions model, Predictions base) {
        double[] w = model.internalWeights();
        double[] bw = base.internalWeights();
        if (w == null && bw == null) {
            return base;
        }
        if (w == null || (bw != null && !java.util.Arrays.equals(w, bw))) {
            throw new ConfigurationException(where + ": the model's rows are weighted "
                    + model.weightColumn().map(c -> "by '" + c + "'").orElse("not at all")
                    + " but the baseline's "
                    + base.weightColumn().map(c -> "by '" + c + "'").orElse("not at all")
                    + "; a paired comparison weighs both alike");
        }
        if (bw != null) {
            return base;
        }
        if (base.size() != model.size()) {
            return base; // requireSameRows names the sizes
        }
        return base.wrapWeights(model.weightColumn().orElseThrow(), w);
    }

    /** The positive class when the metric scores one class against the rest of a binary problem, as ROC AUC does. */
    private Optional<String> binaryPositive(Predictions p) {
        if (p.task() != Task.CLASSIFICATION) {
            return Optional.empty();
        }
        if (options.positiveLabel() != null) {
            return Optional.of(options.positiveLabel());
        }
        boolean binary = options.average() == Averaging.AUTO || options.average() == Averaging.BINARY;
        return binary && p.classes().size() == 2 ? Optional.of(p.classes().get(1)) : Optional.empty();
    }

    private void requireApplicable(Predictions p, String who) {
        Optional<String> problem = Metrics.notApplicable(p, metric, options);
        if (problem.isPresent()) {
            throw new ConfigurationException(where + ": for " + who + ", " + problem.get());
        }
    }

    private void requireSameRows(Predictions model, Predictions base) {
        if (model.size() != base.size()) {
            throw new DataException(where + ": the model has " + model.size() + " predictions and the baseline "
                    + base.size() + "; a paired comparison needs the same rows");
        }
        if (model.task() != base.task()) {
            throw new ConfigurationException(where + ": the model is a "
                    + model.task().name().toLowerCase(java.util.Locale.ROOT) + " model but the baseline a "
                    + base.task().name().toLowerCase(java.util.Locale.ROOT) + " one");
        }
        for (int i = 0; i < model.size(); i++) {
            boolean same = model.task() == Task.CLASSIFICATION
                    ? model.actualLabel(i).equals(base.actualLabel(i))
                    : Double.compare(model.actualValue(i), base.actualValue(i)) == 0;
            if (!same) {
                throw new DataException(where + ": row " + (i + 1) + " of " + model.dataName()
                        + " has another true label for the baseline than for the model; the rows must be the same");
            }
        }
        if (model.task() == Task.CLASSIFICATION && !model.classes().equals(base.classes())) {
            throw new ConfigurationException(where + ": the model's classes " + model.classes()
                    + " differ from the baseline's " + base.classes() + "; compare models of the same classes");
        }
    }

    /** Builds a {@link NoRegressionCheck}, validating every setting with a message naming it. */
    public static final class Builder {
        private final String where;
        private final Metric metric;
        private final ModelSource baseline;
        private MetricOptions options = MetricOptions.defaults();
        private double tolerance;
        private double alpha = 0.05;
        private long seed = MetricGate.DEFAULT_SEED;
        private int resamples = MetricGate.DEFAULT_RESAMPLES;

        private Builder(String where, Metric metric, ModelSource baseline) {
            this.where = Objects.requireNonNull(where, "where");
            this.metric = Objects.requireNonNull(metric, "metric");
            this.baseline = Objects.requireNonNull(baseline, "baseline");
        }

        /** Sets the averaging, positive label and calibration bins. */
        public Builder options(MetricOptions newOptions) {
            this.options = Objects.requireNonNull(newOptions, "options");
            return this;
        }

        /** Sets how much worse than the baseline the model may be, in the metric's units, at least 0 (default 0). */
        public Builder tolerance(double newTolerance) {
            this.tolerance = newTolerance;
            return this;
        }

        /** Sets the significance level, in (0, 1) (default 0.05). */
        public Builder alpha(double newAlpha) {
            this.alpha = newAlpha;
            return this;
        }

        /** Sets the bootstrap seed (default {@value IntervalPolicy#SEED}). */
        public Builder seed(long newSeed) {
            this.seed = newSeed;
            return this;
        }

        /** Sets the number of bootstrap resamples, in [100, 1000000] (default {@value IntervalPolicy#RESAMPLES}). */
        public Builder resamples(int newResamples) {
            this.resamples = newResamples;
            return this;
        }

        /**
         * Builds the check.
         *
         * @throws ConfigurationException naming the setting when a value is out of range
         */
        public NoRegressionCheck build() {
            if (!(tolerance >= 0 && Double.isFinite(tolerance))) {
                throw ConfigurationException.badAttribute(
                        where, "tolerance", "must be a finite number of at least 0", Format.number(tolerance));
            }
            IntervalPolicy.requireConfidence(where, "alpha", alpha, false);
            IntervalPolicy.requireResamples(where, resamples);
            if (options.average() == dev.modeltest.metrics.Averaging.NONE) {
                throw ConfigurationException.badAttribute(
                        where,
                        "average",
                        "cannot be NONE here: the comparison with the baseline is of one number; use a metric check"
                                + " with 'average' NONE to judge every class",
                        options.average());
            }
            return new NoRegressionCheck(this);
        }
    }
}
