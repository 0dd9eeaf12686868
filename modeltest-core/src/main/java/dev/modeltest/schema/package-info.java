/**
 * Schema files for test data: the columns a data set must have, their types and the values they may hold.
 *
 * <p>{@link dev.modeltest.schema.Schema#load(String)} reads a YAML schema file and
 * {@link dev.modeltest.schema.Schema#validate(dev.modeltest.data.TestData)} checks a data set against it.
 * {@link dev.modeltest.schema.SchemaInference} writes a starting schema from a reference data set. The format is
 * documented in {@code docs/schema.md}, inference in {@code docs/data-quality.md}.
 *
 * @since 0.1.0
 */
package dev.modeltest.schema;
