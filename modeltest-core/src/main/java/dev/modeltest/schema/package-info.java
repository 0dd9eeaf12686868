/**
 * Schema files for test data: the columns a data set must have, their types and the values they may hold.
 *
 * <p>{@link dev.modeltest.schema.Schema#load(String)} reads a YAML schema file and
 * {@link dev.modeltest.schema.Schema#validate(dev.modeltest.data.TestData)} checks a data set against it. The format is
 * documented in {@code docs/schema.md}.
 *
 * @since 0.1.0
 */
package dev.modeltest.schema;
