/**
 * Where a model test ran (modeltest version, JDK, OS, CPU, git commit), captured once per JVM for reports and run
 * records.
 *
 * @since 0.1.0
 */
package dev.modeltest.env;
