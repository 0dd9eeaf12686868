package dev.modeltest.data;

import dev.modeltest.internal.Hashing;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.apiguardian.api.API;

/**
 * A file named in an annotation: a path relative to the working directory, or {@code classpath:some/file.csv}.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class Resource {

    /** The prefix that makes a location a class-path resource. */
    public static final String CLASSPATH_PREFIX = "classpath:";

    private final String location;
    private final Path file;
    private final URL url;

    private Resource(String location, Path file, URL url) {
        this.location = location;
        this.file = file;
        this.url = url;
    }

    /**
     * Resolves a location, or fails with an error built by {@code notFound} from a sentence that says where it was
     * looked for.
     *
     * @param location a path relative to the working directory, an absolute path, or {@code classpath:path}
     * @param notFound builds the exception thrown when nothing is there
     */
    public static Resource resolve(String location, Function<String, RuntimeException> notFound) {
        Objects.requireNonNull(location, "location");
        if (location.startsWith(CLASSPATH_PREFIX)) {
            String name = location.substring(CLASSPATH_PREFIX.length());
            while (name.startsWith("/")) {
                name = name.substring(1);
            }
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            if (loader == null) {
                loader = Resource.class.getClassLoader();
            }
            URL url = loader.getResource(name);
            if (url == null) {
                throw notFound.apply("'" + location + "' is not on the class path");
            }
            return new Resource(location, asFile(url).orElse(null), url);
        }
        Path path = Path.of(location);
        if (Files.isDirectory(path) && Files.isRegularFile(path.resolve("MLmodel"))) {
            // An MLflow model directory stands for its MLmodel file, which names the model inside.
            return new Resource(location, path.resolve("MLmodel"), null);
        }
        if (!Files.isRegularFile(path)) {
            Path absolute = path.toAbsolutePath().normalize();
            String why = Files.isDirectory(path) ? "is a directory, not a file" : "does not exist";
            throw notFound.apply("'" + location + "' " + why + " (looked at " + absolute + ")");
        }
        return new Resource(location, path, null);
    }

    private static Optional<Path> asFile(URL url) {
        if (!"file".equals(url.getProtocol())) {
            return Optional.empty();
        }
        try {
            return Optional.of(Path.of(url.toURI()));
        } catch (URISyntaxException | IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /** Returns the location exactly as it was written. */
    public String location() {
        return location;
    }

    /** Returns the file name, e.g. {@code iris-test.csv}, for messages and reports. */
    public String fileName() {
        if (file != null
                && !location.startsWith(CLASSPATH_PREFIX)
                && !file.endsWith(Path.of(location).getFileName())) {
            return file.getFileName().toString();
        }
        String path = location.startsWith(CLASSPATH_PREFIX) ? location.substring(CLASSPATH_PREFIX.length()) : location;
        int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
        return path.substring(slash + 1);
    }

    /** Returns the file on disk, when the resource is one (class-path resources inside a jar are not). */
    public Optional<Path> file() {
        return Optional.ofNullable(file);
    }

    /** Opens the content for reading. */
    public InputStream open() throws IOException {
        return file != null ? Files.newInputStream(file) : url.openStream();
    }

    /** Returns the size in bytes. */
    public long size() {
        try {
            if (file != null) {
                return Files.size(file);
            }
            try (InputStream in = url.openStream()) {
                return in.transferTo(OutputStream.nullOutputStream());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }

    /** Returns the lower-case hex SHA-256 of the content. */
    public String sha256() {
        if (file != null) {
            return Hashing.sha256(file);
        }
        try (InputStream in = url.openStream()) {
            return Hashing.sha256(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + location, e);
        }
    }

    @Override
    public String toString() {
        return location;
    }
}
