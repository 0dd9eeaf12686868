package dev.modeltest.junit;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.junit.platform.testkit.engine.Event;

/** Runs fixture classes through JUnit Jupiter and reads the outcome. */
final class TestKit {

    private TestKit() {}

    static EngineExecutionResults run(Class<?> fixture) {
        return run(fixture, Map.of());
    }

    static EngineExecutionResults run(Class<?> fixture, Map<String, String> configuration) {
        return EngineTestKit.engine("junit-jupiter")
                .configurationParameter("modeltest.output.dir", "target/modeltest-fixtures")
                .configurationParameters(configuration)
                .selectors(selectClass(fixture))
                .execute();
    }

    /** Returns the failure message of the test of that method name. */
    static String failureOf(EngineExecutionResults results, String method) {
        List<String> messages = results.testEvents().failed().stream()
                .filter(e -> e.getTestDescriptor().getDisplayName().startsWith(method + "("))
                .map(TestKit::message)
                .collect(Collectors.toList());
        if (messages.size() != 1) {
            throw new AssertionError("expected one failure of " + method + "(), found " + messages + "; all failures: "
                    + results.testEvents().failed().stream()
                            .map(e -> e.getTestDescriptor().getDisplayName() + ": " + message(e))
                            .collect(Collectors.toList()));
        }
        return messages.get(0);
    }

    /** Returns the display names of the tests that succeeded. */
    static List<String> succeeded(EngineExecutionResults results) {
        return results.testEvents().succeeded().stream()
                .map(e -> e.getTestDescriptor().getDisplayName())
                .sorted()
                .collect(Collectors.toList());
    }

    static String message(Event event) {
        return event.getPayload(TestExecutionResult.class)
                .flatMap(TestExecutionResult::getThrowable)
                .map(t -> String.valueOf(t.getMessage()))
                .orElse("<no throwable>");
    }

    static Throwable throwableOf(EngineExecutionResults results, String method) {
        return results.testEvents().failed().stream()
                .filter(e -> e.getTestDescriptor().getDisplayName().startsWith(method + "("))
                .findFirst()
                .flatMap(e -> e.getPayload(TestExecutionResult.class))
                .flatMap(TestExecutionResult::getThrowable)
                .orElseThrow(() -> new AssertionError("no failure of " + method + "()"));
    }
}
