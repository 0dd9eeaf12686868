package dev.modeltest.junit;

import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Verdict;
import dev.modeltest.data.Resource;
import dev.modeltest.data.TestData;
import dev.modeltest.engine.DataEngine;
import dev.modeltest.engine.DataEngines;
import dev.modeltest.engine.EngineSubject;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.model.Features;
import dev.modeltest.model.Model;
import dev.modeltest.model.Predictions;
import dev.modeltest.subject.Subject;
import dev.modeltest.subject.SubjectSpec;
import java.lang.annotation.Annotation;
import java.lang.reflect.Constructor;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.InvocationInterceptor;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.ReflectiveInvocationContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The JUnit Jupiter extension behind {@link ModelTest} and the check annotations. It only translates: annotations
 * into core checks, results into assertions and report entries. Registered by the annotations themselves.
 *
 * <p>Per {@code @ModelTest} class it keeps one {@link Subject} (data, model, predictions, computed once on first use)
 * in the class's extension store; {@code @Nested} classes without their own {@code @ModelTest} share their enclosing
 * class's subject.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class ModelTestExtension
        implements InvocationInterceptor, ParameterResolver, BeforeAllCallback, AfterAllCallback {

    /** The configuration parameter that decides whether an INCONCLUSIVE verdict fails or aborts a test. */
    public static final String INCONCLUSIVE_PARAMETER = "modeltest.inconclusive";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(ModelTestExtension.class);

    private static final Set<Class<?>> INJECTABLE =
            Set.of(Predictions.class, TestData.class, Model.class, Subject.class, Features.class);

    @Override
    public void interceptTestMethod(
            Invocation<Void> invocation,
            ReflectiveInvocationContext<Method> invocationContext,
            ExtensionContext context)
            throws Throwable {
        Method method = invocationContext.getExecutable();
        List<Gate> gates;
        try {
            gates = gatesOf(method);
        } catch (ConfigurationException e) {
            Reporting.configurationError(context, owner(context), e);
            invocation.skip();
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
        if (gates.isEmpty()) {
            owner(context).ifPresent(owner -> Reporting.testStarted(context, owner));
            invocation.proceed();
            return;
        }
        String who = where(gates.get(0).annotation(), method);
        ExtensionContext owner = requireOwner(context, who);
        Reporting.testStarted(context, owner);
        Subject subject = subject(owner);
        Optional<EngineSubject> engine = engineSubject(owner, subject.spec());
        List<CheckResult> failures = new ArrayList<>();
        List<CheckResult> inconclusive = new ArrayList<>();
        for (int i = 0; i < gates.size(); i++) {
            Gate gate = gates.get(i);
            Set<String> stepsBefore = subject.stepNanos().keySet();
            long startMillis = System.currentTimeMillis();
            long start = System.nanoTime();
            CheckResult result;
            try {
                result = engine.isPresent()
                        ? engine.get().run(gate.check(), where(gate.annotation(), method))
                        : gate.check().run(subject);
            } catch (RuntimeException e) {
                Reporting.Run run = new Reporting.Run(i, stepsBefore, startMillis, System.nanoTime() - start);
                Reporting.error(context, owner, subject, gate, run, e);
                invocation.skip();
                throw e instanceof ConfigurationException ? new ExtensionConfigurationException(e.getMessage(), e) : e;
            }
            Reporting.Run run = new Reporting.Run(i, stepsBefore, startMillis, System.nanoTime() - start);
            Reporting.result(context, owner, subject, gate, run, result);
            if (result.verdict() == Verdict.FAIL) {
                failures.add(result);
            } else if (result.verdict() == Verdict.INCONCLUSIVE) {
                inconclusive.add(result);
            }
        }
        if (!failures.isEmpty()) {
            invocation.skip();
            throw failure(failures);
        }
        if (!inconclusive.isEmpty()) {
            invocation.skip();
            throw inconclusive(inconclusive, context);
        }
        invocation.proceed();
    }

    /**
     * An INCONCLUSIVE verdict fails the test by default; with the configuration parameter {@value
     * #INCONCLUSIVE_PARAMETER} {@code = abort} it aborts it instead (reported as skipped), so a project can choose
     * whether "not enough data to decide" blocks a build. Allure's "quality check inconclusive" category recognises the
     * error by this method's frame in the stack trace ({@code allure-categories.json}).
     */
    private static Throwable inconclusive(List<CheckResult> results, ExtensionContext context) {
        String message = results.stream().map(CheckResult::message).collect(Collectors.joining("\n\n"));
        String policy =
                context.getConfigurationParameter(INCONCLUSIVE_PARAMETER).orElse("fail");
        if ("abort".equalsIgnoreCase(policy.trim())) {
            return new TestAbortedException(message);
        }
        if (!"fail".equalsIgnoreCase(policy.trim())) {
            return new ExtensionConfigurationException("configuration parameter " + INCONCLUSIVE_PARAMETER
                    + " must be 'fail' or 'abort', was '" + policy + "'");
        }
        return new AssertionFailedError(message);
    }

    /**
     * Builds the error of failed checks. Allure's "quality check failed" category recognises it by this method's frame in
     * the stack trace ({@code allure-categories.json}); keep the name, or change both.
     */
    private static AssertionFailedError failure(List<CheckResult> failures) {
        if (failures.size() == 1) {
            CheckResult only = failures.get(0);
            return new AssertionFailedError(only.message(), only.threshold(), Reporting.measuredText(only));
        }
        StringBuilder message = new StringBuilder(failures.size() + " checks failed:");
        for (CheckResult failure : failures) {
            message.append("\n\n").append(failure.message());
        }
        return new AssertionFailedError(message.toString());
    }

    /**
     * Fails the outermost {@code @ModelTest} class when one of its checks sits on a method JUnit will not run (private,
     * static or non-void): JUnit only logs a discovery warning for those and the build would be green without the check
     * ever judging. The class, its superclasses and its {@code @Nested} classes are scanned once, from the outermost.
     * A class JUnit does not run at all (its only checks are on such methods) is reported by {@link UnrunChecksEngine}.
     */
    @Override
    public void beforeAll(ExtensionContext context) {
        Class<?> testClass = context.getRequiredTestClass();
        boolean outermost =
                context.getParent().flatMap(ExtensionContext::getTestClass).isEmpty();
        if (!outermost || !AnnotationSupport.isAnnotated(testClass, ModelTest.class)) {
            return;
        }
        List<String> unrun = CheckMethods.notRunByJUnit(testClass);
        if (!unrun.isEmpty()) {
            throw new ExtensionConfigurationException(CheckMethods.message(testClass, unrun));
        }
    }

    @Override
    public void afterAll(ExtensionContext context) {
        Optional<ExtensionContext> owner = owner(context);
        if (owner.isPresent() && owner.get() == context) {
            Subject subject = context.getStore(NAMESPACE).get(context.getRequiredTestClass(), Subject.class);
            if (subject != null) {
                Reporting.classFinished(context, subject);
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        return INJECTABLE.contains(parameterContext.getParameter().getType());
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext context) {
        Class<?> type = parameterContext.getParameter().getType();
        String where = "parameter " + parameterContext.getParameter().getName() + " of "
                + parameterContext.getDeclaringExecutable().getName() + "()";
        try {
            ExtensionContext owner = requireOwner(context, where);
            Subject subject = subject(owner);
            if (engineSubject(owner, subject.spec()).isPresent()) {
                throw new ParameterResolutionException(where + ": "
                        + subject.spec().origin() + " reads '"
                        + subject.spec().data() + "' where it lives: its rows, predictions and model are never loaded"
                        + " into the test JVM, so no " + type.getSimpleName() + " can be injected");
            }
            if (type == Subject.class) {
                return subject;
            }
            if (type == TestData.class) {
                return subject.data();
            }
            if (type == Predictions.class) {
                return subject.predictions();
            }
            if (type == Features.class) {
                return subject.features();
            }
            return subject.requireModel(where);
        } catch (RuntimeException e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }

    private static ExtensionContext requireOwner(ExtensionContext context, String who) {
        return owner(context)
                .orElseThrow(
                        () -> new ExtensionConfigurationException(who + " needs @ModelTest on its test class (or an"
                                + " enclosing class) to say which model and data to test"));
    }

    /** Returns the shared subject of an owner context, creating (not loading) it on first use. */
    private static Subject subject(ExtensionContext owner) {
        Class<?> testClass = owner.getRequiredTestClass();
        ModelTest annotation =
                AnnotationSupport.findAnnotation(testClass, ModelTest.class).orElseThrow();
        SubjectSpec spec;
        try {
            // The project's settings of the in-memory reader (missing-value tokens, the most rows read into the JVM)
            // are not an engine's: its data is never read into the JVM.
            boolean onEngine = engine(annotation.data(), "@ModelTest on " + testClass.getSimpleName())
                    .isPresent();
            spec = SubjectSpecs.from(
                    annotation,
                    testClass,
                    onEngine
                            ? Optional.empty()
                            : owner.getConfigurationParameter(SubjectSpecs.MISSING_VALUES_PARAMETER),
                    onEngine ? Optional.empty() : owner.getConfigurationParameter(SubjectSpecs.SAMPLE_PARAMETER));
        } catch (ConfigurationException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
        // Keep the store's creator trivial: no other store access, no loading.
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(testClass, c -> Subject.of(spec), Subject.class);
    }

    /**
     * Returns the engine that reads a data location ({@code spark:...} with modeltest-spark on the class path), or
     * empty for a file the in-memory engine reads; {@code classpath:} is always a file.
     */
    private static Optional<DataEngine> engine(String location, String origin) {
        if (location.startsWith(Resource.CLASSPATH_PREFIX)) {
            return Optional.empty();
        }
        return DataEngines.find(location, origin);
    }

    /**
     * Returns the engine's view of the owner's data when an engine reads it (checks then run there, not on the
     * subject), else empty. Created once per owner class, without reading anything; closed with the class.
     */
    private static Optional<EngineSubject> engineSubject(ExtensionContext owner, SubjectSpec spec) {
        Optional<DataEngine> engine;
        try {
            engine = engine(spec.data(), spec.origin());
        } catch (ConfigurationException e) {
            throw new ExtensionConfigurationException(e.getMessage(), e);
        }
        if (engine.isEmpty()) {
            return Optional.empty();
        }
        DataEngine found = engine.get();
        String location = DataEngines.withoutScheme(spec.data());
        java.util.function.Function<String, Optional<String>> configuration = owner::getConfigurationParameter;
        // Keep the store's creator trivial: open(...) reads nothing until the first check runs.
        return Optional.of(owner.getStore(NAMESPACE)
                .getOrComputeIfAbsent(
                        new EngineKey(owner.getRequiredTestClass()),
                        k -> found.open(spec, location, configuration),
                        EngineSubject.class));
    }

    /** The store key of an owner class's engine subject (the subject itself is stored under the class). */
    private record EngineKey(Class<?> testClass) {}

    /** Finds the class-level context that owns the subject: the nearest one whose class carries @ModelTest. */
    private static Optional<ExtensionContext> owner(ExtensionContext context) {
        Optional<ExtensionContext> current = Optional.of(context);
        while (current.isPresent()) {
            ExtensionContext c = current.get();
            if (c.getTestMethod().isEmpty()
                    && c.getTestClass().isPresent()
                    && AnnotationSupport.isAnnotated(c.getTestClass().get(), ModelTest.class)) {
                return current;
            }
            current = c.getParent();
        }
        return Optional.empty();
    }

    /**
     * One check of a test method: a check annotation and the check built from it.
     *
     * @param annotation the check annotation as written, whose attributes are the check's configuration
     * @param check the core check
     */
    record Gate(Annotation annotation, Check check) {}

    /**
     * Builds the checks of every check annotation on the method, in declaration order, validating their attributes.
     * Check annotations may also sit on an annotation of the user's (a composed annotation); they are found through
     * it.
     */
    static List<Gate> gatesOf(Method method) {
        List<Gate> gates = new ArrayList<>();
        for (Annotation annotation : checkAnnotations(method)) {
            CheckedBy checkedBy = annotation.annotationType().getAnnotation(CheckedBy.class);
            gates.add(new Gate(annotation, create(checkedBy.value(), annotation, where(annotation, method))));
        }
        return gates;
    }

    /** Returns the check annotations on the method, directly or through composed annotations, in declaration order. */
    static List<Annotation> checkAnnotations(Method method) {
        List<Annotation> found = new ArrayList<>();
        collectCheckAnnotations(method.getAnnotations(), found, new java.util.HashSet<>());
        return found;
    }

    private static void collectCheckAnnotations(
            Annotation[] annotations, List<Annotation> found, Set<Class<?>> visited) {
        for (Annotation annotation : annotations) {
            Class<? extends Annotation> type = annotation.annotationType();
            if (type.isAnnotationPresent(CheckedBy.class)) {
                found.add(annotation);
            } else if (!type.getName().startsWith("java.lang.annotation") && visited.add(type)) {
                collectCheckAnnotations(type.getAnnotations(), found, visited);
            }
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Check create(Class<? extends CheckFactory<?>> factoryType, Annotation annotation, String where) {
        CheckFactory factory;
        try {
            Constructor<? extends CheckFactory<?>> constructor = factoryType.getDeclaredConstructor();
            constructor.setAccessible(true);
            factory = constructor.newInstance();
        } catch (ReflectiveOperationException | RuntimeException e) {
            throw new ConfigurationException(
                    where + ": cannot create check factory " + factoryType.getName()
                            + " (it needs a no-argument constructor): " + e,
                    e);
        }
        return factory.create(annotation, where);
    }

    static String where(Annotation annotation, Method method) {
        return "@" + annotation.annotationType().getSimpleName() + " on "
                + method.getDeclaringClass().getSimpleName() + "." + method.getName() + "()";
    }
}
