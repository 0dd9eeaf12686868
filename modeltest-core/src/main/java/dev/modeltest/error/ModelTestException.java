package dev.modeltest.error;

import org.apiguardian.api.API;

/**
 * A problem that stops modeltest from judging a model: bad configuration, bad data or a broken model.
 *
 * <p>Every message names where the problem is (annotation attribute, file, column, row) so the user can act on it
 * without reading a stack trace. The {@link #category()} sorts failures in reports.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public class ModelTestException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What kind of problem this is; reports group failures by it. */
    public enum Category {
        /** The test is configured wrongly (annotation attribute, missing source, wrong combination). */
        CONFIGURATION,
        /** The data set is missing, empty, malformed or does not fit the model. */
        DATA,
        /** The model could not be loaded or produced unusable output. */
        MODEL
    }

    private final Category category;

    protected ModelTestException(Category category, String message, Throwable cause) {
        super(message, cause);
        this.category = category;
    }

    /** Returns what kind of problem this is. */
    public Category category() {
        return category;
    }
}
