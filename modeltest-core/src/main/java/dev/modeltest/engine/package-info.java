/**
 * Engines that decide checks where the data lives instead of in the test JVM: a {@link
 * dev.modeltest.engine.DataEngine} reads the data locations of one scheme (modeltest-spark's {@code spark:...}) and
 * decides the checks it can on them. Found through {@link java.util.ServiceLoader}; core itself has none.
 *
 * @since 0.2.0
 */
package dev.modeltest.engine;
