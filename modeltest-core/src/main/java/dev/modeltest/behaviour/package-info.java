/**
 * Behavioural checks: they call the model on rows derived from the test data or generated from a schema, and judge how
 * it behaves there, where a held-out metric cannot look.
 *
 * <p>{@link dev.modeltest.behaviour.InvarianceCheck} changes one column between given values and counts the rows whose
 * predicted class changes; {@link dev.modeltest.behaviour.MonotonicityCheck} raises a numeric feature and counts the
 * rows whose score moves the wrong way; {@link dev.modeltest.behaviour.NoiseStabilityCheck} adds seeded noise scaled
 * to each column's spread; {@link dev.modeltest.behaviour.GeneratedInputsCheck} draws rows from a schema or the test
 * data's ranges and requires one finite, in-range prediction per row. Rates are judged with their Wilson interval by
 * the shared {@link dev.modeltest.check.Decision}. Perturbed and generated rows are predicted in batches, on all
 * cores, through {@link dev.modeltest.model.BatchPredictions}; a test that evaluates a predictions column has no model
 * to call, and these checks are then a configuration error. The rules, defaults and messages are documented in
 * {@code docs/behaviour.md}.
 *
 * @since 0.1.0
 */
package dev.modeltest.behaviour;
