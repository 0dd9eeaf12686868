package dev.modeltest.junit;

import dev.modeltest.check.CheckResult;
import dev.modeltest.env.RunEnvironment;
import dev.modeltest.report.ModelPage;
import dev.modeltest.report.Provenance;
import dev.modeltest.subject.Subject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.annotation.Annotation;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The checks of one {@code @ModelTest} class as they end, collected for its {@linkplain ModelPage model page}, which
 * is written to {@code <output dir>/pages/<class>.html} when the class finishes.
 */
final class ModelPages {

    /** The folder of the pages under the output directory. */
    static final String FOLDER = "pages";

    private final List<ModelPage.Check> checks = new ArrayList<>();

    synchronized void add(String test, Annotation gate, CheckResult result) {
        checks.add(ModelPage.Check.of(test, "@" + gate.annotationType().getSimpleName(), result));
    }

    /**
     * Adds a check that could not run.
     *
     * @param displayName JUnit's display name of the test, which Allure names the test after unless an earlier check
     *     of the method reported a result
     */
    synchronized void addError(String test, Annotation gate, Throwable error, String displayName) {
        addError(test, "@" + gate.annotationType().getSimpleName(), error, displayName);
    }

    /** Adds a check that could not run, named by its annotation's text (e.g. {@code @NoDrift}). */
    synchronized void addError(String test, String annotation, Throwable error, String displayName) {
        checks.add(
                ModelPage.Check.error(test, annotation, Reporting.category(error), String.valueOf(error.getMessage()))
                        .withReportName(displayName));
    }

    synchronized boolean isEmpty() {
        return checks.isEmpty();
    }

    /** Returns the checks collected so far, in the order they ended (for the class's {@link ModelCard}). */
    synchronized List<ModelPage.Check> checks() {
        return List.copyOf(checks);
    }

    /**
     * Returns the checks, each with the name its test has in the Allure report: the titles of the method's checks that
     * reported a result, joined by {@code " · "} as {@link AllureSupport} names a test with several check annotations;
     * a test none of whose checks reported a result keeps JUnit's display name.
     */
    private List<ModelPage.Check> named() {
        Map<String, List<String>> titles = new LinkedHashMap<>();
        for (ModelPage.Check check : checks) {
            if (!check.isError()) {
                titles.computeIfAbsent(check.test(), t -> new ArrayList<>())
                        .add(check.result().title());
            }
        }
        List<ModelPage.Check> named = new ArrayList<>(checks.size());
        for (ModelPage.Check check : checks) {
            List<String> ofTest = titles.get(check.test());
            named.add(ofTest == null ? check : check.withReportName(String.join(" · ", ofTest)));
        }
        return named;
    }

    /** Returns the file a class's page is written to. */
    static Path file(Path outputDir, Class<?> testClass) {
        return outputDir.resolve(FOLDER).resolve(testClass.getName() + ".html");
    }

    /**
     * Builds the page from the checks and what the subject has already computed (it loads nothing): the data once
     * read, the predictions once a check needed them.
     */
    synchronized String html(Class<?> testClass, Subject subject, Set<String> seeds) {
        return html(testClass, subject, seeds, ModelPage::html);
    }

    /**
     * Builds the page as {@link #html(Class, Subject, Set)} does, rendering the full page with {@code render} (tests
     * make it fail to see the fallback).
     */
    synchronized String html(
            Class<?> testClass, Subject subject, Set<String> seeds, Function<ModelPage, String> render) {
        try {
            return render.apply(page(testClass, subject, seeds, true).build());
        } catch (RuntimeException e) {
            // A page is a report: a picture or profile that cannot be made must not fail the class. The checks' table
            // alone, saying why, is still worth having.
            return page(testClass, subject, seeds, false)
                    .provenance("page", "data, charts and profile left out: " + e)
                    .build()
                    .html();
        }
    }

    private ModelPage.Builder page(Class<?> testClass, Subject subject, Set<String> seeds, boolean withSubject) {
        ModelPage.Builder page = ModelPage.builder(testClass.getSimpleName());
        named().forEach(page::check);
        Map<String, Long> steps = subject.stepNanos();
        if (withSubject && steps.containsKey("load data")) {
            page.data(subject.data());
        }
        if (withSubject && steps.containsKey("predict")) {
            page.predictions(subject.predictions());
        }
        Optional<Provenance> provenance = Provenance.known(subject);
        provenance.ifPresent(p -> {
            page.provenance("data", p.data() + " (" + p.rows() + " rows)");
            page.provenance("data.location", p.dataLocation());
            page.provenance("data.sha256", ModelPage.shortHash(p.dataSha256()));
            page.provenance("model", p.model());
            page.provenance("model.sha256", ModelPage.shortHash(p.modelSha256()));
        });
        Optional<String> engine = engineOf(subject.spec().data());
        engine.ifPresent(page::readBy);
        if (provenance.isEmpty()) {
            page.provenance(
                    "data",
                    subject.spec().data()
                            + engine.map(e -> " (read by " + e + " where it lives)")
                                    .orElse(" (not read)"));
            page.provenance("model", subject.spec().model().describe());
        }
        subject.sample()
                .ifPresent(sample ->
                        page.provenance("sample", sample.asMap().toString().replaceAll("[{}]", "")));
        RunEnvironment environment = RunEnvironment.current();
        Map<String, String> properties = environment.asProperties();
        page.provenance("git.commit", ModelPage.shortHash(properties.get("git.commit")));
        page.provenance("git.branch", properties.get("git.branch"));
        page.provenance("git.dirty", properties.get("git.dirty"));
        page.provenance("java", properties.get("java"));
        page.provenance("modeltest.version", properties.get("modeltest.version"));
        page.provenance("seed", String.join(",", seeds));
        page.provenance("test class", testClass.getName());
        return page;
    }

    /** Writes the page and returns its file. */
    static Path write(Path outputDir, Class<?> testClass, String html) {
        Path file = file(outputDir, testClass);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(file, html, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write the model page " + file, e);
        }
        return file;
    }

    /**
     * Names the data engine that read the class's data where it lives ({@code the spark engine} for {@code
     * spark:...}), if its location has one.
     */
    static Optional<String> engineOf(String data) {
        try {
            return dev.modeltest.engine.DataEngines.find(data, "").map(e -> "the " + e.scheme() + " engine");
        } catch (RuntimeException notOnTheClassPath) {
            return Optional.empty();
        }
    }
}
