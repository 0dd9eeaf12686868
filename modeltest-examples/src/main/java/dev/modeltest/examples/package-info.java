/**
 * Trains the example models whose checks run in this module's tests.
 *
 * @since 0.1.0
 */
package dev.modeltest.examples;
