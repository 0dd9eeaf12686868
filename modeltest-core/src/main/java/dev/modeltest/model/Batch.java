package dev.modeltest.model;

import java.util.List;
import org.apiguardian.api.API;

/**
 * A run of consecutive data rows handed to {@link Model#predict(Batch, Output)}.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface Batch {

    /** Returns the number of rows in the batch. */
    int size();

    /** Returns the feature names, in input order. */
    List<String> featureNames();

    /**
     * Returns row {@code i} of the batch (0-based within the batch). The returned view may be reused by the next call:
     * read it before asking for another row.
     */
    Row row(int i);

    /** Returns the features of every row as a new {@code double[size()][features]} array; all must be numeric. */
    double[][] toDoubleMatrix();
}
