package dev.modeltest.error;

import org.apiguardian.api.API;

/**
 * The data set cannot be used: the file is missing, empty or malformed, a column is missing, a label is unknown.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class DataException extends ModelTestException {

    private static final long serialVersionUID = 1L;

    public DataException(String message) {
        super(Category.DATA, message, null);
    }

    public DataException(String message, Throwable cause) {
        super(Category.DATA, message, cause);
    }
}
