package dev.modeltest.engine;

import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import org.apiguardian.api.API;

/**
 * The data of one test as a {@link DataEngine} opened it: it decides the test's checks where the data lives, each
 * into the same {@link CheckResult} the in-memory engine gives.
 *
 * @since 0.2.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
public interface EngineSubject extends AutoCloseable {

    /**
     * Decides one check.
     *
     * @param check the check, as built from its annotation
     * @param where the annotation and the method it sits on, for messages, e.g. {@code @AccuracyAtLeast on
     *     NightlyScoresTest.accurate()}
     * @return the check's result
     * @throws dev.modeltest.error.ConfigurationException naming {@code where} for a check this engine cannot decide
     *     (one that times or calls the model, or one not supported yet), or for a bad test configuration
     * @throws dev.modeltest.error.DataException naming the data for bad data (missing path or table, no rows, ...)
     */
    CheckResult run(Check check, String where);

    /** Releases what the engine holds for this test; never fails. */
    @Override
    void close();
}
