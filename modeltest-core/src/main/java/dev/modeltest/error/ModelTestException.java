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

    /**
     * The longest message kept, in characters. Values echoed from files are cut where they are quoted; this bounds the
     * whole message as well, so that no input can make a failure, a console row or a report as large as itself.
     */
    public static final int MAX_MESSAGE_LENGTH = 20_000;

    private final Category category;

    protected ModelTestException(Category category, String message, Throwable cause) {
        super(capped(message), cause);
        this.category = category;
    }

    /** Cuts a message longer than {@link #MAX_MESSAGE_LENGTH}, saying how much was left out. */
    static String capped(String message) {
        if (message == null || message.length() <= MAX_MESSAGE_LENGTH) {
            return message;
        }
        return message.substring(0, MAX_MESSAGE_LENGTH) + "… (" + (message.length() - MAX_MESSAGE_LENGTH)
                + " more characters left out)";
    }

    /** Returns what kind of problem this is. */
    public Category category() {
        return category;
    }
}
