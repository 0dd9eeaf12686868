package dev.modeltest.junit;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtensionConfigurationException;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.ReflectionSupport;
import org.junit.platform.engine.EngineDiscoveryRequest;
import org.junit.platform.engine.EngineExecutionListener;
import org.junit.platform.engine.ExecutionRequest;
import org.junit.platform.engine.Filter;
import org.junit.platform.engine.TestDescriptor;
import org.junit.platform.engine.TestEngine;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.UniqueId;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.ClassSelector;
import org.junit.platform.engine.discovery.ClasspathRootSelector;
import org.junit.platform.engine.discovery.PackageNameFilter;
import org.junit.platform.engine.discovery.PackageSelector;
import org.junit.platform.engine.support.descriptor.AbstractTestDescriptor;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.EngineDescriptor;

/**
 * A JUnit Platform engine that fails, as one test, each selected {@code @ModelTest} class that JUnit Jupiter does not
 * run at all because its only checks sit on methods Jupiter will not run (private, static or non-void). Jupiter logs a
 * discovery warning for those and the build would be green without a check having judged; a class Jupiter does run is
 * failed by {@link ModelTestExtension} instead. Registered through {@code META-INF/services}; it discovers nothing,
 * and so shows nowhere, in a project without such a class.
 *
 * @since 0.1.0
 */
@API(status = API.Status.INTERNAL, since = "0.1.0")
public final class UnrunChecksEngine implements TestEngine {

    /** The engine's id. */
    public static final String ID = "modeltest-unrun-gates";

    @Override
    public String getId() {
        return ID;
    }

    @Override
    public TestDescriptor discover(EngineDiscoveryRequest request, UniqueId uniqueId) {
        EngineDescriptor engine = new EngineDescriptor(uniqueId, "modeltest: gates JUnit will not run");
        Predicate<String> classNames = Filter.composeFilters(request.getFiltersByType(ClassNameFilter.class))
                .toPredicate();
        Predicate<String> packageNames = Filter.composeFilters(request.getFiltersByType(PackageNameFilter.class))
                .toPredicate();
        Predicate<Class<?>> modelTests = c -> AnnotationSupport.isAnnotated(c, ModelTest.class);
        Set<Class<?>> candidates = new LinkedHashSet<>();
        for (ClassSelector selector : request.getSelectorsByType(ClassSelector.class)) {
            try {
                candidates.add(selector.getJavaClass());
            } catch (RuntimeException | LinkageError notLoadable) {
                // Jupiter reports a class it cannot load; nothing to scan here.
            }
        }
        for (PackageSelector selector : request.getSelectorsByType(PackageSelector.class)) {
            candidates.addAll(ReflectionSupport.findAllClassesInPackage(
                    selector.getPackageName(),
                    modelTests,
                    name -> classNames.test(name) && inPackage(name, packageNames)));
        }
        for (ClasspathRootSelector selector : request.getSelectorsByType(ClasspathRootSelector.class)) {
            candidates.addAll(ReflectionSupport.findAllClassesInClasspathRoot(
                    selector.getClasspathRoot(),
                    modelTests,
                    name -> classNames.test(name) && inPackage(name, packageNames)));
        }
        for (Class<?> candidate : candidates) {
            if (!modelTests.test(candidate) || CheckMethods.runByJupiter(candidate)) {
                continue;
            }
            List<String> unrun = CheckMethods.notRunByJUnit(candidate);
            if (!unrun.isEmpty()) {
                engine.addChild(new UnrunClass(
                        uniqueId.append("class", candidate.getName()),
                        candidate,
                        CheckMethods.message(candidate, unrun)));
            }
        }
        return engine;
    }

    private static boolean inPackage(String className, Predicate<String> packageNames) {
        int dot = className.lastIndexOf('.');
        return packageNames.test(dot < 0 ? "" : className.substring(0, dot));
    }

    @Override
    public void execute(ExecutionRequest request) {
        TestDescriptor engine = request.getRootTestDescriptor();
        EngineExecutionListener listener = request.getEngineExecutionListener();
        listener.executionStarted(engine);
        for (TestDescriptor child : new ArrayList<>(engine.getChildren())) {
            listener.executionStarted(child);
            listener.executionFinished(
                    child,
                    TestExecutionResult.failed(new ExtensionConfigurationException(((UnrunClass) child).message)));
        }
        listener.executionFinished(engine, TestExecutionResult.successful());
    }

    /** One {@code @ModelTest} class whose checks JUnit will not run. */
    private static final class UnrunClass extends AbstractTestDescriptor {
        private final String message;

        UnrunClass(UniqueId id, Class<?> testClass, String message) {
            super(id, testClass.getSimpleName() + ": gates JUnit will not run", ClassSource.from(testClass));
            this.message = message;
        }

        @Override
        public Type getType() {
            return Type.TEST;
        }
    }
}
