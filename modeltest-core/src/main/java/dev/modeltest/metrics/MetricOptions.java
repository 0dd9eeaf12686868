package dev.modeltest.metrics;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How to compute a metric: averaging, positive class, the binning of expected calibration error, the beta of F-beta,
 * the k of top-k accuracy (and of NDCG@k and MAP@k), the alpha of the pinball metrics, the power of the Tweedie
 * metrics, whether R² and explained variance are forced finite, and how ROC AUC scores more classes and how much of
 * its curve it takes,
 * and what 0/0 is in precision, recall, F1, F-beta and Jaccard.
 *
 * <p>Immutable; start from {@link #defaults()} and change what you need:
 * {@code MetricOptions.defaults().withAverage(Averaging.WEIGHTED)}.
 *
 * @param average how per-class values become one number; {@link Averaging#AUTO} by default
 * @param positiveLabel the positive class's name for {@link Averaging#BINARY}, or {@code null} for the default (the
 *     second class when there are two)
 * @param bins the number of confidence bins of expected calibration error, in {@code [1, 10000]}; 10 by default
 * @param binning how those bins are laid out; {@link Binning#EQUAL_WIDTH} by default
 * @param beta how many times as much recall counts as precision in {@link Metric#F_BETA}, finite and above 0; 1 by
 *     default, and only F-beta accepts another value (since 0.2.0)
 * @param k how many of the highest-scored classes may hold the true class in {@link Metric#TOP_K_ACCURACY}, at least
 *     1; 2 by default (scikit-learn's default), and only top-k accuracy accepts another value (since 0.2.0); also the
 *     cut-off of {@link Metric#NDCG} and {@link Metric#MAP} (the top {@code k} rows of each query), which should be
 *     given: their 2 is this shared default, not scikit-learn's (all rows)
 * @param alpha the quantile level of {@link Metric#MEAN_PINBALL_LOSS} and {@link Metric#D2_PINBALL}, in [0, 1]; 0.5
 *     by default (scikit-learn's), and only those two accept another value (since 0.2.0)
 * @param power the Tweedie power of {@link Metric#MEAN_TWEEDIE_DEVIANCE} and {@link Metric#D2_TWEEDIE}: finite, at
 *     most 0 or at least 1; 0 by default (scikit-learn's), and only those two accept another value (since 0.2.0)
 * @param forceFinite scikit-learn's {@code force_finite} of {@link Metric#R2} and {@link Metric#EXPLAINED_VARIANCE}:
 *     true (the default) gives 1.0 or 0.0 where the true values are all equal, false the plain ratio's NaN or −∞;
 *     only those two accept false (since 0.2.0)
 * @param multiClass how {@link Metric#ROC_AUC} scores more than two classes, one-vs-rest ({@link MultiClass#OVR},
 *     the default) or one-vs-one; only ROC AUC accepts another value (since 0.2.0)
 * @param maxFpr the false positive rate up to which {@link Metric#ROC_AUC} is the McClish-standardized partial AUC,
 *     in (0, 1]; 1 (the default) is the whole curve, and only ROC AUC of one positive class accepts another value
 *     (since 0.2.0)
 * @param zeroDivision what a 0/0 ratio of precision, recall, F1, F-beta or Jaccard is; {@link ZeroDivision#ZERO} by
 *     default (scikit-learn's), and only those five accept another value (since 0.2.0)
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record MetricOptions(
        Averaging average,
        String positiveLabel,
        int bins,
        Binning binning,
        double beta,
        int k,
        double alpha,
        double power,
        boolean forceFinite,
        MultiClass multiClass,
        double maxFpr,
        ZeroDivision zeroDivision) {

    /** The default number of calibration bins. */
    public static final int DEFAULT_BINS = 10;

    /** The largest number of calibration bins accepted. */
    public static final int MAX_BINS = 10_000;

    /**
     * The default beta of F-beta, which makes it F1.
     *
     * @since 0.2.0
     */
    public static final double DEFAULT_BETA = 1;

    /**
     * The default k of top-k accuracy, scikit-learn's.
     *
     * @since 0.2.0
     */
    public static final int DEFAULT_K = 2;

    /**
     * The default alpha of the pinball metrics, scikit-learn's.
     *
     * @since 0.2.0
     */
    public static final double DEFAULT_ALPHA = 0.5;

    /**
     * The default power of the Tweedie metrics, scikit-learn's.
     *
     * @since 0.2.0
     */
    public static final double DEFAULT_POWER = 0;

    /**
     * The default false positive rate limit of ROC AUC: the whole curve.
     *
     * @since 0.2.0
     */
    public static final double DEFAULT_MAX_FPR = 1;

    private static final MetricOptions DEFAULTS = new MetricOptions(
            Averaging.AUTO,
            null,
            DEFAULT_BINS,
            Binning.EQUAL_WIDTH,
            DEFAULT_BETA,
            DEFAULT_K,
            DEFAULT_ALPHA,
            DEFAULT_POWER,
            true,
            MultiClass.OVR,
            DEFAULT_MAX_FPR,
            ZeroDivision.ZERO);

    /**
     * Creates options.
     *
     * @throws NullPointerException if {@code average} or {@code binning} is null
     * @throws IllegalArgumentException if {@code bins} is outside {@code [1, 10000]}, {@code positiveLabel} is
     *     empty, {@code beta} is not a finite number above 0, {@code k} is below 1, {@code alpha} is outside [0, 1]
     *     or {@code power} is not finite or is in (0, 1), or {@code maxFpr} is not in (0, 1]
     * @throws NullPointerException if {@code multiClass} is null
     */
    public MetricOptions {
        Objects.requireNonNull(average, "average");
        Objects.requireNonNull(binning, "binning");
        Objects.requireNonNull(multiClass, "multiClass");
        Objects.requireNonNull(zeroDivision, "zeroDivision");
        if (bins < 1 || bins > MAX_BINS) {
            throw new IllegalArgumentException("bins must be in [1, " + MAX_BINS + "], was " + bins);
        }
        if (positiveLabel != null && positiveLabel.isEmpty()) {
            throw new IllegalArgumentException("positiveLabel must not be empty; use null for the default");
        }
        if (!(beta > 0 && beta < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("beta must be a finite number above 0, was " + beta);
        }
        if (k < 1) {
            throw new IllegalArgumentException("k must be at least 1, was " + k);
        }
        if (!(alpha >= 0 && alpha <= 1)) {
            throw new IllegalArgumentException("alpha must be in [0, 1], was " + alpha);
        }
        if (!Double.isFinite(power) || (power > 0 && power < 1)) {
            throw new IllegalArgumentException("power must be a finite number of at most 0 or at least 1 (the Tweedie"
                    + " deviance is only defined there), was " + power);
        }
        if (!(maxFpr > 0 && maxFpr <= 1)) {
            throw new IllegalArgumentException("maxFpr must be in (0, 1], was " + maxFpr);
        }
    }

    /**
     * Creates options with the defaults of the options added since forceFinite: one-vs-rest, the whole ROC curve, 0/0
     * as 0.
     *
     * @since 0.2.0
     */
    public MetricOptions(
            Averaging average,
            String positiveLabel,
            int bins,
            Binning binning,
            double beta,
            int k,
            double alpha,
            double power,
            boolean forceFinite) {
        this(
                average,
                positiveLabel,
                bins,
                binning,
                beta,
                k,
                alpha,
                power,
                forceFinite,
                MultiClass.OVR,
                DEFAULT_MAX_FPR,
                ZeroDivision.ZERO);
    }

    /** Creates options with the defaults of the options added since: beta 1, k 2, alpha 0.5, power 0, forced finite. */
    public MetricOptions(Averaging average, String positiveLabel, int bins, Binning binning) {
        this(average, positiveLabel, bins, binning, DEFAULT_BETA);
    }

    /**
     * Creates options with the defaults of the options added since beta: k 2, alpha 0.5, power 0, forced finite.
     *
     * @since 0.2.0
     */
    public MetricOptions(Averaging average, String positiveLabel, int bins, Binning binning, double beta) {
        this(average, positiveLabel, bins, binning, beta, DEFAULT_K, DEFAULT_ALPHA, DEFAULT_POWER, true);
    }

    /**
     * Returns the defaults: {@link Averaging#AUTO}, the default positive class, 10 equal-width bins, beta 1, k 2, alpha
     * 0.5, power 0, forced finite, one-vs-rest ROC AUC over the whole curve.
     */
    public static MetricOptions defaults() {
        return DEFAULTS;
    }

    /** Returns these options with another averaging. */
    public MetricOptions withAverage(Averaging newAverage) {
        return new MetricOptions(
                newAverage,
                positiveLabel,
                bins,
                binning,
                beta,
                k,
                alpha,
                power,
                forceFinite,
                multiClass,
                maxFpr,
                zeroDivision);
    }

    /** Returns these options with another positive class ({@code null} for the default). */
    public MetricOptions withPositiveLabel(String newPositiveLabel) {
        return new MetricOptions(
                average,
                newPositiveLabel,
                bins,
                binning,
                beta,
                k,
                alpha,
                power,
                forceFinite,
                multiClass,
                maxFpr,
                zeroDivision);
    }

    /** Returns these options with another number of calibration bins. */
    public MetricOptions withBins(int newBins) {
        return new MetricOptions(
                average,
                positiveLabel,
                newBins,
                binning,
                beta,
                k,
                alpha,
                power,
                forceFinite,
                multiClass,
                maxFpr,
                zeroDivision);
    }

    /** Returns these options with another calibration binning. */
    public MetricOptions withBinning(Binning newBinning) {
        return new MetricOptions(
                average,
                positiveLabel,
                bins,
                newBinning,
                beta,
                k,
                alpha,
                power,
                forceFinite,
                multiClass,
                maxFpr,
                zeroDivision);
    }

    /**
     * Returns these options with another beta for {@link Metric#F_BETA}.
     *
     * @since 0.2.0
     */
    public MetricOptions withBeta(double newBeta) {
        return new MetricOptions(
                average,
                positiveLabel,
                bins,
                binning,
                newBeta,
                k,
                alpha,
                power,
                forceFinite,
                multiClass,
                maxFpr,
                zeroDivision);
    }

    /**
     * Returns these options with another k for {@link Metric#TOP_K_ACCURACY}.
     *
     * @since 0.2.0
     */
    public MetricOptions withK(int newK) {
        return new MetricOptions(
                average,
                positiveLabel,
                bins,
                binning,
                beta,
                newK,
                alpha,
                power,
                forceFinite,
                multiClass,
                maxFpr,
                zeroDivision);
    }

    /**
     * Returns these options with another alpha for {@link Metric#MEAN_PINBALL_LOSS} and {@link Metric#D2_PINBALL}.
     *
     * @since 0.2.0
     */
    public MetricOptions withAlpha(double newAlpha) {
        return new MetricOptions(
                average,
                positiveLabel,
                bins,
                binning,
                beta,
                k,
                newAlpha,
                power,
                forceFinite,
                multiClass,
                maxFpr,
                zeroDivision);
    }

    /**
     * Returns these options with another power for {@link Metric#MEAN_TWEEDIE_DEVIANCE} and {@link Metric#D2_TWEEDIE}.
     *
     * @since 0.2.0
     */
    public MetricOptions withPower(double newPower) {
        return new MetricOptions(
                average,
                positiveLabel,
                bins,
                binning,
                beta,
                k,
                alpha,
                newPower,
                forceFinite,
                multiClass,
                maxFpr,
                zeroDivision);
    }

    /**
     * Returns these options with R² and explained variance forced finite or not (scikit-learn's {@code
     * force_finite}).
     *
     * @since 0.2.0
     */
    public MetricOptions withForceFinite(boolean newForceFinite) {
        return new MetricOptions(
                average,
                positiveLabel,
                bins,
                binning,
                beta,
                k,
                alpha,
                power,
                newForceFinite,
                multiClass,
                maxFpr,
                zeroDivision);
    }

    /**
     * Returns these options with another way for {@link Metric#ROC_AUC} to score more than two classes.
     *
     * @since 0.2.0
     */
    public MetricOptions withMultiClass(MultiClass newMultiClass) {
        return new MetricOptions(
                average,
                positiveLabel,
                bins,
                binning,
                beta,
                k,
                alpha,
                power,
                forceFinite,
                newMultiClass,
                maxFpr,
                zeroDivision);
    }

    /**
     * Returns these options with another false positive rate limit for {@link Metric#ROC_AUC} (1 for the whole curve).
     *
     * @since 0.2.0
     */
    public MetricOptions withMaxFpr(double newMaxFpr) {
        return new MetricOptions(
                average,
                positiveLabel,
                bins,
                binning,
                beta,
                k,
                alpha,
                power,
                forceFinite,
                multiClass,
                newMaxFpr,
                zeroDivision);
    }

    /**
     * Returns these options with another value for 0/0 in precision, recall, F1, F-beta and Jaccard.
     *
     * @since 0.2.0
     */
    public MetricOptions withZeroDivision(ZeroDivision newZeroDivision) {
        return new MetricOptions(
                average,
                positiveLabel,
                bins,
                binning,
                beta,
                k,
                alpha,
                power,
                forceFinite,
                multiClass,
                maxFpr,
                newZeroDivision);
    }

    /** Returns the positive label if one was given. */
    public Optional<String> positive() {
        return Optional.ofNullable(positiveLabel);
    }
}
