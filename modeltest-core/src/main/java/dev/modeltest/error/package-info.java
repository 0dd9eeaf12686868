/**
 * The exceptions modeltest throws: a {@link dev.modeltest.error.ConfigurationException} for what the user wrote, a
 * {@link dev.modeltest.error.DataException} for a data file, a {@link dev.modeltest.error.ModelException} for a
 * model; each message names the file, column, row or annotation attribute at fault.
 *
 * @since 0.1.0
 */
package dev.modeltest.error;
