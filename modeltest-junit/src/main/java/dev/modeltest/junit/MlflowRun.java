package dev.modeltest.junit;

import dev.modeltest.env.RunEnvironment;
import dev.modeltest.report.Provenance;
import dev.modeltest.report.Summary;
import dev.modeltest.subject.Subject;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Puts together a finished {@code @ModelTest} class's MLflow run, when MLflow logging is on ({@link MlflowSettings}):
 * the tags that say where the run comes from and what it was measured on, and the files written for the class, then
 * has {@link MlflowExport} log it.
 */
final class MlflowRun {

    /** The names of the files under the run's artifacts, by what they hold. */
    static final String SUMMARY = "summary.md";

    static final String MODEL_CARD = "model-card.md";
    static final String MODEL_PAGE = "model-page.html";
    static final String RUN_RECORD = "run-record.json";

    private static final Map<String, String> CONTENT_TYPES = Map.of(
            SUMMARY, "text/markdown; charset=utf-8",
            MODEL_CARD, "text/markdown; charset=utf-8",
            MODEL_PAGE, "text/html; charset=utf-8",
            RUN_RECORD, "application/json");

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(MlflowRun.class);

    private MlflowRun() {}

    /**
     * Logs the class when a tracking URI is set and returns the lines for the summary; nothing, and no line, when it is
     * not. Never throws.
     *
     * @param files the files written for the class, by their name among the run's artifacts
     */
    static List<String> log(
            ExtensionContext owner, Subject subject, MlflowRecord record, Set<String> seeds, Map<String, Path> files) {
        Class<?> testClass = owner.getRequiredTestClass();
        try {
            Optional<MlflowSettings> settings = MlflowSettings.read(owner::getConfigurationParameter, System::getenv);
            if (settings.isEmpty()) {
                return List.of();
            }
            // A server that did not answer an earlier class of this run is not waited for again: one timeout per run,
            // not one per class. Kept in the root store, so a new test run (a new launcher) tries again.
            Map<String, String> unanswered = unanswered(owner);
            String earlier = unanswered.get(settings.get().trackingUri());
            if (earlier != null) {
                return List.of(MlflowExport.PREFIX + testClass.getSimpleName() + " not logged to "
                        + settings.get().displayUri() + ": it did not answer for " + earlier + " earlier in this run");
            }
            List<String> lines = new ArrayList<>();
            long now = System.currentTimeMillis();
            MlflowExport.Run run = new MlflowExport.Run(
                    testClass.getSimpleName(),
                    settings.get().experimentName().orElse(testClass.getName()),
                    runTags(testClass),
                    record.entities(tags(testClass, subject, seeds)),
                    artifacts(record, files, lines),
                    record.startMillis(now),
                    now);
            MlflowExport.Outcome outcome = MlflowExport.export(settings.get(), run);
            if (outcome.unanswered()) {
                unanswered.putIfAbsent(settings.get().trackingUri(), testClass.getSimpleName());
            }
            List<String> exported = new ArrayList<>(outcome.lines());
            exported.addAll(lines);
            return exported;
        } catch (RuntimeException e) {
            // A report must not fail the build: a bad setting (its message names it) or anything unforeseen is a line.
            String why = e instanceof IllegalArgumentException ? e.getMessage() : e.toString();
            return List.of(MlflowExport.PREFIX + testClass.getSimpleName() + " not logged: " + why);
        }
    }

    /** Returns the tracking servers that did not answer in this run, with the class they did not answer for. */
    @SuppressWarnings("unchecked")
    private static Map<String, String> unanswered(ExtensionContext owner) {
        return owner.getRoot()
                .getStore(NAMESPACE)
                .getOrComputeIfAbsent(MlflowRun.class, c -> new ConcurrentHashMap<String, String>(), Map.class);
    }

    /** The tags a run starts with, as MLflow's own clients set them. */
    static Map<String, String> runTags(Class<?> testClass) {
        Map<String, String> tags = new LinkedHashMap<>();
        RunEnvironment environment = RunEnvironment.current();
        tags.put("mlflow.source.name", testClass.getName());
        putIfKnown(tags, "mlflow.source.git.commit", environment.gitCommit());
        putIfKnown(tags, "mlflow.source.git.branch", environment.gitBranch());
        putIfKnown(tags, "mlflow.user", System.getProperty("user.name"));
        return tags;
    }

    /** The tags of what the class was measured on and with, under modeltest's keys. */
    static Map<String, String> tags(Class<?> testClass, Subject subject, Set<String> seeds) {
        Map<String, String> tags = new LinkedHashMap<>();
        String p = MlflowRecord.TAG_PREFIX;
        tags.put(p + "testClass", testClass.getName());
        Optional<Provenance> provenance = Provenance.known(subject);
        if (provenance.isPresent()) {
            Provenance known = provenance.get();
            putIfKnown(tags, p + "data", known.data());
            putIfKnown(tags, p + "data.location", known.dataLocation());
            putIfKnown(tags, p + "data.sha256", known.dataSha256());
            tags.put(p + "data.rows", Long.toString(known.rows()));
            putIfKnown(tags, p + "data.dvcMd5", known.dataDvcMd5());
            putIfKnown(tags, p + "model", known.model());
            putIfKnown(tags, p + "model.sha256", known.modelSha256());
        } else {
            putIfKnown(tags, p + "data.location", subject.spec().data());
            putIfKnown(tags, p + "model", subject.spec().model().describe());
        }
        RunEnvironment environment = RunEnvironment.current();
        putIfKnown(tags, p + "git.commit", environment.gitCommit());
        putIfKnown(tags, p + "git.dirty", environment.gitDirty());
        putIfKnown(tags, p + "version", environment.modeltestVersion());
        putIfKnown(tags, p + "java", environment.java());
        putIfKnown(tags, p + "seed", String.join(",", seeds));
        return tags;
    }

    /**
     * The files of the run: the class's rows of the Markdown summary, then the files written for it that can be read;
     * a file that cannot is a line in {@code lines}.
     */
    private static List<MlflowExport.Artifact> artifacts(
            MlflowRecord record, Map<String, Path> files, List<String> lines) {
        List<MlflowExport.Artifact> artifacts = new ArrayList<>();
        List<Summary.Row> rows = record.rows();
        artifacts.add(new MlflowExport.Artifact(
                SUMMARY,
                CONTENT_TYPES.get(SUMMARY),
                new Summary(rows).markdown().getBytes(StandardCharsets.UTF_8)));
        for (String name : List.of(MODEL_CARD, MODEL_PAGE, RUN_RECORD)) {
            Path file = files.get(name);
            if (file == null) {
                continue;
            }
            try {
                artifacts.add(new MlflowExport.Artifact(name, CONTENT_TYPES.get(name), Files.readAllBytes(file)));
            } catch (IOException | RuntimeException e) {
                lines.add(MlflowExport.PREFIX + name + " not uploaded: cannot read " + file + ": " + e);
            }
        }
        return artifacts;
    }

    private static void putIfKnown(Map<String, String> tags, String key, String value) {
        if (value != null && !value.isBlank()) {
            tags.put(key, value);
        }
    }
}
