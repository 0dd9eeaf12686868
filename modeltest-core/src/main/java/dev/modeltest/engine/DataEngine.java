package dev.modeltest.engine;

import dev.modeltest.subject.SubjectSpec;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * Decides checks on data that stays where it lives, for the data locations of one scheme: modeltest-spark reads
 * {@code spark:<path or table>} as a Spark {@code Dataset} and merges per-partition counts on the driver. The JUnit
 * extension hands a {@code @ModelTest} whose {@code data} starts with {@code <scheme>:} to the engine of that scheme,
 * and never loads such data into the test JVM.
 *
 * <p>Implementations are found through {@link java.util.ServiceLoader}: list them in {@code
 * META-INF/services/dev.modeltest.engine.DataEngine}. Core and the JUnit module know no engine, so that an engine's
 * dependencies (Spark's hundreds of megabytes) stay out of every project that does not add its module.
 *
 * @since 0.2.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
public interface DataEngine {

    /** Returns the scheme this engine reads, without the colon, e.g. {@code spark} for {@code spark:scores.parquet}. */
    String scheme();

    /**
     * Opens the data of a test, lazily: this call reads nothing and starts nothing (the JUnit extension calls it while
     * creating a store entry); the first {@link EngineSubject#run} opens the data, once for every check of the test.
     *
     * @param spec the test's configuration; its {@code data} is the whole location, scheme included
     * @param location the location without the scheme and its colon, e.g. {@code scores.parquet}
     * @param configuration the project's configuration parameters (JUnit's {@code junit-platform.properties} and
     *     system properties), by key
     * @return the opened data, closed when the test class ends
     */
    EngineSubject open(SubjectSpec spec, String location, Function<String, Optional<String>> configuration);
}
