package dev.modeltest.junit;

import java.lang.annotation.Annotation;

/**
 * Reads a check annotation's attribute by its name. The annotations of one family declare the same attributes (every
 * fairness annotation its {@code attribute}, {@code minGroupSize}, {@code seed}, ...; every metric check its {@code
 * confidence}, {@code slicedBy}, ...), and Java annotations cannot share them through an interface; reading them by
 * name lets one method translate them for the whole family instead of each factory repeating every accessor.
 */
final class AnnotationAttributes {

    private AnnotationAttributes() {}

    /**
     * Returns the value of the annotation's attribute {@code name}.
     *
     * @param type the attribute's type, boxed for primitives (e.g. {@code Double.class} for a {@code double})
     * @throws IllegalStateException if the annotation declares no such attribute of that type: a defect of the
     *     annotation, not of the test that uses it
     */
    static <T> T read(Annotation annotation, String name, Class<T> type) {
        Class<? extends Annotation> annotationType = annotation.annotationType();
        try {
            return type.cast(annotationType.getMethod(name).invoke(annotation));
        } catch (ReflectiveOperationException | ClassCastException e) {
            throw new IllegalStateException(
                    "@" + annotationType.getSimpleName() + " must declare '" + name + "' of type "
                            + type.getSimpleName(),
                    e);
        }
    }
}
