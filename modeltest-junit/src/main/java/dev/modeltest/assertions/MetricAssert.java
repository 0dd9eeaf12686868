package dev.modeltest.assertions;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.gate.Bound;
import dev.modeltest.gate.MetricGate;
import dev.modeltest.metrics.Averaging;
import dev.modeltest.metrics.Binning;
import dev.modeltest.metrics.IntervalMethod;
import dev.modeltest.metrics.Metric;
import dev.modeltest.metrics.MetricOptions;
import dev.modeltest.metrics.MultiClass;
import dev.modeltest.metrics.ZeroDivision;
import dev.modeltest.model.Predictions;
import org.apiguardian.api.API;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one metric of {@link Predictions}, evaluated by the same {@link MetricGate} as the annotations, so a
 * failure reads exactly like {@code @MetricAtLeast}'s message. An INCONCLUSIVE interval decision fails too (AssertJ
 * has no "aborted"), with the check's message saying how many rows would decide.
 *
 * <p>Settings ({@code withConfidence}, {@code withSeed}, ...) apply to the bound asserted after them.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class MetricAssert extends AbstractAssert<MetricAssert, Predictions> {

    private final Metric metric;
    private final String where;
    private MetricOptions options;
    private double confidence;
    private long seed = MetricGate.DEFAULT_SEED;
    private int resamples = MetricGate.DEFAULT_RESAMPLES;
    private IntervalMethod interval = IntervalMethod.AUTO;
    private String[] slices;
    private String slicedBy;
    private int minSliceSize = MetricGate.DEFAULT_MIN_SLICE_SIZE;

    MetricAssert(Predictions actual, Metric metric, Averaging average, String where) {
        super(actual, MetricAssert.class);
        this.metric = metric;
        this.where = where;
        this.options = MetricOptions.defaults().withAverage(average);
    }

    /** Decides on the interval at this level in (0, 1) instead of the point value. */
    public MetricAssert withConfidence(double level) {
        this.confidence = level;
        return myself;
    }

    /** Sets the positive class, for {@link Averaging#BINARY} and one-class scores. */
    public MetricAssert withPositiveLabel(String positiveLabel) {
        this.options = options.withPositiveLabel(positiveLabel);
        return myself;
    }

    /** Sets the calibration bins of expected calibration error. */
    public MetricAssert withBins(int bins, Binning binning) {
        this.options = options.withBins(bins).withBinning(binning);
        return myself;
    }

    /**
     * Sets the beta of {@link Metric#F_BETA} (default 1).
     *
     * @since 0.2.0
     */
    public MetricAssert withBeta(double beta) {
        this.options = options.withBeta(beta);
        return myself;
    }

    /**
     * Sets the k of {@link Metric#TOP_K_ACCURACY} (default 2), or the cut-off of {@link Metric#NDCG} and {@link
     * Metric#MAP}, which also need predictions with their queries ({@link Predictions#withQueries}).
     *
     * @since 0.2.0
     */
    public MetricAssert withK(int k) {
        this.options = options.withK(k);
        return myself;
    }

    /**
     * Sets the alpha of {@link Metric#MEAN_PINBALL_LOSS} and {@link Metric#D2_PINBALL} (default 0.5).
     *
     * @since 0.2.0
     */
    public MetricAssert withAlpha(double alpha) {
        this.options = options.withAlpha(alpha);
        return myself;
    }

    /**
     * Sets the power of {@link Metric#MEAN_TWEEDIE_DEVIANCE} and {@link Metric#D2_TWEEDIE} (default 0).
     *
     * @since 0.2.0
     */
    public MetricAssert withPower(double power) {
        this.options = options.withPower(power);
        return myself;
    }

    /**
     * Sets whether {@link Metric#R2} and {@link Metric#EXPLAINED_VARIANCE} are forced finite (default true).
     *
     * @since 0.2.0
     */
    public MetricAssert withForceFinite(boolean forceFinite) {
        this.options = options.withForceFinite(forceFinite);
        return myself;
    }

    /**
     * Sets how {@link Metric#ROC_AUC} scores more than two classes (default {@link MultiClass#OVR}).
     *
     * @since 0.2.0
     */
    public MetricAssert withMultiClass(MultiClass multiClass) {
        this.options = options.withMultiClass(multiClass);
        return myself;
    }

    /**
     * Sets the false positive rate up to which {@link Metric#ROC_AUC} is the McClish-standardized partial AUC (default
     * 1, the whole curve).
     *
     * @since 0.2.0
     */
    public MetricAssert withMaxFpr(double maxFpr) {
        this.options = options.withMaxFpr(maxFpr);
        return myself;
    }

    /**
     * Sets what 0/0 is in precision, recall, F1, F-beta and Jaccard (default {@link ZeroDivision#ZERO}, scikit-learn's
     * default); {@link ZeroDivision#NAN} makes a 0/0 value undefined, which fails the assertion as INCONCLUSIVE with the
     * class named.
     *
     * @since 0.2.0
     */
    public MetricAssert withZeroDivision(ZeroDivision zeroDivision) {
        this.options = options.withZeroDivision(zeroDivision);
        return myself;
    }

    /** Sets the bootstrap seed (default 42). */
    public MetricAssert withSeed(long newSeed) {
        this.seed = newSeed;
        return myself;
    }

    /** Sets the number of bootstrap resamples (default 2000). */
    public MetricAssert withResamples(int newResamples) {
        this.resamples = newResamples;
        return myself;
    }

    /**
     * Sets how the interval is made (default {@link IntervalMethod#AUTO}: exact or analytic where theory gives one,
     * the bootstrap otherwise).
     *
     * @since 0.2.0
     */
    public MetricAssert withInterval(IntervalMethod method) {
        this.interval = method;
        return myself;
    }

    /**
     * Judges every slice: {@code values} holds one slice value per row ({@code null} for missing); every slice of at
     * least {@code minSliceSize} rows must hold.
     */
    public MetricAssert inEverySliceOf(String column, String[] values, int minSize) {
        this.slicedBy = column;
        this.slices = values.clone();
        this.minSliceSize = minSize;
        return myself;
    }

    /** Asserts the metric is at least {@code threshold}. */
    public MetricAssert isAtLeast(double threshold) {
        return check(Bound.AT_LEAST, threshold);
    }

    /** Asserts the metric is at most {@code threshold}. */
    public MetricAssert isAtMost(double threshold) {
        return check(Bound.AT_MOST, threshold);
    }

    private MetricAssert check(Bound bound, double threshold) {
        isNotNull();
        MetricGate gate = MetricGate.builder(where, metric, bound, threshold)
                .options(options)
                .confidence(confidence)
                .seed(seed)
                .resamples(resamples)
                .interval(interval)
                .slicedBy(slicedBy)
                .minSliceSize(minSliceSize)
                .build();
        CheckResult result = slices == null ? gate.evaluate(actual) : gate.evaluate(actual, slices);
        if (result.verdict() != Verdict.PASS) {
            // The message may hold '%' (as in "95% CI"): pass it as an argument, never as the format.
            throw failureWithActualExpected(
                    result.measured(), bound.symbol() + " " + threshold, "%s", result.message());
        }
        return myself;
    }
}
