package dev.modeltest.schema;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * The outcome of checking a data set against a schema.
 *
 * @param schema the schema's file name, e.g. {@code iris.schema.yaml}
 * @param data the data set's name, e.g. {@code iris-test.csv}
 * @param rows the number of data rows checked
 * @param failures the rules broken, one entry per column and rule: the row count first, then schema columns in file
 *     order (each rule in the order type, nullable, maxNullFraction, min, max, allowed, regex, unique,
 *     maxCardinality), then data columns the schema does not declare, then the column order; empty when the data
 *     matches
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public record SchemaValidation(String schema, String data, int rows, List<RuleViolations> failures) {

    public SchemaValidation {
        Objects.requireNonNull(schema, "schema");
        Objects.requireNonNull(data, "data");
        failures = List.copyOf(failures);
    }

    /** Returns whether the data breaks no rule. */
    public boolean passed() {
        return failures.isEmpty();
    }

    /** Returns the number of violations, counting each broken cell and each column-level violation once. */
    public long violationCount() {
        long total = 0;
        for (RuleViolations failure : failures) {
            total += failure.count();
        }
        return total;
    }

    /** Returns the violations kept as examples (at most {@value RuleViolations#MAX_EXAMPLES} per column and rule). */
    public List<SchemaViolation> violations() {
        List<SchemaViolation> all = new ArrayList<>();
        for (RuleViolations failure : failures) {
            all.addAll(failure.examples());
        }
        return all;
    }
}
