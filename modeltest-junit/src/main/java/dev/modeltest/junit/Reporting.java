package dev.modeltest.junit;

import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Format;
import dev.modeltest.subject.Subject;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Sends results to every sink: JUnit report entries, the run record, and Allure when it is on the class path. */
final class Reporting {

    /** The configuration parameter that sets where run records go; default {@value #DEFAULT_OUTPUT}. */
    static final String OUTPUT_DIR_PARAMETER = "modeltest.output.dir";

    static final String DEFAULT_OUTPUT = "target/modeltest";

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(Reporting.class);

    private Reporting() {}

    static void result(ExtensionContext context, ExtensionContext owner, Subject subject, CheckResult result) {
        Map<String, String> entry = new LinkedHashMap<>();
        entry.put("modeltest.check", result.check());
        entry.put("modeltest.verdict", result.verdict().name());
        entry.put("modeltest.measured", measuredText(result));
        entry.put("modeltest.threshold", result.threshold());
        entry.put("modeltest.n", Long.toString(result.n()));
        context.publishReportEntry(entry);
        record(owner).add(testName(context), result);
        AllureSupport.result(subject, result);
    }

    static void error(ExtensionContext context, ExtensionContext owner, Throwable error) {
        record(owner).addError(testName(context), error);
    }

    static void classFinished(ExtensionContext owner, Subject subject) {
        RunRecord record = owner.getStore(NAMESPACE).get(RunRecord.class, RunRecord.class);
        if (record == null || record.isEmpty()) {
            return;
        }
        Path dir = Path.of(owner.getConfigurationParameter(OUTPUT_DIR_PARAMETER).orElse(DEFAULT_OUTPUT));
        record.write(dir, owner.getRequiredTestClass(), subject);
        AllureSupport.environment(owner.getRequiredTestClass(), subject);
    }

    private static RunRecord record(ExtensionContext owner) {
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(RunRecord.class, c -> new RunRecord(), RunRecord.class);
    }

    private static String testName(ExtensionContext context) {
        return context.getTestMethod().map(m -> m.getName() + "()").orElse(context.getDisplayName());
    }

    /** Formats the measured value with its interval, e.g. {@code 0.9667 (95% CI 0.8333–0.9941)}. */
    static String measuredText(CheckResult result) {
        double v = result.measured();
        String measured = v == Math.rint(v) && Math.abs(v) >= 1 ? Format.number(v) : Format.value(v);
        return result.interval() == null ? measured : measured + " (" + result.interval() + ")";
    }
}
