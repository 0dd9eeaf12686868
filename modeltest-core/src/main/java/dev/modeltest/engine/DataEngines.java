package dev.modeltest.engine;

import dev.modeltest.error.ConfigurationException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.ServiceLoader;
import org.apiguardian.api.API;

/**
 * Finds the {@link DataEngine} of a data location: the engine registered for the location's scheme ({@code spark} in
 * {@code spark:scores.parquet}). A location without a registered scheme is a file for the in-memory engine, as
 * before; {@code classpath:} stays a class-path resource.
 *
 * @since 0.2.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
public final class DataEngines {

    /** The engines modeltest has modules for, by scheme, with what to add when one is missing. */
    private static final Map<String, String> KNOWN =
            Map.of("spark", "dev.modeltest:modeltest-spark and org.apache.spark:spark-sql_2.13 (4.x)");

    private DataEngines() {}

    /**
     * Returns the engine for a data location, or empty when the location is not an engine's (a file path, or {@code
     * classpath:...}).
     *
     * @param location the data location as written, e.g. {@code spark:scores.parquet}
     * @param origin where it was written, for the message, e.g. {@code @ModelTest on NightlyScoresTest}
     * @throws ConfigurationException when the location names an engine modeltest has a module for but that module is
     *     not on the class path
     */
    public static Optional<DataEngine> find(String location, String origin) {
        int colon = location.indexOf(':');
        if (colon < 1) {
            return Optional.empty();
        }
        String scheme = location.substring(0, colon);
        List<DataEngine> engines = new ArrayList<>();
        ServiceLoader.load(DataEngine.class, loader()).forEach(engines::add);
        Optional<DataEngine> engine =
                engines.stream().filter(e -> e.scheme().equals(scheme)).findFirst();
        if (engine.isEmpty() && KNOWN.containsKey(scheme)) {
            throw new ConfigurationException(origin + ": data '" + location + "' is read by the " + scheme
                    + " engine, which is not on the test class path; add " + KNOWN.get(scheme)
                    + " as test dependencies");
        }
        return engine;
    }

    /** Returns the location without its scheme and colon: {@code scores.parquet} for {@code spark:scores.parquet}. */
    public static String withoutScheme(String location) {
        return location.substring(location.indexOf(':') + 1);
    }

    private static ClassLoader loader() {
        ClassLoader context = Thread.currentThread().getContextClassLoader();
        return context != null ? context : DataEngines.class.getClassLoader();
    }
}
