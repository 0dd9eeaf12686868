package dev.modeltest.archetype;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Runs the Maven of the outer build, as a user would from a shell, against the isolated repository under target/.
 *
 * <p>A plain process rather than maven-invoker's API: the point is to run exactly the command line a user types
 * (`mvn -B verify`), and a process with a log file shows that best.
 */
final class MavenRun {

    /** The exit code and console output of one run. */
    record Result(int exitCode, String output, Path log) {

        String describe() {
            return "mvn exited " + exitCode + "; log " + log;
        }
    }

    private static final Path WORK = Paths.get(System.getProperty("it.work", "target/it"));

    private MavenRun() {}

    static Path work() {
        return WORK;
    }

    /** Runs {@code mvn -B -s <settings> -Dmaven.repo.local=<it repo> args...} in {@code dir}. */
    static Result run(Path dir, String logName, String... args) {
        String mavenHome = System.getProperty("it.mavenHome");
        if (mavenHome == null || mavenHome.isBlank()) {
            throw new IllegalStateException("system property it.mavenHome is not set (run through mvn verify)");
        }
        List<String> command = new ArrayList<>();
        command.add(Paths.get(mavenHome, "bin", "mvn").toString());
        command.add("-B");
        command.add("-s");
        command.add(settings().toString());
        command.add("-Dmaven.repo.local=" + System.getProperty("it.repo"));
        command.addAll(List.of(args));
        Path log = WORK.resolve("logs").resolve(logName + ".log").toAbsolutePath();
        try {
            Files.createDirectories(log.getParent());
            ProcessBuilder builder = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile());
            builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
            // What the CI of a generated project would set; tested projects must not append to the outer job's.
            builder.environment().remove("GITHUB_STEP_SUMMARY");
            builder.environment().remove("MAVEN_OPTS");
            Process process = builder.start();
            if (!process.waitFor(10, TimeUnit.MINUTES)) {
                process.destroyForcibly();
                throw new AssertionError("mvn " + args + " in " + dir + " did not end in 10 minutes; log " + log);
            }
            return new Result(process.exitValue(), Files.readString(log, StandardCharsets.UTF_8), log);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Settings for the runs: the user's own local repository as a file:// remote, before Maven Central, so that
     * what the outer build already downloaded is copied, not downloaded again.
     */
    static synchronized Path settings() {
        Path settings = WORK.resolve("settings.xml").toAbsolutePath();
        if (Files.exists(settings)) {
            return settings;
        }
        String userRepo = Paths.get(System.getProperty("it.userRepo")).toUri().toString();
        String repository = "<id>%s</id><url>" + userRepo + "</url>"
                + "<releases><enabled>true</enabled><updatePolicy>never</updatePolicy>"
                + "<checksumPolicy>ignore</checksumPolicy></releases>"
                + "<snapshots><enabled>false</enabled></snapshots>";
        String xml = "<settings>\n  <profiles>\n    <profile>\n      <id>it-repo</id>\n"
                + "      <repositories><repository>" + repository.formatted("outer-local")
                + "</repository></repositories>\n"
                + "      <pluginRepositories><pluginRepository>" + repository.formatted("outer-local")
                + "</pluginRepository></pluginRepositories>\n"
                + "    </profile>\n  </profiles>\n"
                + "  <activeProfiles><activeProfile>it-repo</activeProfile></activeProfiles>\n</settings>\n";
        try {
            Files.createDirectories(settings.getParent());
            Files.writeString(settings, xml, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return settings;
    }

    /** The last {@code count} lines of a run's output, leaving out download progress. */
    static String lastLines(String output, int count) {
        List<String> lines = output.lines()
                .filter(line -> !line.startsWith("[INFO] Download"))
                .toList();
        return String.join("\n", lines.subList(Math.max(0, lines.size() - count), lines.size()));
    }

    /** The fenced code blocks of a Markdown text, in order, without their fences. */
    static List<String> fencedBlocks(String markdown) {
        List<String> blocks = new ArrayList<>();
        StringBuilder block = null;
        for (String line : markdown.split("\n", -1)) {
            if (line.startsWith("```")) {
                if (block == null) {
                    block = new StringBuilder();
                } else {
                    blocks.add(block.toString());
                    block = null;
                }
            } else if (block != null) {
                block.append(line).append('\n');
            }
        }
        return blocks;
    }

    /** Copies a directory tree (a generated project) to a fresh place. */
    static Path copy(Path from, Path to) {
        delete(to);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return to;
    }

    static void delete(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path file : (Iterable<Path>) files.sorted(Comparator.reverseOrder())::iterator) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static void write(Path file, String text) {
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
