package dev.modeltest.schema;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Loading a schema before any data must not break how the data's column kinds are read.
 *
 * <p>Tablesaw's {@code DoubleColumnType} reads {@code ColumnType.DOUBLE} in its static initializer, and {@code
 * ColumnType.DOUBLE} is {@code DoubleColumnType.instance()}: when {@code DoubleColumnType} is initialized first, the JVM
 * ends up with two {@code DoubleColumnType} objects, columns read later carry the one {@code ColumnType.DOUBLE} is not,
 * and {@code TestData.kind} takes numbers for dates. {@link Cells} is often the first Tablesaw class a test touches
 * (reading a schema file), so this runs it first, in a class loader of its own where nothing is initialized yet.
 */
class CellsClassInitTest {

    @TempDir
    Path dir;

    @Test
    void readingSchemaValuesFirstLeavesNumericColumnsNumeric() throws Exception {
        Path csv = dir.resolve("data.csv");
        Files.writeString(csv, "x,ok\n4.4,true\n5.1,false\n");
        try (URLClassLoader fresh = new URLClassLoader(classPath(), ClassLoader.getPlatformClassLoader())) {
            Class<?> cells = Class.forName("dev.modeltest.schema.Cells", true, fresh);
            assertThat(cells.getClassLoader()).isSameAs(fresh);

            Class<?> loader = Class.forName("dev.modeltest.data.DataLoader", true, fresh);
            Object data = loader.getMethod("load", String.class).invoke(null, csv.toString());
            Object x = data.getClass().getMethod("kind", String.class).invoke(data, "x");
            Object ok = data.getClass().getMethod("kind", String.class).invoke(data, "ok");

            assertThat(x).hasToString("DOUBLE");
            assertThat(ok).hasToString("BOOLEAN");
        }
    }

    /** Returns the test class path, expanding the manifest-only jar surefire may run with. */
    private static URL[] classPath() throws Exception {
        List<URL> urls = new ArrayList<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        return urls.toArray(URL[]::new);
    }
}
