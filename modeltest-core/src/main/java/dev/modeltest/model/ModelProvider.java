package dev.modeltest.model;

import org.apiguardian.api.API;

/**
 * Builds or loads the model under test in code, for models of any library.
 *
 * <p>Name the implementing class in {@code @ModelTest(provider = ...)}. It needs a no-argument constructor (of any
 * visibility).
 * {@link #load()} is called once per test class.
 *
 * <pre>{@code
 * public class ChurnModelProvider implements ModelProvider {
 *   public Model load() {
 *     MyModel m = MyModel.read(Path.of("models/churn.bin"));
 *     return Model.probabilisticClassifier(List.of("stay", "churn"),
 *         (row, p) -> { p[1] = m.score(row.toDoubleArray()); p[0] = 1 - p[1]; });
 *   }
 * }
 * }</pre>
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
@FunctionalInterface
public interface ModelProvider {

    /** Returns the model under test. Exceptions are reported as model errors naming this provider. */
    Model load() throws Exception;
}
