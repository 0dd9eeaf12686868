/**
 * The JUnit Jupiter extension and its annotations: {@link dev.modeltest.junit.ModelTest} on a test class loads the
 * model and data once, and each check annotation on a method (for example
 * {@link dev.modeltest.junit.AccuracyAtLeast}) is one test that runs one {@link dev.modeltest.check.Check}. An
 * annotation names its check's factory with {@link dev.modeltest.junit.CheckedBy}.
 *
 * @since 0.1.0
 */
package dev.modeltest.junit;
