package dev.modeltest.error;

import org.apiguardian.api.API;

/**
 * The model cannot be used: the file is missing, corrupt or of an unsupported kind, or the model's output is unusable
 * (a missing prediction, a class index out of range, fewer predictions than rows).
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class ModelException extends ModelTestException {

    private static final long serialVersionUID = 1L;

    public ModelException(String message) {
        super(Category.MODEL, message, null);
    }

    public ModelException(String message, Throwable cause) {
        super(Category.MODEL, message, cause);
    }
}
