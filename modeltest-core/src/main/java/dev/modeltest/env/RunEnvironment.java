package dev.modeltest.env;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import org.apiguardian.api.API;

/**
 * Where and with what a model test ran: modeltest's version, the JDK, the OS, the CPU and the git commit, so a result
 * can be reproduced. Captured once per JVM.
 *
 * @param modeltestVersion modeltest's version
 * @param java the JDK: version, vendor and VM
 * @param os the operating system: name, version and architecture
 * @param cpu the processor model and the number of cores the JVM sees
 * @param gitCommit the commit of the working directory's git checkout, or empty when it is not one
 * @param gitBranch the checked-out branch, or empty
 * @param gitDirty whether the checkout has uncommitted changes (empty when unknown)
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public record RunEnvironment(
        String modeltestVersion,
        String java,
        String os,
        String cpu,
        String gitCommit,
        String gitBranch,
        String gitDirty) {

    private static volatile RunEnvironment current;

    /** Returns the environment of this JVM, captured on first call. */
    public static RunEnvironment current() {
        RunEnvironment environment = current;
        if (environment == null) {
            synchronized (RunEnvironment.class) {
                if (current == null) {
                    current = capture();
                }
                environment = current;
            }
        }
        return environment;
    }

    private static RunEnvironment capture() {
        String java = System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ")";
        String os = System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch");
        String cpu = cpuModel() + ", " + Runtime.getRuntime().availableProcessors() + " cores";
        String commit = git("rev-parse", "HEAD").orElse("");
        String branch =
                commit.isEmpty() ? "" : git("rev-parse", "--abbrev-ref", "HEAD").orElse("");
        String dirty = commit.isEmpty()
                ? ""
                : git("status", "--porcelain", "--untracked-files=no")
                        .map(s -> Boolean.toString(!s.isBlank()))
                        .orElse("");
        return new RunEnvironment(version(), java, os, cpu, commit, branch, dirty);
    }

    /** Returns modeltest's version, as built. */
    public static String version() {
        try (InputStream in = RunEnvironment.class.getResourceAsStream("modeltest.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            return properties.getProperty("version", "unknown");
        } catch (IOException e) {
            return "unknown";
        }
    }

    private static String cpuModel() {
        Path cpuinfo = Path.of("/proc/cpuinfo");
        if (Files.isReadable(cpuinfo)) {
            try {
                for (String line : Files.readAllLines(cpuinfo, StandardCharsets.UTF_8)) {
                    if (line.toLowerCase(Locale.ROOT).startsWith("model name")) {
                        return line.substring(line.indexOf(':') + 1).trim();
                    }
                }
            } catch (IOException | RuntimeException e) {
                // fall through to the architecture
            }
        }
        return System.getProperty("os.arch");
    }

    private static Optional<String> git(String... args) {
        String[] command = new String[args.length + 1];
        command[0] = "git";
        System.arraycopy(args, 0, command, 1, args.length);
        try {
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(false)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            process.getOutputStream().close();
            String out = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                return Optional.empty();
            }
            return process.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** Returns the environment as ordered key/value pairs for reports ({@code environment.properties}). */
    public Map<String, String> asProperties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("modeltest.version", modeltestVersion);
        properties.put("java", java);
        properties.put("os", os);
        properties.put("cpu", cpu);
        if (!gitCommit.isEmpty()) {
            properties.put("git.commit", gitCommit);
            properties.put("git.branch", gitBranch);
            properties.put("git.dirty", gitDirty);
        }
        return properties;
    }
}
