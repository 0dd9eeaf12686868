package dev.modeltest.junit;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;

/**
 * Finds gate annotations on methods JUnit Jupiter will not run as tests: a private or static method, or one that
 * returns a value. Jupiter skips those with a discovery warning only, which a build does not fail on.
 */
final class GateMethods {

    private GateMethods() {}

    /**
     * Returns one entry per such method of the class, its superclasses and its {@code @Nested} classes (at any depth),
     * e.g. {@code @AccuracyAtLeast on IrisTest.hidden() (private)}, sorted for a stable message.
     */
    static List<String> notRunByJUnit(Class<?> testClass) {
        List<String> found = new ArrayList<>();
        collect(testClass, found, new HashSet<>());
        found.sort(null);
        return found;
    }

    private static void collect(Class<?> type, List<String> found, Set<Class<?>> visited) {
        if (!visited.add(type)) {
            return;
        }
        for (Class<?> c = type; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                if (method.isSynthetic() || method.isBridge()) {
                    continue;
                }
                List<Annotation> gates = ModelTestExtension.checkAnnotations(method);
                String why = whyNotRun(method);
                if (!gates.isEmpty() && why != null) {
                    found.add(ModelTestExtension.where(gates.get(0), method) + " (" + why + ")");
                }
            }
            for (Class<?> member : c.getDeclaredClasses()) {
                if (member.isAnnotationPresent(Nested.class)) {
                    collect(member, found, visited);
                }
            }
        }
    }

    private static String whyNotRun(Method method) {
        List<String> reasons = new ArrayList<>();
        int modifiers = method.getModifiers();
        if (Modifier.isPrivate(modifiers)) {
            reasons.add("private");
        }
        if (Modifier.isStatic(modifiers)) {
            reasons.add("static");
        }
        if (Modifier.isAbstract(modifiers)) {
            reasons.add("abstract");
        }
        if (method.getReturnType() != void.class) {
            reasons.add("returns " + method.getReturnType().getSimpleName());
        }
        return reasons.isEmpty() ? null : String.join(", ", reasons);
    }
}
