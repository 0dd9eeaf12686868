package dev.modeltest.xgboost;

/**
 * The model file is not a well-formed XGBoost model. Thrown while parsing, before the file's name is known to the
 * code that finds the problem; {@link XGBoostModels} turns it into a {@link dev.modeltest.error.ModelException} that
 * names the file.
 */
final class MalformedModelException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    MalformedModelException(String message) {
        super(message);
    }

    MalformedModelException(String message, Throwable cause) {
        super(message, cause);
    }
}
