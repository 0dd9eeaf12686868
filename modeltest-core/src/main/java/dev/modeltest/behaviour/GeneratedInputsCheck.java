package dev.modeltest.behaviour;

import dev.modeltest.check.Attachment;
import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.check.Format;
import dev.modeltest.check.IntervalPolicy;
import dev.modeltest.check.ShouldHaveNoViolations;
import dev.modeltest.check.Threshold;
import dev.modeltest.data.TestData;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.ModelTestException;
import dev.modeltest.gate.OutputRangeCheck;
import dev.modeltest.model.BatchPredictions;
import dev.modeltest.model.Model;
import dev.modeltest.model.Task;
import dev.modeltest.report.CsvTable;
import dev.modeltest.schema.Schema;
import dev.modeltest.subject.Subject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.apiguardian.api.API;

/**
 * Passes when the model returns exactly one valid prediction for every generated row, and throws on none. The rows
 * are drawn from the schema file's rules (types, ranges, allowed values, null fractions) where it has them, else from
 * the test data's observed ranges and categories: first the edge rows (each column at its lowest and highest value,
 * each category, missing where allowed, a category never seen where the schema does not list the allowed ones), then
 * {@code rows} random rows from a seeded generator. A prediction is valid under {@code @OutputRange}'s rules: every
 * class probability finite, within [{@code min}, {@code max}] ([0, 1] unless given) and summing to 1 within {@value
 * OutputRangeCheck#SUM_TOLERANCE}; a regressor's value finite and, when bounds are given, within them; a class among
 * the model's classes. The failure lists the first offending rows with every input value, so they can be replayed.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class GeneratedInputsCheck implements Check {

    /** The check's identifier in results and reports. */
    public static final String ID = "handles-generated-inputs";

    /** The default number of random rows. */
    public static final int ROWS = 1000;

    /** The most random rows a check draws. */
    public static final int MAX_ROWS = 10_000_000;

    private final String where;
    private final int rows;
    private final String schema;
    private final long seed;
    private final double min;
    private final double max;

    /**
     * Creates the check.
     *
     * @param where where it was configured, for messages, e.g. {@code @HandlesGeneratedInputs on IrisTest.random()}
     * @param rows the number of random rows, besides the edge rows, in [1, {@value #MAX_ROWS}]
     * @param schema the schema file the rows are drawn from (a path or {@code classpath:...}); empty for the test
     *     data's ranges and categories alone
     * @param seed the generator's seed
     * @param min the lowest valid output; NaN for the default (0 for probabilities, none for a regressor's value)
     * @param max the highest valid output; NaN for the default (1 for probabilities, none for a regressor's value)
     * @throws ConfigurationException naming the attribute when a value is out of range
     */
    public GeneratedInputsCheck(String where, int rows, String schema, long seed, double min, double max) {
        this.where = Objects.requireNonNull(where, "where");
        if (rows < 1 || rows > MAX_ROWS) {
            throw ConfigurationException.badAttribute(where, "rows", "must be in [1, " + MAX_ROWS + "]", rows);
        }
        if (Double.isInfinite(min)) {
            throw ConfigurationException.badAttribute(where, "min", "must be a finite number", min);
        }
        if (Double.isInfinite(max)) {
            throw ConfigurationException.badAttribute(where, "max", "must be a finite number", max);
        }
        if (min > max) {
            throw ConfigurationException.badAttribute(
                    where, "max", "must not be below 'min' (" + Format.number(min) + ")", Format.number(max));
        }
        this.rows = rows;
        this.schema = Objects.requireNonNull(schema, "schema");
        this.seed = seed;
        this.min = min;
        this.max = max;
    }

    /** Creates the check with the defaults: 1000 rows from the test data's ranges, seed 42, outputs as per the model. */
    public GeneratedInputsCheck(String where) {
        this(where, ROWS, "", IntervalPolicy.SEED, Double.NaN, Double.NaN);
    }

    @Override
    public CheckResult run(Subject subject) {
        Model model = Behaviour.model(subject, where);
        TestData data = subject.data();
        List<String> features = subject.features().names();
        Optional<Schema> rules = Optional.empty();
        if (!schema.isEmpty()) {
            try {
                rules = Optional.of(Schema.load(schema));
            } catch (ModelTestException e) {
                throw new ConfigurationException(where + ": 'schema': " + e.getMessage(), e);
            }
        }
        String source = rules.map(s -> "drawn from " + s.name() + " (and " + data.name() + " where it sets no rule)")
                .orElse("drawn from the ranges and values of " + data.name());
        RowGenerator.Drawn drawn = new RowGenerator(data, features, rules).draw(rows, seed, "generated rows");
        Inputs inputs = drawn.inputs();
        int edges = drawn.edges().size();
        BatchPredictions predicted =
                BatchPredictions.predict(model, inputs.rows(), inputs::batch, inputs.rows() + " generated rows");

        boolean probabilities = model.task() == Task.CLASSIFICATION && predicted.hasProbabilities();
        double low = !Double.isNaN(min) ? min : probabilities ? 0 : Double.NEGATIVE_INFINITY;
        double high = !Double.isNaN(max) ? max : probabilities ? 1 : Double.POSITIVE_INFINITY;
        Map<Integer, String> problems = new TreeMap<>();
        List<String> batchProblems = new ArrayList<>();
        for (BatchPredictions.Failure failure : predicted.failures().values()) {
            if (failure.row() >= 0) {
                problems.put(failure.row(), "threw " + cause(failure.cause()));
            } else {
                batchProblems.add(predicted.describe(failure));
            }
        }
        predicted.invalid().forEach((row, what) -> problems.putIfAbsent(row, "returned " + what));
        for (int r = 0; r < inputs.rows(); r++) {
            if (problems.containsKey(r)) {
                continue;
            }
            if (!predicted.predicted(r)) {
                problems.put(r, "returned no prediction");
            } else if (probabilities) {
                String problem = probabilityProblem(model, predicted, r, low, high);
                if (problem != null) {
                    problems.put(r, problem);
                }
            } else if (model.task() == Task.REGRESSION) {
                double v = predicted.value(r);
                if (!(v >= low && v <= high)) {
                    problems.put(r, "returned the value " + Format.number(v) + ", outside " + range(low, high));
                }
            }
        }
        String valid = probabilities
                ? "class probabilities within " + range(low, high) + " summing to 1"
                : model.task() == Task.REGRESSION
                        ? (Double.isInfinite(low) && Double.isInfinite(high)
                                ? "a finite value"
                                : "a finite value within " + range(low, high))
                        : "one of its classes";
        ShouldHaveNoViolations message = ShouldHaveNoViolations.expecting(
                "%s to return one prediction, %s, without throwing, for each of %s generated rows (%s edge rows, then"
                        + " %s random rows %s with seed %s)",
                model.describe(), valid, inputs.rows(), edges, rows, source, seed);
        long offending = problems.size() + (batchProblems.isEmpty() ? 0 : 1);
        CsvTable csv = CsvTable.of("generated row", "edge", "inputs", "problem");
        if (offending == 0) {
            message.and("it does.");
        } else if (problems.isEmpty()) {
            message.but("the model failed on whole batches, though on no row alone:");
        } else {
            message.but(
                    "%s row(s) did not%s (generated row: inputs: problem):",
                    problems.size(),
                    problems.size() > Behaviour.MAX_LISTED ? "; the first " + Behaviour.MAX_LISTED : "");
            int listed = 0;
            for (Map.Entry<Integer, String> problem : problems.entrySet()) {
                int r = problem.getKey();
                String edge = r < edges ? drawn.edges().get(r) : "";
                csv.row(r + 1, edge, inputs.describe(r), problem.getValue());
                if (listed++ < Behaviour.MAX_LISTED) {
                    message.item(
                            "row %s%s: %s: %s",
                            r + 1,
                            edge.isEmpty() ? "" : " (edge: " + edge + ")",
                            inputs.describe(r),
                            problem.getValue());
                }
            }
            message.more(problems.size() - Math.min(problems.size(), Behaviour.MAX_LISTED), "row(s)");
        }
        batchProblems.forEach(p -> message.item("%s", p));
        CheckResult.Builder result = CheckResult.builder(ID, Family.BEHAVIOUR)
                .title("one valid prediction per generated row (" + inputs.rows() + " rows)")
                .passedIf(offending == 0)
                .measured(problems.size())
                .threshold(Threshold.atMost(0), "no offending row")
                .n(inputs.rows())
                .message(message.toString())
                .detail("rows", rows)
                .detail("edgeRows", edges)
                .detail("seed", seed)
                .detail("schema", rules.map(Schema::name).orElse(""))
                .detail("offendingRows", problems.size());
        if (!batchProblems.isEmpty()) {
            result.detail("batchFailures", batchProblems);
        }
        if (offending > 0) {
            result.attach(Attachment.csv("generated rows the model did not handle", csv::toString));
        }
        return result.build();
    }

    private static String probabilityProblem(Model model, BatchPredictions predicted, int r, double low, double high) {
        double sum = 0;
        for (int k = 0; k < model.classes().size(); k++) {
            double p = predicted.probability(r, k);
            if (!(p >= low && p <= high)) {
                return "returned the probability " + Format.number(p) + " for class '"
                        + model.classes().get(k) + "', outside " + range(low, high);
            }
            sum += p;
        }
        if (Math.abs(sum - 1) > OutputRangeCheck.SUM_TOLERANCE) {
            return "returned probabilities summing to " + Format.number(sum) + ", not 1";
        }
        return null;
    }

    private static String range(double low, double high) {
        return "[" + Format.number(low) + ", " + Format.number(high) + "]";
    }

    private static String cause(Throwable cause) {
        return cause instanceof ModelTestException ? cause.getMessage() : cause.toString();
    }
}
