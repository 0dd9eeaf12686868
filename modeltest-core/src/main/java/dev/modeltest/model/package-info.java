/**
 * Models as modeltest sees them: a {@link dev.modeltest.model.Model} predicts a
 * {@link dev.modeltest.model.Batch} of rows into {@link dev.modeltest.model.Outputs}; a
 * {@link dev.modeltest.model.ModelProvider} found by {@link java.util.ServiceLoader} loads a model file; the
 * {@link dev.modeltest.model.Predictions} of a whole test set are what metric checks read.
 *
 * @since 0.1.0
 */
package dev.modeltest.model;
