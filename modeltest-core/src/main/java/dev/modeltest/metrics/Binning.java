package dev.modeltest.metrics;

import org.apiguardian.api.API;

/**
 * How expected calibration error groups rows by confidence, as {@code sklearn.calibration.calibration_curve}'s
 * {@code strategy}.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum Binning {
    /** Bins of equal width on [0, 1] ({@code strategy='uniform'}). */
    EQUAL_WIDTH,
    /**
     * Bins holding about the same number of rows, with edges at the quantiles of the confidences
     * ({@code strategy='quantile'}, NumPy's linear percentile). Tied confidences can leave bins empty.
     */
    EQUAL_MASS
}
