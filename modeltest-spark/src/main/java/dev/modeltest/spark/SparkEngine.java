package dev.modeltest.spark;

import dev.modeltest.engine.DataEngine;
import dev.modeltest.engine.EngineSubject;
import dev.modeltest.subject.SubjectSpec;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * The {@code spark:} engine: a {@code @ModelTest(data = "spark:<path or table>", ...)} class is gated on a Spark
 * {@code Dataset} by {@link SparkGates}, on the {@code SparkSession} the project configures (docs/spark.md). Found by
 * the JUnit extension through {@link java.util.ServiceLoader}; not called directly.
 *
 * @since 0.2.0
 */
@API(status = API.Status.INTERNAL, since = "0.2.0")
public final class SparkEngine implements DataEngine {

    /** The scheme of the data locations this engine reads: {@code spark:scores.parquet}. */
    static final String SCHEME = "spark";

    @Override
    public String scheme() {
        return SCHEME;
    }

    @Override
    public EngineSubject open(SubjectSpec spec, String location, Function<String, Optional<String>> configuration) {
        return new SparkSubject(spec, location, configuration);
    }
}
