package dev.modeltest.check;

import org.apiguardian.api.API;

/**
 * The outcome of a check.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public enum Verdict {
    /** The check holds. */
    PASS,
    /** The check does not hold. */
    FAIL,
    /** The data cannot decide either way (too few rows for the interval to clear the threshold). */
    INCONCLUSIVE
}
