package dev.modeltest.drift;

import dev.modeltest.check.Format;
import dev.modeltest.error.ConfigurationException;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * How columns are compared and when a column counts as drifted.
 *
 * <p>A column drifts when its effect size is above the threshold <em>and</em> its adjusted p-value is at most the
 * level:
 *
 * <ul>
 *   <li>by default (no {@code threshold}, no {@code pValue}) the threshold is the method's default and the level 0.05:
 *       the <em>effect-size check</em>. On large samples the threshold decides (a tiny p-value alone does not flag a
 *       negligible shift); on small samples the p-value keeps sampling noise from being called drift;
 *   <li>with only {@code pValue} set there is no effect threshold: the <em>p-value check</em>;
 *   <li>with both set, both conditions hold.
 * </ul>
 *
 * @param method the comparison, {@link DriftMethod#AUTO} to choose per column
 * @param threshold the effect size above which a column drifts; {@code NaN} for the method's default (or none, when
 *     {@code pValue} is set)
 * @param pValue the level the adjusted p-value must not exceed for a column to drift, in (0, 1); {@code NaN} for the
 *     effect-size check's 0.05
 * @param correction the adjustment of the p-values for testing several columns
 * @param bins the number of reference-quantile bins of continuous columns for chi-square, PSI and JS, in [2, 100]
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record DriftOptions(DriftMethod method, double threshold, double pValue, Correction correction, int bins) {

    /** The level of the effect-size check's p-value condition. */
    public static final double DEFAULT_LEVEL = 0.05;

    /** The default number of bins: the reference deciles. */
    public static final int DEFAULT_BINS = 10;

    /** The largest number of bins accepted. */
    public static final int MAX_BINS = 100;

    public DriftOptions {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(correction, "correction");
    }

    /** Returns the defaults: {@link DriftMethod#AUTO}, the effect-size check, Holm's correction, 10 bins. */
    public static DriftOptions defaults() {
        return new DriftOptions(DriftMethod.AUTO, Double.NaN, Double.NaN, Correction.HOLM, DEFAULT_BINS);
    }

    /** Returns these options with another method. */
    public DriftOptions withMethod(DriftMethod value) {
        return new DriftOptions(value, threshold, pValue, correction, bins);
    }

    /** Returns these options with an effect-size threshold ({@code NaN} for the default). */
    public DriftOptions withThreshold(double value) {
        return new DriftOptions(method, value, pValue, correction, bins);
    }

    /** Returns these options with a p-value level ({@code NaN} for the effect-size check). */
    public DriftOptions withPValue(double value) {
        return new DriftOptions(method, threshold, value, correction, bins);
    }

    /** Returns these options with another correction. */
    public DriftOptions withCorrection(Correction value) {
        return new DriftOptions(method, threshold, pValue, value, bins);
    }

    /** Returns these options with another number of bins. */
    public DriftOptions withBins(int value) {
        return new DriftOptions(method, threshold, pValue, correction, value);
    }

    /**
     * Fails unless every value is in range, naming the attribute, e.g. {@code @NoDrift on IrisTest.stable():
     * 'threshold' must be in (0, 1) for KS, was 1.5}.
     *
     * @param where where the options were written, for the message
     * @return these options
     * @throws ConfigurationException naming the attribute and the value
     */
    public DriftOptions validate(String where) {
        if (!Double.isNaN(threshold)) {
            double max = method.maxEffect();
            boolean bounded = Double.isFinite(max);
            if (!(threshold > 0) || (bounded ? !(threshold < max) : Double.isInfinite(threshold))) {
                String range = bounded ? "in (0, " + Format.number(max) + ")" : "positive and finite";
                throw ConfigurationException.badAttribute(
                        where,
                        "threshold",
                        "must be " + range + " for " + method.displayName() + " (" + effectNames() + ")",
                        Format.number(threshold));
            }
        }
        if (!Double.isNaN(pValue) && !(pValue > 0 && pValue < 1)) {
            throw ConfigurationException.badAttribute(where, "pValue", "must be in (0, 1)", Format.number(pValue));
        }
        if (bins < 2 || bins > MAX_BINS) {
            throw ConfigurationException.badAttribute(where, "bins", "must be in [2, " + MAX_BINS + "]", bins);
        }
        return this;
    }

    private String effectNames() {
        return method == DriftMethod.AUTO ? "the effect size D or V" : "the effect size " + method.effectName();
    }

    /** Returns whether a p-value level was set and no threshold: the p-value gate. */
    public boolean isPValueGate() {
        return !Double.isNaN(pValue) && Double.isNaN(threshold);
    }

    /** Returns the level the adjusted p-value must not exceed for a column to drift. */
    public double level() {
        return Double.isNaN(pValue) ? DEFAULT_LEVEL : pValue;
    }

    /** Returns the effect threshold of a column compared with {@code chosen}, or {@code NaN} under the p-value gate. */
    public double thresholdFor(DriftMethod chosen) {
        if (!Double.isNaN(threshold)) {
            return threshold;
        }
        return isPValueGate() ? Double.NaN : chosen.defaultThreshold();
    }

    /** Describes the check for messages, e.g. {@code its effect size exceeds its threshold and Holm-adjusted p ≤ 0.05}. */
    public String describeGate() {
        String p = (correction == Correction.NONE ? "unadjusted" : correction.displayName() + "-adjusted") + " p ≤ "
                + Format.number(level());
        if (isPValueGate()) {
            return "its " + p;
        }
        String effect = Double.isNaN(threshold)
                ? "its effect size exceeds the method's threshold"
                : "its effect size exceeds " + Format.number(threshold);
        return effect + " and " + p;
    }
}
