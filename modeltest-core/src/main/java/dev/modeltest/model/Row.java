package dev.modeltest.model;

import java.util.List;
import org.apiguardian.api.API;

/**
 * One row of model input: the feature values of a data row, in the order of {@link #featureNames()}.
 *
 * <p>A row is a view that the caller may reuse for the next row: read what you need, and do not keep it.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface Row {

    /** Returns the feature names, in input order. */
    List<String> featureNames();

    /** Returns the index of a feature, or fails naming the known features. */
    int featureIndex(String name);

    /** Returns a numeric feature, {@code NaN} when missing. */
    double getDouble(int feature);

    /** Returns a numeric feature by name, {@code NaN} when missing. */
    default double getDouble(String name) {
        return getDouble(featureIndex(name));
    }

    /** Returns a feature as text, {@code null} when missing. */
    String getString(int feature);

    /** Returns a feature as text by name, {@code null} when missing. */
    default String getString(String name) {
        return getString(featureIndex(name));
    }

    /** Returns all features as a new array of doubles; every feature must be numeric. */
    double[] toDoubleArray();

    /** Returns the 0-based index of this row in the data set. */
    int index();
}
