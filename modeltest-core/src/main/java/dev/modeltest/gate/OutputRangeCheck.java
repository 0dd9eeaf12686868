package dev.modeltest.gate;

import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.check.Format;
import dev.modeltest.check.ShouldHaveNoViolations;
import dev.modeltest.check.Threshold;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.internal.Numbers;
import dev.modeltest.model.Predictions;
import dev.modeltest.model.Task;
import dev.modeltest.subject.Subject;
import java.util.ArrayList;
import java.util.List;
import org.apiguardian.api.API;

/**
 * Passes when every numeric output is finite and inside {@code [min, max]}: the class probabilities of a classifier,
 * the values of a regressor. For a classifier the probabilities of each row must also sum to 1 within {@value
 * #SUM_TOLERANCE}.
 *
 * @since 0.1.0
 */
@API(status = API.Status.STABLE, since = "0.1.0")
public final class OutputRangeCheck implements Check {

    /** The check's identifier in results and reports. */
    public static final String ID = "output-range";

    /** How far the sum of a row's class probabilities may be from 1. */
    public static final double SUM_TOLERANCE = 1e-6;

    /** How many offending rows a failure lists. */
    static final int MAX_LISTED = 10;

    private final String where;
    private final double min;
    private final double max;

    /**
     * Creates the check.
     *
     * @param where where it was configured, for messages
     * @param min the lowest allowed output, finite
     * @param max the highest allowed output, finite and not below {@code min}
     * @throws ConfigurationException if the bounds are not finite or {@code min > max}
     */
    public OutputRangeCheck(String where, double min, double max) {
        if (!Double.isFinite(min)) {
            throw ConfigurationException.badAttribute(where, "min", "must be a finite number", min);
        }
        if (!Double.isFinite(max)) {
            throw ConfigurationException.badAttribute(where, "max", "must be a finite number", max);
        }
        if (min > max) {
            throw ConfigurationException.badAttribute(
                    where, "max", "must not be below 'min' (" + Format.number(min) + ")", Format.number(max));
        }
        this.where = where;
        this.min = min;
        this.max = max;
    }

    @Override
    public CheckResult run(Subject subject) {
        Predictions p = subject.predictions();
        List<String> problems = new ArrayList<>();
        long bad = 0;
        long checked = 0;
        String what;
        if (p.task() == Task.REGRESSION) {
            what = "predicted values";
            for (int r = 0; r < p.size(); r++) {
                double v = p.predictedValue(r);
                checked++;
                if (!inRange(v)) {
                    bad++;
                    note(problems, "row " + (r + 1) + ": " + Format.number(v));
                }
            }
        } else {
            if (!p.hasProbabilities()) {
                throw new ConfigurationException(where + ": " + p.modelName()
                        + " gives class labels only, no numeric outputs to check; @OutputRange needs class"
                        + " probabilities, scores or regression values");
            }
            List<String> columns = p.scoreColumns();
            what = columns.isEmpty() ? "class probabilities" : "scores in " + quoted(columns);
            int k = p.classes().size();
            // With one score column (binary) the other class's probability is derived as 1 − score: check the column
            // the user wrote, and name it with the value the file holds.
            int first = columns.size() == 1 ? 1 : 0;
            for (int r = 0; r < p.size(); r++) {
                double sum = 0;
                boolean rowBad = false;
                for (int c = first; c < k; c++) {
                    double v = p.probability(r, c);
                    sum += v;
                    checked++;
                    if (!inRange(v)) {
                        rowBad = true;
                        note(
                                problems,
                                columns.isEmpty()
                                        ? "row " + (r + 1) + ", class "
                                                + p.classes().get(c) + ": " + Format.number(v)
                                        : "row " + (r + 1) + ", " + columns.get(c - first) + ": " + Numbers.plain(v));
                    }
                }
                if (!rowBad && first == 0 && Math.abs(sum - 1) > SUM_TOLERANCE) {
                    rowBad = true;
                    note(
                            problems,
                            "row " + (r + 1) + ": "
                                    + (columns.isEmpty() ? "probabilities" : String.join(" + ", columns)) + " sum to "
                                    + Format.number(sum) + ", not 1");
                }
                if (rowBad) {
                    bad++;
                }
            }
        }
        boolean holds = bad == 0;
        String range = "[" + Format.number(min) + ", " + Format.number(max) + "]";
        ShouldHaveNoViolations message = ShouldHaveNoViolations.expecting(
                "every one of the %s of %s on %s (n=%s) to be finite and within %s%s",
                what,
                p.modelName(),
                p.dataName(),
                p.size(),
                range,
                p.task() == Task.CLASSIFICATION && p.scoreColumns().size() != 1 ? ", summing to 1 per row" : "");
        if (holds) {
            message.and("all %s are.", checked);
        } else if (problems.size() == MAX_LISTED) {
            message.but("%s row(s) are not; the first %s problems:", bad, MAX_LISTED)
                    .items(problems);
        } else {
            message.but("%s row(s) are not:", bad).items(problems);
        }
        return CheckResult.builder(ID, Family.OUTPUT)
                .title(what + " within " + range + " on " + p.dataName())
                .passedIf(holds)
                .measured(bad)
                .threshold(Threshold.atMost(0), "all in " + range)
                .n(p.size())
                .message(message.toString())
                .detail("offendingRows", bad)
                .detail("valuesChecked", checked)
                .detail("firstOffending", problems)
                .build();
    }

    private static String quoted(List<String> columns) {
        List<String> names = new ArrayList<>();
        columns.forEach(c -> names.add("'" + c + "'"));
        return String.join(", ", names);
    }

    private boolean inRange(double v) {
        return Double.isFinite(v) && v >= min && v <= max;
    }

    private static void note(List<String> problems, String line) {
        if (problems.size() < MAX_LISTED) {
            problems.add(line);
        }
    }
}
