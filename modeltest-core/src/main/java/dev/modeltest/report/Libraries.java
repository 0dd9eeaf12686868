package dev.modeltest.report;

import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apiguardian.api.API;

/**
 * The versions of the libraries that decide a model test's numbers (the test framework, the table library, the model
 * libraries), for reproducibility records. Only libraries on the class path are listed.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class Libraries {

    /** A library: its key in reports, a class it contains, and its Maven coordinates. */
    private record Library(String key, String marker, String groupId, String artifactId) {}

    // Classes are named as strings and loaded without initialization: no library is needed, none is started.
    private static final List<Library> KNOWN = List.of(
            new Library("junit-jupiter", "org.junit.jupiter.api.Test", "org.junit.jupiter", "junit-jupiter-api"),
            new Library(
                    "junit-platform",
                    "org.junit.platform.engine.TestEngine",
                    "org.junit.platform",
                    "junit-platform-engine"),
            new Library("tablesaw", "tech.tablesaw.api.Table", "tech.tablesaw", "tablesaw-core"),
            new Library("smile", "smile.classification.Classifier", "com.github.haifengl", "smile-core"),
            new Library("onnxruntime", "ai.onnxruntime.OrtEnvironment", "com.microsoft.onnxruntime", "onnxruntime"),
            new Library("xgboost4j", "ml.dmlc.xgboost4j.java.XGBoost", "ml.dmlc", "xgboost4j_2.12"),
            new Library("tribuo", "org.tribuo.Model", "org.tribuo", "tribuo-core"),
            new Library("allure", "io.qameta.allure.Allure", "io.qameta.allure", "allure-java-commons"));

    private static volatile Map<String, String> detected;

    private Libraries() {}

    /**
     * Returns the version of each known library on the class path, keyed {@code lib.<name>}, e.g.
     * {@code lib.junit-jupiter=5.14.4}, {@code lib.tablesaw=0.44.4}; detected once per JVM.
     */
    public static Map<String, String> versions() {
        Map<String, String> result = detected;
        if (result == null) {
            Map<String, String> found = new LinkedHashMap<>();
            for (Library library : KNOWN) {
                version(library).ifPresent(v -> found.put("lib." + library.key(), v));
            }
            result = java.util.Collections.unmodifiableMap(found);
            detected = result;
        }
        return result;
    }

    private static Optional<String> version(Library library) {
        Class<?> marker;
        try {
            marker = Class.forName(library.marker(), false, Libraries.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            return Optional.empty();
        }
        Package p = marker.getPackage();
        if (p != null && p.getImplementationVersion() != null) {
            return Optional.of(p.getImplementationVersion());
        }
        String pom = "/META-INF/maven/" + library.groupId() + "/" + library.artifactId() + "/pom.properties";
        try (InputStream in = marker.getResourceAsStream(pom)) {
            if (in != null) {
                Properties properties = new Properties();
                properties.load(in);
                return Optional.ofNullable(properties.getProperty("version"));
            }
        } catch (IOException e) {
            // fall through: the library is present, its version unknown
        }
        return Optional.of("unknown");
    }
}
