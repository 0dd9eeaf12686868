package dev.modeltest.schema;

import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.check.ShouldHaveNoViolations;
import dev.modeltest.check.Threshold;
import dev.modeltest.data.TestData;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.subject.Subject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apiguardian.api.API;

/**
 * Passes when the test data matches a schema file: the row count is in range, every declared column is present with
 * the declared type and values, no undeclared column is (unless the schema allows a superset), and the columns come in
 * the schema's order when it asks for one. See {@link Schema} and {@code docs/schema.md} for the rules.
 *
 * <p>The schema is read when the check is created, so a bad schema file fails before any data is loaded.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class SchemaCheck implements Check {

    /** The check's identifier in results and reports. */
    public static final String ID = "schema-matches";

    private final Schema schema;

    /**
     * Creates the check and reads the schema.
     *
     * @param where where it was configured, for messages, e.g. {@code @SchemaMatches on IrisTest.schema()}
     * @param schemaLocation the schema file: a path relative to the working directory, or {@code classpath:...}
     * @throws ConfigurationException if the location is blank, or the file is missing or not a valid schema; the
     *     message starts with {@code where}
     */
    public SchemaCheck(String where, String schemaLocation) {
        if (schemaLocation == null || schemaLocation.isBlank()) {
            throw ConfigurationException.badAttribute(
                    where,
                    "value",
                    "must name a schema file",
                    "'" + (schemaLocation == null ? "" : schemaLocation) + "'");
        }
        try {
            this.schema = Schema.load(schemaLocation);
        } catch (ConfigurationException e) {
            throw new ConfigurationException(where + ": " + e.getMessage(), e);
        }
    }

    /** Returns the schema the data is checked against. */
    public Schema schema() {
        return schema;
    }

    @Override
    public CheckResult run(Subject subject) {
        return run(subject.data());
    }

    /** Runs the check on a data set alone: it needs no model. */
    public CheckResult run(TestData data) {
        SchemaValidation validation = schema.validate(data);
        long total = validation.violationCount();
        ShouldHaveNoViolations message = ShouldHaveNoViolations.expecting(
                "%s (n=%s) to match schema %s", data.name(), data.rowCount(), schema.name());
        if (validation.passed()) {
            message.and(
                    "it does: %s column(s), every rule holds on every row.",
                    schema.columns().size());
        } else {
            message.but(
                    "found %s violation(s) of %s rule(s):",
                    total, validation.failures().size());
            validation.failures().forEach(f -> message.item("%s", f.describe()));
        }
        return CheckResult.builder(ID, Family.DATA)
                .title(data.name() + " matches schema " + schema.name())
                .passedIf(validation.passed())
                .measured(total)
                .threshold(Threshold.atMost(0), "no violations")
                .n(data.rowCount())
                .message(message.toString())
                .detail("schema", schema.location())
                .detail("columns", schema.columns().size())
                .detail("violations", total)
                .detail("rulesBroken", validation.failures().size())
                .detail("failures", failureDetails(validation))
                .build();
    }

    private static List<Map<String, Object>> failureDetails(SchemaValidation validation) {
        List<Map<String, Object>> failures = new ArrayList<>();
        for (RuleViolations failure : validation.failures()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("column", failure.column());
            entry.put("rule", failure.rule());
            entry.put("label", failure.label());
            entry.put("count", failure.count());
            List<Map<String, Object>> examples = new ArrayList<>();
            for (SchemaViolation violation : failure.examples()) {
                Map<String, Object> example = new LinkedHashMap<>();
                example.put("row", violation.row());
                example.put("value", violation.value());
                example.put("message", violation.message());
                examples.add(example);
            }
            entry.put("examples", examples);
            failures.add(entry);
        }
        return failures;
    }
}
