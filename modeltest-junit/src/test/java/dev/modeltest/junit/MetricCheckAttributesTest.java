package dev.modeltest.junit;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.support.ReflectionSupport;

/**
 * Every metric gate annotation declares the attributes of {@link MetricCheckAttributes} with the same types and
 * defaults. Java annotations cannot inherit attributes and {@link MetricChecks#gate} reads them by name, so without
 * this test an annotation that forgot one would fail only when used, and one with another default would silently
 * differ from its siblings.
 */
class MetricCheckAttributesTest {

    /** The annotations of this package whose factory is a metric gate factory, found by scanning the package. */
    static List<Class<?>> metricGateAnnotations() {
        return ReflectionSupport.findAllClassesInPackage(
                        MetricChecks.class.getPackageName(),
                        type -> type.isAnnotation()
                                && type.isAnnotationPresent(CheckedBy.class)
                                && MetricChecks.MetricCheckFactory.class.isAssignableFrom(
                                        type.getAnnotation(CheckedBy.class).value()),
                        name -> true)
                .stream()
                .sorted((a, b) -> a.getName().compareTo(b.getName()))
                .collect(Collectors.toList());
    }

    /**
     * Returns what {@code annotation} gets wrong against {@link MetricCheckAttributes}, one line per attribute: missing,
     * another type, or another default. Empty when it declares every shared attribute alike.
     */
    static List<String> problems(Class<?> annotation) {
        List<String> out = new ArrayList<>();
        String name = "@" + annotation.getSimpleName();
        for (Method shared : MetricCheckAttributes.class.getDeclaredMethods()) {
            Method own;
            try {
                own = annotation.getDeclaredMethod(shared.getName());
            } catch (NoSuchMethodException e) {
                out.add(name + " lacks '" + shared.getName() + "' (" + describe(shared) + ")");
                continue;
            }
            if (own.getReturnType() != shared.getReturnType()) {
                out.add(name + " declares '" + shared.getName() + "' as "
                        + own.getReturnType().getSimpleName() + ", not "
                        + shared.getReturnType().getSimpleName());
            } else if (!Objects.equals(own.getDefaultValue(), shared.getDefaultValue())) {
                out.add(name + " declares '" + shared.getName() + "' with "
                        + (own.getDefaultValue() == null ? "no default" : "default " + own.getDefaultValue())
                        + ", not "
                        + (shared.getDefaultValue() == null ? "no default" : "default " + shared.getDefaultValue()));
            }
        }
        out.sort(null);
        return out;
    }

    private static String describe(Method attribute) {
        return attribute.getReturnType().getSimpleName()
                + (attribute.getDefaultValue() == null ? "" : ", default " + attribute.getDefaultValue());
    }

    @Test
    void everyMetricGateAnnotationDeclaresTheSharedAttributesAlike() {
        List<String> problems = new ArrayList<>();
        for (Class<?> annotation : metricGateAnnotations()) {
            problems.addAll(problems(annotation));
        }

        assertThat(problems).isEmpty();
    }

    @Test
    void theScanFindsTheMetricGateAnnotationsWithoutAHandList() {
        List<String> names =
                metricGateAnnotations().stream().map(Class::getSimpleName).collect(Collectors.toList());

        // A scan that found nothing would make the test above pass on no annotation at all.
        assertThat(names)
                .contains(
                        "AccuracyAtLeast",
                        "MetricAtLeast",
                        "MetricAtMost",
                        "F1AtLeast",
                        "FBetaAtLeast",
                        "PrecisionAtLeast",
                        "RecallAtLeast",
                        "AucAtLeast",
                        "R2AtLeast",
                        "LogLossAtMost",
                        "MaeAtMost",
                        "RmseAtMost",
                        "CalibrationErrorAtMost")
                .doesNotContain("NoRegressionVs", "LatencyUnder", "DisparateImpactAtLeast");
    }

    @Test
    void theSharedDeclarationHasEveryAttributeTheGateReads() {
        assertThat(Arrays.stream(MetricCheckAttributes.class.getDeclaredMethods())
                        .map(Method::getName))
                .containsExactlyInAnyOrder(
                        "value", "confidence", "slicedBy", "minSliceSize", "seed", "resamples", "interval");
    }

    /** A metric gate annotation that forgot {@code seed}. */
    @interface WithoutSeed {
        double value();

        double confidence() default 0;

        String slicedBy() default "";

        int minSliceSize() default 30;

        int resamples() default 2000;

        dev.modeltest.metrics.IntervalMethod interval() default dev.modeltest.metrics.IntervalMethod.AUTO;
    }

    /** One with {@code seed} as an int and another {@code resamples} default. */
    @interface WithOtherTypeAndDefault {
        double value();

        double confidence() default 0;

        String slicedBy() default "";

        int minSliceSize() default 30;

        int seed() default 42;

        int resamples() default 1000;

        dev.modeltest.metrics.IntervalMethod interval() default dev.modeltest.metrics.IntervalMethod.AUTO;
    }

    @Test
    void anAnnotationWithoutASharedAttributeIsNamedWithTheAttribute() {
        assertThat(problems(WithoutSeed.class)).containsExactly("@WithoutSeed lacks 'seed' (long, default 42)");
    }

    @Test
    void anotherTypeOrAnotherDefaultIsNamedWithTheAttribute() {
        assertThat(problems(WithOtherTypeAndDefault.class))
                .containsExactly(
                        "@WithOtherTypeAndDefault declares 'resamples' with default 1000, not default 2000",
                        "@WithOtherTypeAndDefault declares 'seed' as int, not long");
    }
}
