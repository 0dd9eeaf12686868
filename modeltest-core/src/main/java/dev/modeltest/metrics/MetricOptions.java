package dev.modeltest.metrics;

import java.util.Objects;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * How to compute a metric: averaging, positive class, the binning of expected calibration error and the beta of
 * F-beta.
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
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record MetricOptions(Averaging average, String positiveLabel, int bins, Binning binning, double beta) {

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

    private static final MetricOptions DEFAULTS =
            new MetricOptions(Averaging.AUTO, null, DEFAULT_BINS, Binning.EQUAL_WIDTH, DEFAULT_BETA);

    /**
     * Creates options.
     *
     * @throws NullPointerException if {@code average} or {@code binning} is null
     * @throws IllegalArgumentException if {@code bins} is outside {@code [1, 10000]}, {@code positiveLabel} is empty
     *     or {@code beta} is not a finite number above 0
     */
    public MetricOptions {
        Objects.requireNonNull(average, "average");
        Objects.requireNonNull(binning, "binning");
        if (bins < 1 || bins > MAX_BINS) {
            throw new IllegalArgumentException("bins must be in [1, " + MAX_BINS + "], was " + bins);
        }
        if (positiveLabel != null && positiveLabel.isEmpty()) {
            throw new IllegalArgumentException("positiveLabel must not be empty; use null for the default");
        }
        if (!(beta > 0 && beta < Double.POSITIVE_INFINITY)) {
            throw new IllegalArgumentException("beta must be a finite number above 0, was " + beta);
        }
    }

    /** Creates options with the default beta, 1 (as before beta was an option). */
    public MetricOptions(Averaging average, String positiveLabel, int bins, Binning binning) {
        this(average, positiveLabel, bins, binning, DEFAULT_BETA);
    }

    /** Returns the defaults: {@link Averaging#AUTO}, the default positive class, 10 equal-width bins, beta 1. */
    public static MetricOptions defaults() {
        return DEFAULTS;
    }

    /** Returns these options with another averaging. */
    public MetricOptions withAverage(Averaging newAverage) {
        return new MetricOptions(newAverage, positiveLabel, bins, binning, beta);
    }

    /** Returns these options with another positive class ({@code null} for the default). */
    public MetricOptions withPositiveLabel(String newPositiveLabel) {
        return new MetricOptions(average, newPositiveLabel, bins, binning, beta);
    }

    /** Returns these options with another number of calibration bins. */
    public MetricOptions withBins(int newBins) {
        return new MetricOptions(average, positiveLabel, newBins, binning, beta);
    }

    /** Returns these options with another calibration binning. */
    public MetricOptions withBinning(Binning newBinning) {
        return new MetricOptions(average, positiveLabel, bins, newBinning, beta);
    }

    /**
     * Returns these options with another beta for {@link Metric#F_BETA}.
     *
     * @since 0.2.0
     */
    public MetricOptions withBeta(double newBeta) {
        return new MetricOptions(average, positiveLabel, bins, binning, newBeta);
    }

    /** Returns the positive label if one was given. */
    public Optional<String> positive() {
        return Optional.ofNullable(positiveLabel);
    }
}
