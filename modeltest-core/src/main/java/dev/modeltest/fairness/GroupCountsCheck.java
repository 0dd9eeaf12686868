package dev.modeltest.fairness;

import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import java.util.Optional;
import org.apiguardian.api.API;

/**
 * A fairness check that decides from counts merged elsewhere ({@link GroupCounts}), with the same value, bootstrap
 * interval, verdict, message and per-group table as on the rows in memory: every fairness check of this package is
 * one. The in-memory path counts the rows into the same per-group confusion counts and decides with the same code.
 *
 * @since 0.2.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.2.0")
public interface GroupCountsCheck extends Check {

    /** Returns the check's options: the attribute columns to count the rows by, the positive label, the bootstrap. */
    FairnessOptions options();

    /**
     * Says why this check cannot be decided from label counts, or empty when it can. A check that decides on a
     * threshold of the positive class's probability needs each row's probability, which label counts do not hold.
     */
    Optional<String> notFromGroupCounts();

    /**
     * Decides the check from merged counts.
     *
     * @param counts the rows counted per group of {@link FairnessOptions#attributes()} and per label pair
     * @param dataName the data's name for messages, e.g. a table or a path
     * @param modelName what predicted, for messages, e.g. {@code predictions column 'approved'}
     * @return the result, as on the same rows in memory
     * @throws dev.modeltest.error.ConfigurationException if the check cannot be decided from counts ({@link
     *     #notFromGroupCounts()}), the counts are grouped by other attributes, the labels are not two classes, or
     *     the check's positive label or privileged group is not among them
     */
    CheckResult evaluate(GroupCounts counts, String dataName, String modelName);
}
