package dev.modeltest.junit;

import dev.modeltest.check.Attachment;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Format;
import dev.modeltest.env.RunEnvironment;
import dev.modeltest.report.Json;
import dev.modeltest.report.Provenance;
import dev.modeltest.subject.Subject;
import io.qameta.allure.Allure;
import io.qameta.allure.model.Label;
import io.qameta.allure.util.PropertiesUtils;
import io.qameta.allure.util.ResultsUtils;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;

/**
 * Reports to Allure when {@code allure-jupiter} is on the test class path, and does nothing otherwise. Calls happen on
 * the test's own thread, where Allure keeps the current test.
 */
final class AllureSupport {

    private static final boolean PRESENT = detect();

    private AllureSupport() {}

    private static boolean detect() {
        try {
            Class.forName("io.qameta.allure.Allure", false, AllureSupport.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }

    static void result(Subject subject, CheckResult result) {
        if (PRESENT) {
            Impl.result(subject, result);
        }
    }

    static void environment(Class<?> testClass, Subject subject) {
        if (PRESENT) {
            Impl.environment(testClass, subject);
        }
    }

    /** Touches Allure's classes; loaded only when Allure is present. */
    private static final class Impl {

        private static final Map<String, String> ENVIRONMENT = new TreeMap<>();

        private Impl() {}

        static void result(Subject subject, CheckResult result) {
            if (Allure.getLifecycle().getCurrentTestCase().isEmpty()) {
                return;
            }
            Allure.getLifecycle().updateTestCase(test -> {
                test.setName(result.title());
                test.getLabels().removeIf(label -> "feature".equals(label.getName()));
                test.getLabels()
                        .add(new Label()
                                .setName("feature")
                                .setValue(result.family().displayName()));
                test.getLabels().add(ResultsUtils.createTagLabel("modeltest"));
            });
            subject.stepNanos().forEach((step, nanos) -> Allure.step(step + ": " + Format.millis(nanos / 1e6)));
            Allure.parameter("check", result.check());
            Allure.parameter("threshold", result.threshold());
            Allure.parameter("measured", Reporting.measuredText(result));
            Allure.parameter("verdict", result.verdict().name());
            Allure.parameter("n", result.n());
            Provenance provenance = provenance(subject);
            if (provenance != null) {
                Allure.parameter("data", provenance.data() + " (" + provenance.rows() + " rows)");
                Allure.parameter("model", provenance.model());
            }
            Map<String, Object> json = new LinkedHashMap<>(Json.toMap(result));
            if (provenance != null) {
                json.put("provenance", provenance.asMap());
            }
            Allure.addAttachment("result of " + result.check(), "application/json", Json.write(json), "json");
            for (Attachment attachment : result.attachments()) {
                Allure.addAttachment(
                        attachment.name(),
                        attachment.mediaType(),
                        new ByteArrayInputStream(attachment.content().get()),
                        attachment.extension());
            }
        }

        private static Provenance provenance(Subject subject) {
            try {
                return Provenance.of(subject);
            } catch (RuntimeException e) {
                return null;
            }
        }

        static synchronized void environment(Class<?> testClass, Subject subject) {
            ENVIRONMENT.putAll(RunEnvironment.current().asProperties());
            Provenance provenance = provenance(subject);
            if (provenance != null) {
                String key = testClass.getSimpleName();
                ENVIRONMENT.put(key + ".data", provenance.dataLocation() + " (" + provenance.rows() + " rows)");
                ENVIRONMENT.put(key + ".data.sha256", provenance.dataSha256());
                ENVIRONMENT.put(key + ".model", provenance.model());
                if (!provenance.modelSha256().isEmpty()) {
                    ENVIRONMENT.put(key + ".model.sha256", provenance.modelSha256());
                }
            }
            Path dir = Path.of(
                    PropertiesUtils.loadAllureProperties().getProperty("allure.results.directory", "allure-results"));
            Properties properties = new Properties();
            properties.putAll(ENVIRONMENT);
            try {
                Files.createDirectories(dir);
                StringWriter text = new StringWriter();
                properties.store(text, "written by modeltest");
                Files.writeString(dir.resolve("environment.properties"), text.toString(), StandardCharsets.ISO_8859_1);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot write Allure's environment.properties in " + dir, e);
            }
        }
    }
}
