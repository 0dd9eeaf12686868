package dev.modeltest.quality;

import dev.modeltest.check.Check;
import dev.modeltest.check.CheckResult;
import dev.modeltest.check.Family;
import dev.modeltest.check.ShouldHaveNoViolations;
import dev.modeltest.check.Threshold;
import dev.modeltest.data.TestData;
import dev.modeltest.subject.Subject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.apiguardian.api.API;

/**
 * Passes when no two rows with the same feature values have different labels: such rows make a perfect model
 * impossible and usually point to a labelling error or a missing feature. The features are the subject's (the
 * columns the model reads); the label is the subject's label column. Features compare as in {@link
 * DuplicateRowsCheck}; labels compare as text, and rows with a missing label are left out.
 *
 * <p>For a regression target any two different values conflict, so the check is meant for classification data.
 *
 * @since 0.1.0
 */
@API(status = API.Status.EXPERIMENTAL, since = "0.1.0")
public final class ConflictingLabelsCheck implements Check {

    /** The check's identifier in results and reports. */
    public static final String ID = "no-conflicting-labels";

    private final String where;

    /**
     * Creates the check.
     *
     * @param where where it was configured, for messages, e.g. {@code @NoConflictingLabels on IrisTest.consistent()}
     */
    public ConflictingLabelsCheck(String where) {
        this.where = Objects.requireNonNull(where, "where");
    }

    @Override
    public CheckResult run(Subject subject) {
        TestData data = subject.data();
        String label = subject.spec().label();
        data.requireColumn(label, "label");
        return run(data, subject.features().names(), label);
    }

    /** Runs the check on a data set with the given feature columns and label column. */
    public CheckResult run(TestData data, List<String> features, String label) {
        List<String> checked = DataQuality.columns(where, data, features);
        data.requireColumn(label, "label");
        RowKeys keys = RowKeys.of(data, checked);
        String[] labels = data.strings(label);
        int[] first = DataQuality.firstEqualRows(keys);
        int n = first.length;
        // Per group (indexed by its first row): the first label seen, and whether another label differs from it.
        String[] groupLabel = new String[n];
        boolean[] conflict = new boolean[n];
        for (int i = 0; i < n; i++) {
            String value = labels[i];
            if (value == null) {
                continue;
            }
            int g = first[i];
            if (groupLabel[g] == null) {
                groupLabel[g] = value;
            } else if (!conflict[g] && !groupLabel[g].equals(value)) {
                conflict[g] = true;
            }
        }
        int[] size = new int[n];
        long rows = 0;
        for (int i = 0; i < n; i++) {
            if (labels[i] != null && conflict[first[i]]) {
                size[first[i]]++;
                rows++;
            }
        }
        long groups = 0;
        List<Integer> listed = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (first[i] == i && conflict[i]) {
                groups++;
                if (listed.size() < DataQuality.MAX_LISTED) {
                    listed.add(i);
                }
            }
        }
        // Rows without a label belong to no conflict: mark them apart before collecting the members.
        int[] labelled = first.clone();
        for (int i = 0; i < n; i++) {
            if (labels[i] == null) {
                labelled[i] = -1;
            }
        }
        List<List<Integer>> members = DataQuality.members(labelled, listed);
        ShouldHaveNoViolations message = ShouldHaveNoViolations.expecting(
                "rows of %s (n=%s) with the same features (%s) to have the same label (column '%s')",
                data.name(), n, DataQuality.names(checked), label);
        List<Map<String, Object>> groupDetails = new ArrayList<>();
        if (groups == 0) {
            message.and("they do.");
        } else {
            message.but(
                    "found %s group(s) of rows, %s row(s) in all, with the same features and different labels:",
                    groups, rows);
            for (int g = 0; g < listed.size(); g++) {
                int rep = listed.get(g);
                List<String> shown = new ArrayList<>();
                List<Map<String, Object>> rowDetails = new ArrayList<>();
                for (int row : members.get(g)) {
                    shown.add((row + 1) + " ('" + labels[row] + "')");
                    rowDetails.add(Map.of("row", row + 1, "label", labels[row]));
                }
                message.item(
                        "rows %s%s: %s",
                        String.join(", ", shown), DataQuality.more(shown.size(), size[rep]), keys.describe(rep));
                Map<String, Object> detail = new LinkedHashMap<>();
                detail.put("rows", rowDetails);
                detail.put("size", size[rep]);
                detail.put("features", keys.describe(rep));
                groupDetails.add(detail);
            }
            message.more(groups - listed.size(), "group(s)");
        }
        return CheckResult.builder(ID, Family.DATA)
                .title("no conflicting labels in " + data.name())
                .passedIf(groups == 0)
                .measured(rows)
                .threshold(Threshold.atMost(0), "0 conflicting rows")
                .n(n)
                .message(message.toString())
                .detail("features", checked)
                .detail("label", label)
                .detail("conflictingRows", rows)
                .detail("groups", groups)
                .detail("firstGroups", groupDetails)
                .build();
    }
}
