package dev.modeltest.subject;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Which rows of the test data a model test evaluates: all of them, or a seeded sample drawn before the model is
 * called, so that the model predicts the sample only and every metric, interval and {@code n} is the sample's.
 *
 * @param rows the sample's size, at least 1
 * @param seed the seed: the same seed draws the same rows of the same data, on any machine and thread count
 * @param method how the rows are drawn
 * @param atMost when the data has no more than {@code rows} rows: {@code true} evaluates every row, {@code false}
 *     (a sample asked for one test) fails when it has fewer
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record Sampling(int rows, long seed, SampleMethod method, boolean atMost) {

    /** Every row, no sample. */
    public static final Sampling EVERY_ROW = new Sampling(Integer.MAX_VALUE, 0, SampleMethod.UNIFORM, true);

    public Sampling {
        Objects.requireNonNull(method, "method");
        if (rows < 1) {
            throw new IllegalArgumentException("a sample needs at least 1 row, was " + rows);
        }
    }

    /** Returns whether every row is evaluated, whatever the data. */
    public boolean everyRow() {
        return rows == Integer.MAX_VALUE && atMost;
    }

    /**
     * A sample that was drawn: its size, the data's size, and how it was drawn.
     *
     * @param rows the rows in the sample
     * @param of the rows of the data it was drawn from
     * @param seed its seed
     * @param method how it was drawn
     */
    public record Drawn(int rows, int of, long seed, SampleMethod method) {

        /** Returns the sample as {@code rows}, {@code of}, {@code seed} and {@code method}, for a run record. */
        public Map<String, Object> asMap() {
            Map<String, Object> map = new LinkedHashMap<>();
            map.put("rows", rows);
            map.put("of", of);
            map.put("seed", seed);
            map.put("method", method.name());
            return map;
        }
    }
}
