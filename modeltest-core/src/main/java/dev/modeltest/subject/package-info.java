/**
 * The {@link dev.modeltest.subject.Subject} under test: the model, the test data and the predictions, loaded and
 * computed once and shared by every check of a test class.
 *
 * @since 0.1.0
 */
package dev.modeltest.subject;
