package dev.modeltest.quality;

import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.check.ShouldHaveNoViolations;
import dev.modeltest.check.Threshold;
import dev.modeltest.data.DataLoader;
import dev.modeltest.data.Resource;
import dev.modeltest.data.TestData;
import dev.modeltest.error.ConfigurationException;
import dev.modeltest.error.DataException;
import dev.modeltest.subject.Subject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Passes when no test row has the same feature values as a row of the training data: a model scored on rows it was
 * trained on looks better than it is. The features are the subject's (the columns the model reads); each must be in
 * the training data too. A feature is compared as numbers when both files read it as numbers, else as text; a missing
 * cell equals a missing cell.
 *
 * <p>The training rows are hashed column by column into 64-bit keys and indexed; each test row is looked up and a match
 * is confirmed cell by cell, so a hash collision cannot report a false leak. Memory grows with the training rows (a
 * key and two index slots of an {@code int} and a {@code long} per row), not with per-row objects.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class LeakageCheck implements Check {

    /** The check's identifier in results and reports. */
    public static final String ID = "no-leakage";

    private final String where;
    private final Resource train;

    /**
     * Creates the check and finds the training data file (it is read when the check runs).
     *
     * @param where where it was configured, for messages, e.g. {@code @NoLeakage on IrisTest.unseen()}
     * @param trainLocation the training data: a path relative to the working directory, or {@code classpath:...}
     * @throws ConfigurationException if the location is blank or names no file; the message starts with {@code where}
     */
    public LeakageCheck(String where, String trainLocation) {
        this.where = Objects.requireNonNull(where, "where");
        if (trainLocation == null || trainLocation.isBlank()) {
            throw ConfigurationException.badAttribute(
                    where,
                    "train",
                    "must name the training data file",
                    "'" + (trainLocation == null ? "" : trainLocation) + "'");
        }
        this.train = Resource.resolve(
                trainLocation, why -> new ConfigurationException(where + ": training data file " + why));
    }

    /**
     * {@inheritDoc}
     *
     * @throws DataException prefixed with where the check was configured, when the training data cannot be read or
     *     lacks a feature column
     */
    @Override
    public CheckResult run(Subject subject) {
        return run(subject.data(), subject.features().names());
    }

    /**
     * Runs the check on a test data set, comparing the given feature columns.
     *
     * @throws DataException prefixed with where the check was configured, when the training data cannot be read or
     *     lacks a feature column
     */
    public CheckResult run(TestData data, List<String> features) {
        TestData training;
        try {
            training = DataLoader.load(train);
            for (String feature : features) {
                training.requireColumn(feature, "feature");
            }
        } catch (DataException e) {
            throw new DataException(where + ": training data: " + e.getMessage(), e);
        }
        List<String> checked = DataQuality.columns(where, data, features);
        List<RowKeys> keys = RowKeys.comparable(training, data, checked);
        RowKeys trainKeys = keys.get(0);
        RowKeys testKeys = keys.get(1);
        RowIndex index = new RowIndex(trainKeys);
        for (int i = 0; i < trainKeys.rows(); i++) {
            index.findOrAdd(i);
        }
        int n = data.rowCount();
        long leaked = 0;
        List<int[]> examples = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            int match = index.find(testKeys, i);
            if (match >= 0) {
                leaked++;
                if (examples.size() < DataQuality.MAX_LISTED) {
                    examples.add(new int[] {i, match});
                }
            }
        }
        double fraction = (double) leaked / n;
        ShouldHaveNoViolations message = ShouldHaveNoViolations.expecting(
                "no row of %s (n=%s) to appear in the training data %s (n=%s), comparing %s feature(s): %s",
                data.name(), n, training.name(), training.rowCount(), checked.size(), DataQuality.names(checked));
        List<Map<String, Object>> exampleDetails = new ArrayList<>();
        if (leaked == 0) {
            message.and("none does.");
        } else {
            message.but("%s test row(s) do (%s of the test rows):", leaked, fraction);
            for (int[] example : examples) {
                message.item(
                        "test row %s = train row %s: %s",
                        example[0] + 1, example[1] + 1, testKeys.describe(example[0]));
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("testRow", example[0] + 1);
                detail.put("trainRow", example[1] + 1);
                detail.put("values", testKeys.describe(example[0]));
                exampleDetails.add(detail);
            }
            message.more(leaked - examples.size(), "");
        }
        return CheckResult.builder(ID, Family.DATA)
                .title("no rows of " + data.name() + " in " + training.name())
                .passedIf(leaked == 0)
                .measured(leaked)
                .threshold(Threshold.atMost(0), "0 rows")
                .n(n)
                .message(message.toString())
                .detail("train", train.location())
                .detail("trainSha256", training.sha256())
                .detail("trainRows", training.rowCount())
                .detail("features", checked)
                .detail("leakedRows", leaked)
                .detail("leakedFraction", fraction)
                .detail("firstLeaks", exampleDetails)
                .build();
    }
}
