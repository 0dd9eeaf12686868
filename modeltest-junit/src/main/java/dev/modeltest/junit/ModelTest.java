package dev.modeltest.junit;

import dev.modeltest.model.ModelProvider;
import dev.modeltest.subject.SampleMethod;
import dev.modeltest.subject.TaskHint;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Declares a model test: which model is tested, on which data, against which label column.
 *
 * <p>The model, the data and the predictions are loaded and computed once per annotated class, on first use, and
 * shared by every check in it and in its {@code @Nested} classes. A {@code @Nested} class may carry its own
 * {@code @ModelTest} to test something else.
 *
 * <p>Give exactly one model source: {@link #model()}, {@link #provider()} or {@link #predictions()}.
 *
 * <pre>{@code
 * @ModelTest(model = "models/iris-rf.ser", data = "src/test/resources/iris-test.csv", label = "species")
 * class IrisModelTest {
 *   @AccuracyAtLeast(0.90) void accurateEnough() {}
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ModelTestExtension.class)
@API(status = API.Status.STABLE, since = "0.1.0")
public @interface ModelTest {

    /**
     * The value of {@link #sample()} that evaluates every row.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
    int ALL_ROWS = Integer.MAX_VALUE;

    /**
     * The test data: a CSV file with a header row, as a path relative to the working directory (the module directory
     * under Maven) or {@code classpath:path/in/resources.csv}.
     */
    String data();

    /** The column with the true label (classification) or true value (regression). */
    String label();

    /**
     * A model file, as a path relative to the working directory or {@code classpath:...}. Java-serialized Smile models
     * load when {@code smile-core} is on the test class path.
     */
    String model() default "";

    /** A class that builds or loads the model in code; it needs a no-argument constructor. */
    Class<? extends ModelProvider> provider() default ModelProvider.class;

    /**
     * A column of the data with predictions made elsewhere (a batch-scoring job, a Python pipeline). No model is
     * loaded: checks that call a model, such as {@link LatencyUnder}, are configuration errors.
     */
    String predictions() default "";

    /**
     * With {@link #predictions()}: the probability columns of a classifier. For two classes, one column with the
     * positive (second, in sorted order) class's probability; otherwise one column per class, in sorted class order.
     */
    String[] scores() default {};

    /**
     * The model's input columns. Default: the columns the model declares (a Smile model trained with a formula), or
     * else every column except the label, prediction and score columns.
     */
    String[] features() default {};

    /** What the predictions are, when the model cannot say (only needed with {@link #predictions()}). */
    TaskHint task() default TaskHint.AUTO;

    /**
     * The cell texts of CSV data read as missing values, besides an empty cell, which is always missing. Default: the
     * project's {@code modeltest.data.missingValues} configuration parameter (a comma-separated list, e.g. in {@code
     * src/test/resources/junit-platform.properties}), or else pandas' defaults: {@code NA}, {@code N/A}, {@code n/a},
     * {@code NULL}, {@code null}, {@code NaN}, {@code nan}, {@code -NaN}, {@code -nan}, {@code None}, {@code <NA>},
     * {@code #N/A}, {@code #N/A N/A}, {@code #NA}, {@code -1.#IND}, {@code -1.#QNAN}, {@code 1.#IND}, {@code 1.#QNAN}.
     * Matching is exact (case matters). Give {@code ""} alone to read only empty cells as missing.
     *
     * <p>In the label and predictions columns, a token is a missing value only when the column holds numbers; in a
     * text column it is a class name ({@code NA} for North America).
     *
     * @since 0.1.0
     */
    String[] missingValues() default {};

    /**
     * Columns read literally: only an empty cell is missing there, so {@code NA} in a country-code column stays the
     * text {@code NA}. Each must be a column of the data.
     *
     * @since 0.1.0
     */
    String[] literalColumns() default {};

    /**
     * Evaluates a seeded sample of this many rows instead of every row. The sample is drawn before the model is
     * called, so the model predicts the sample only, and every check (metrics with their intervals, data checks, the
     * {@code n} of each message) is on the sample; messages and reports name it, e.g. {@code Expecting model accuracy
     * on a sample of 100 000 of the 10 000 000 rows of big.csv (n=100000)}. Default: every row, or at most the
     * project's {@code modeltest.data.sample} configuration parameter.
     *
     * <p>Must be at least 1 and at most the data's rows; a sample of all rows is every row.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
    int sample() default ALL_ROWS;

    /**
     * How the sample's rows are drawn: uniformly, or stratified by the label so that each class keeps its share within
     * one row.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
    SampleMethod sampleMethod() default SampleMethod.UNIFORM;

    /**
     * The sample's seed: the same seed draws the same rows of the same data on every run, whatever the machine or the
     * number of threads.
     *
     * @since 0.1.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
    long seed() default 42;

    /**
     * A column of sample weights, as scikit-learn's {@code sample_weight}: every metric, its interval and every
     * fairness rate count a row as many times as its weight (fractional weights count fractionally), and the column is
     * not a model input. Weights must be finite and not negative, with at least one above 0; a weight of 0 leaves its
     * row out. Default: every row weighs 1. A gate that cannot honour weights says so as a configuration error.
     *
     * @since 0.2.0
     */
    @API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
    String weights() default "";
}
