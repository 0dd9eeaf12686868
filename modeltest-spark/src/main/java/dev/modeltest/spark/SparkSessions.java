package dev.modeltest.spark;

import dev.modeltest.error.ConfigurationException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.spark.sql.SparkSession;

/**
 * The {@code SparkSession} a {@code spark:} model test runs on, as the project configures it with JUnit configuration
 * parameters ({@code junit-platform.properties} or system properties):
 *
 * <ul>
 *   <li>{@value #SESSION}: a class implementing {@code Supplier<SparkSession>} with a no-argument constructor, for a
 *       session configured in code; when given, the parameters below are not read;
 *   <li>{@value #MASTER}: the master URL, default {@code local[*]};
 *   <li>{@value #CONFIG}: more Spark settings, {@code key=value} pairs separated by commas, e.g. {@code
 *       spark.sql.shuffle.partitions=8,spark.sql.files.maxPartitionBytes=64m}.
 * </ul>
 *
 * <p>Spark keeps one session per JVM: when one is running already (started by another test, or by the supplier), it is
 * the one used, and the master and settings of the parameters do not change it (Spark's own {@code getOrCreate}).
 */
final class SparkSessions {

    static final String SESSION = "modeltest.spark.session";
    static final String MASTER = "modeltest.spark.master";
    static final String CONFIG = "modeltest.spark.config";
    static final String DEFAULT_MASTER = "local[*]";

    private SparkSessions() {}

    static SparkSession session(Function<String, Optional<String>> configuration) {
        Optional<String> supplier = nonBlank(configuration.apply(SESSION));
        if (supplier.isPresent()) {
            return fromSupplier(supplier.get());
        }
        SparkSession.Builder builder = SparkSession.builder()
                .appName("modeltest")
                .master(nonBlank(configuration.apply(MASTER)).orElse(DEFAULT_MASTER))
                // A test run needs no web UI, and two builds on one machine would contend for its port.
                .config("spark.ui.enabled", "false");
        nonBlank(configuration.apply(CONFIG)).ifPresent(pairs -> {
            for (String pair : pairs.split(",")) {
                int eq = pair.indexOf('=');
                if (eq < 1) {
                    throw new ConfigurationException("configuration parameter " + CONFIG
                            + " must be key=value pairs separated by commas, but '" + pair.strip()
                            + "' has no key=value");
                }
                builder.config(
                        pair.substring(0, eq).strip(), pair.substring(eq + 1).strip());
            }
        });
        return builder.getOrCreate();
    }

    private static SparkSession fromSupplier(String className) {
        String what = "configuration parameter " + SESSION + " = " + className;
        Class<?> type;
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            type = Class.forName(
                    className.strip(), true, loader != null ? loader : SparkSessions.class.getClassLoader());
        } catch (ClassNotFoundException e) {
            throw new ConfigurationException(what + ": no such class on the test class path", e);
        }
        if (!Supplier.class.isAssignableFrom(type)) {
            throw new ConfigurationException(what + ": must implement java.util.function.Supplier<SparkSession>");
        }
        Object made;
        try {
            Constructor<?> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            made = ((Supplier<?>) constructor.newInstance()).get();
        } catch (NoSuchMethodException e) {
            throw new ConfigurationException(what + ": needs a no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new ConfigurationException(what + ": its constructor failed: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new ConfigurationException(what + ": cannot be created: " + e, e);
        }
        if (!(made instanceof SparkSession session)) {
            throw new ConfigurationException(what + ": get() returned "
                    + (made == null ? "null" : "a " + made.getClass().getName()) + ", not a SparkSession");
        }
        return session;
    }

    private static Optional<String> nonBlank(Optional<String> value) {
        return value.filter(v -> !v.isBlank());
    }
}
