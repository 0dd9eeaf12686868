package dev.modeltest.model;

import org.apiguardian.api.API;

/**
 * What a model predicts.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum Task {
    /** A class label per row, optionally with one probability per class. */
    CLASSIFICATION,
    /** A number per row. */
    REGRESSION
}
