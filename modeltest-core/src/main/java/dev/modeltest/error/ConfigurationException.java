package dev.modeltest.error;

import org.apiguardian.api.API;

/**
 * The test is configured wrongly: an annotation attribute out of range, two model sources, a check that does not
 * apply to the model.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ConfigurationException extends ModelTestException {

    private static final long serialVersionUID = 1L;

    public ConfigurationException(String message) {
        super(Category.CONFIGURATION, message, null);
    }

    public ConfigurationException(String message, Throwable cause) {
        super(Category.CONFIGURATION, message, cause);
    }

    /**
     * Creates the error for an annotation attribute with a bad value, in the form {@code @AccuracyAtLeast on
     * IrisTest.accuracy(): 'value' must be in [0, 1], was 1.5}.
     *
     * @param where the annotation and the element it sits on, e.g. {@code @AccuracyAtLeast on IrisTest.accuracy()}
     * @param attribute the attribute's name
     * @param rule what the value must satisfy, e.g. {@code must be in [0, 1]}
     * @param value the value found
     */
    public static ConfigurationException badAttribute(String where, String attribute, String rule, Object value) {
        return new ConfigurationException(where + ": '" + attribute + "' " + rule + ", was " + value);
    }
}
