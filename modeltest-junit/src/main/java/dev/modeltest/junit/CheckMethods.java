package dev.modeltest.junit;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Finds check annotations on methods JUnit Jupiter will not run as tests: a private or static method, or one that
 * returns a value. Jupiter skips those with a discovery warning only, which a build does not fail on.
 */
final class CheckMethods {

    private CheckMethods() {}

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

    /** The failure of a class with checks JUnit will not run, naming each. */
    static String message(Class<?> testClass, List<String> unrun) {
        return "@ModelTest on " + testClass.getSimpleName() + ": " + unrun.size()
                + " gate(s) on methods JUnit will not run, so they would never judge: " + String.join("; ", unrun)
                + ". Make each gate method non-private, non-static and void.";
    }

    /**
     * Returns whether JUnit Jupiter runs the class at all: it has a test method JUnit accepts (a {@code @Testable}
     * annotation such as {@code @Test}, on a method that is neither private, static nor abstract, returning nothing
     * when it is a {@code @Test}), or a {@code @Nested} class. When it does, {@link ModelTestExtension} reports the
     * class's unrun checks; when not, {@link UnrunChecksEngine} must.
     */
    static boolean runByJupiter(Class<?> testClass) {
        for (Class<?> c = testClass; c != null && c != Object.class; c = c.getSuperclass()) {
            for (Method method : c.getDeclaredMethods()) {
                int modifiers = method.getModifiers();
                if (AnnotationSupport.isAnnotated(method, Testable.class)
                        && !Modifier.isPrivate(modifiers)
                        && !Modifier.isStatic(modifiers)
                        && !Modifier.isAbstract(modifiers)
                        && (method.getReturnType() == void.class
                                || !AnnotationSupport.isAnnotated(method, Test.class))) {
                    return true;
                }
            }
            for (Class<?> member : c.getDeclaredClasses()) {
                if (member.isAnnotationPresent(Nested.class) && !Modifier.isStatic(member.getModifiers())) {
                    return true;
                }
            }
        }
        return false;
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
        if (method.getReturnType() != void.class) {
            reasons.add("returns " + method.getReturnType().getSimpleName());
        }
        return reasons.isEmpty() ? null : String.join(", ", reasons);
    }
}
