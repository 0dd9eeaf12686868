/**
 * Fluent AssertJ assertions on predictions, for tests that compute their own subsets or combinations: everything the
 * metric check annotations can say, with the same messages. Start at {@link dev.modeltest.assertions.ModelAssertions}.
 *
 * @since 0.1.0
 */
package dev.modeltest.assertions;
