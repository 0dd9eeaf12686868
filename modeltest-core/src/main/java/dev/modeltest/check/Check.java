package dev.modeltest.check;

import dev.modeltest.subject.Subject;
import org.apiguardian.api.API;

/**
 * One quality check: it reads the shared {@link Subject} and returns a {@link CheckResult}. Knows nothing of JUnit.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface Check {

    /** Runs the check. Problems with the data, model or configuration are thrown as {@code ModelTestException}s. */
    CheckResult run(Subject subject);
}
