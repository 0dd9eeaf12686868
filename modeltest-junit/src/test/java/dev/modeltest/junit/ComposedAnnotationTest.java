package dev.modeltest.junit;

import static dev.modeltest.junit.TestKit.failureOf;
import static dev.modeltest.junit.TestKit.run;
import static dev.modeltest.junit.TestKit.succeeded;
import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Test;
import org.junit.platform.testkit.engine.EngineExecutionResults;

/** A team's own annotation carrying a check annotation runs that check, as the docs promise. */
class ComposedAnnotationTest {

    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @AccuracyAtLeast(0.99)
    @interface StrictGate {}

    @Target({ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @Retention(RetentionPolicy.RUNTIME)
    @AccuracyAtLeast(0.5)
    @interface LenientGate {}

    @ModelTest(provider = TestModels.Threshold.class, data = TestModels.TINY, label = "label")
    static class ComposedTestCase {
        @StrictGate
        void strict() {}

        @LenientGate
        void lenient() {}
    }

    @Test
    void aComposedAnnotationRunsTheCheckItCarries() {
        EngineExecutionResults results = run(ComposedTestCase.class);

        assertThat(succeeded(results)).containsExactly("lenient()");
        assertThat(failureOf(results, "strict"))
                .startsWith("Expecting model accuracy on tiny.csv (n=10):")
                .contains("to be at least:\n  0.9900");
    }
}
