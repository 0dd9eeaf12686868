package dev.modeltest.check;

import org.apiguardian.api.API;

/**
 * The family a check belongs to; reports group checks by it.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum Family {
    /** How well the model predicts (accuracy, F1, RMSE...). */
    PERFORMANCE("performance"),
    /** The shape and range of the model's outputs. */
    OUTPUT("output"),
    /** How fast the model predicts. */
    LATENCY("latency"),
    /** The test data itself (schema, missing values, drift). */
    DATA("data"),
    /** How the model treats groups. */
    FAIRNESS("fairness"),
    /**
     * How the model behaves on rows it is handed beyond the test data: perturbed (invariance, monotonicity, noise) or
     * generated.
     *
     * @since 0.1.0
     */
    BEHAVIOUR("behaviour");

    private final String displayName;

    Family(String displayName) {
        this.displayName = displayName;
    }

    /** Returns the lower-case name shown in reports. */
    public String displayName() {
        return displayName;
    }
}
