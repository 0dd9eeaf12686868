package dev.modeltest.model;

import org.apiguardian.api.API;

/**
 * Where a model writes its predictions for a {@link Batch}. Row indexes are 0-based within the batch.
 *
 * <p>A classifier sets a class index per row (an index into {@link Model#classes()}) and, when it has them, the class
 * probabilities; a regressor sets a value per row. Every row must be set.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public interface Output {

    /** Sets the predicted class of a row, as an index into {@link Model#classes()}. */
    void setClass(int row, int classIndex);

    /**
     * Sets the class probabilities of a row, in the order of {@link Model#classes()}. The values are copied. When no
     * class was set for the row, the class with the highest probability is taken.
     */
    void setProbabilities(int row, double[] probabilities);

    /** Sets the predicted value of a row (regression). */
    void setValue(int row, double value);

    /**
     * Sets the predicted classes of every row of the batch at once.
     *
     * @throws dev.modeltest.error.ModelException if the array's length differs from the batch size
     */
    void setClasses(int[] classIndexes);

    /**
     * Sets the predicted values of every row of the batch at once.
     *
     * @throws dev.modeltest.error.ModelException if the array's length differs from the batch size
     */
    void setValues(double[] values);
}
