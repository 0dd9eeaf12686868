package dev.modeltest.metrics;

import org.apiguardian.api.API;

/**
 * What a metric needs from the predictions.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum Requirement {
    /** The true and the predicted class of each row (a classifier). */
    LABELS,
    /** The true class and the class probabilities of each row (a classifier that gives probabilities). */
    PROBABILITIES,
    /** The true and the predicted value of each row (a regressor). */
    VALUES
}
