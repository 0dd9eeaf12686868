package dev.modeltest.metrics;

import java.util.List;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * The data of a reliability diagram and the expected calibration error it gives ({@link
 * Metric#EXPECTED_CALIBRATION_ERROR}). Only non-empty bins are listed, as {@code sklearn.calibration.calibration_curve}
 * returns them: its {@code prob_pred} is {@link Bin#meanConfidence()} and its {@code prob_true} is {@link
 * Bin#accuracy()}.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ReliabilityCurve {

    /**
     * One confidence bin.
     *
     * @param lower the bin's lower edge (excluded, except for the first bin)
     * @param upper the bin's upper edge (included)
     * @param count the number of rows in the bin
     * @param meanConfidence the mean confidence of those rows
     * @param accuracy the fraction of those rows that are hits (of the positive class, or whose top class is right)
     */
    public record Bin(double lower, double upper, long count, double meanConfidence, double accuracy) {}

    private final String positiveLabel;
    private final Binning binning;
    private final List<Bin> bins;
    private final double expectedCalibrationError;

    ReliabilityCurve(String positiveLabel, Binning binning, List<Bin> bins, double expectedCalibrationError) {
        this.positiveLabel = positiveLabel;
        this.binning = binning;
        this.bins = List.copyOf(bins);
        this.expectedCalibrationError = expectedCalibrationError;
    }

    /** Returns the class whose probability was binned, or empty for the top-label confidence. */
    public Optional<String> positiveLabel() {
        return Optional.ofNullable(positiveLabel);
    }

    /** Returns how the bins were laid out. */
    public Binning binning() {
        return binning;
    }

    /** Returns the non-empty bins in increasing confidence. */
    public List<Bin> bins() {
        return bins;
    }

    /** Returns the expected calibration error. */
    public double expectedCalibrationError() {
        return expectedCalibrationError;
    }
}
