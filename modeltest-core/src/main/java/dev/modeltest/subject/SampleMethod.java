package dev.modeltest.subject;

import org.apiguardian.api.API;

/**
 * How the rows of a sample of the test data are drawn.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public enum SampleMethod {
    /** Every set of rows of the sample's size is equally likely (a simple random sample, without replacement). */
    UNIFORM,
    /**
     * Each label value is a stratum that gets its share of the sample, rounded to a whole row (largest remainders),
     * so the classes keep their proportions within one row; the rows within a stratum are drawn uniformly. For
     * classification labels.
     */
    STRATIFIED
}
